/**
 * `npm run new`: turns a contributor's answers (from prompts or flags) into the files of a new
 * agreement, and any agency or person files it needs, validated by the real schemas before
 * anything is written. Pure: the script does the reading, prompting and writing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { CatalogueInput } from '../catalogue/input.ts';
import { formatPath } from '../catalogue/problems.ts';
import { closestIds } from '../catalogue/suggest.ts';
import { idPattern } from '../schemas/common.ts';
import { parsePartialDate } from '../schemas/date.ts';
import { agencySchema, agreementSchema, personSchema } from '../schemas/index.ts';
import type { AgencyKind } from '../vocabulary.ts';

/** An agency to create alongside the agreement. */
export interface NewAgency {
  readonly id: string;
  readonly country: string;
  readonly name: string;
  readonly kind: AgencyKind;
  /** One or two sentences; the default only restates what the contributor gave. */
  readonly description?: string;
}

/** A person to create alongside the agreement. */
export interface NewPerson {
  readonly id: string;
  readonly country: string;
  readonly name: string;
}

/** The one source a new entry starts from; more can be added to the file afterwards. */
export interface SourceAnswers {
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly published?: string;
  readonly language: string;
}

/** Everything `npm run new` asks for. Party membership follows each agency's and person's country. */
export interface AgreementAnswers {
  /** The file name without extension; suggested from the title and year when left out. */
  readonly id?: string;
  readonly title: string;
  readonly shortTitle?: string;
  readonly kind: string;
  readonly binding: string;
  readonly status: string;
  readonly signed: string;
  readonly countries: readonly string[];
  readonly agencies: readonly string[];
  readonly signatories: readonly string[];
  readonly participants: readonly string[];
  readonly topics: readonly string[];
  readonly summary: string;
  readonly source: SourceAnswers;
  readonly newAgencies: readonly NewAgency[];
  readonly newPeople: readonly NewPerson[];
  /** The day the entry was checked against its source, `YYYY-MM-DD`. */
  readonly verified: string;
}

/** A file to write, relative to the content root's parent as the checker reports it. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

export type Plan =
  | { readonly ok: true; readonly id: string; readonly files: readonly PlannedFile[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Lower-case words joined by hyphens, ASCII only, as every id is. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words that make ids long without telling entries apart. */
const fillerWords: ReadonlySet<string> = new Set(['a', 'an', 'and', 'between', 'for', 'in', 'of', 'on', 'the', 'to']);

/**
 * An agreement id in the house convention: a few words of the (short) title, ending with the year
 * signed, such as `uk-japan-digital-partnership-2022`.
 */
export function suggestAgreementId(title: string, signed: string): string {
  const year = parsePartialDate(signed)?.year;
  const words = slugify(title)
    .split('-')
    .filter((word) => word && !fillerWords.has(word) && word !== String(year))
    .slice(0, 6);
  return [...words, ...(year === undefined ? [] : [String(year)])].join('-');
}

/** Reads `id:CC:Name` (a new agency) or returns why it cannot. */
export function parseNewAgency(text: string): NewAgency | string {
  const [id = '', country = '', ...rest] = text.split(':');
  const name = rest.join(':').trim();
  if (!id || !country || !name)
    return `--new-agency "${text}" must be id:CC:Name, for example "digital-agency:JP:Digital Agency"`;
  return { id: id.trim(), country: country.trim(), name, kind: 'agency' };
}

/** Reads `id:CC:Name` (a new person) or returns why it cannot. */
export function parseNewPerson(text: string): NewPerson | string {
  const [id = '', country = '', ...rest] = text.split(':');
  const name = rest.join(':').trim();
  if (!id || !country || !name)
    return `--new-person "${text}" must be id:CC:Name, for example "kono-taro:JP:Kono Taro"`;
  return { id: id.trim(), country: country.trim(), name };
}

/** The command-line flags of `npm run new`, each answering one prompt. */
export const newAgreementOptions = {
  content: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  'short-title': { type: 'string' },
  kind: { type: 'string' },
  binding: { type: 'string' },
  status: { type: 'string' },
  signed: { type: 'string' },
  country: { type: 'string', multiple: true },
  agency: { type: 'string', multiple: true },
  signatory: { type: 'string', multiple: true },
  participant: { type: 'string', multiple: true },
  topic: { type: 'string', multiple: true },
  summary: { type: 'string' },
  'source-url': { type: 'string' },
  'source-title': { type: 'string' },
  'source-publisher': { type: 'string' },
  'source-published': { type: 'string' },
  'source-language': { type: 'string' },
  'new-agency': { type: 'string', multiple: true },
  'new-person': { type: 'string', multiple: true },
  verified: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type NewAgreementFlags = ReturnType<typeof parseNewAgreementFlags>['values'];

/** Parses the flags; unknown flags throw, so a typo never yields a half-filled entry. */
export function parseNewAgreementFlags(args: readonly string[]) {
  return parseArgs({ args: [...args], options: newAgreementOptions, allowPositionals: false, strict: true });
}

/** Answers from flags alone, with the defaults a scripted run gets; undefined where a value is missing. */
export function answersFromFlags(
  flags: NewAgreementFlags,
  today: string,
): { answers?: AgreementAnswers; missing: string[]; errors: string[] } {
  const errors: string[] = [];
  const newAgencies: NewAgency[] = [];
  for (const text of flags['new-agency'] ?? []) {
    const parsed = parseNewAgency(text);
    if (typeof parsed === 'string') errors.push(parsed);
    else newAgencies.push(parsed);
  }
  const newPeople: NewPerson[] = [];
  for (const text of flags['new-person'] ?? []) {
    const parsed = parseNewPerson(text);
    if (typeof parsed === 'string') errors.push(parsed);
    else newPeople.push(parsed);
  }
  const required = {
    title: flags.title,
    kind: flags.kind,
    signed: flags.signed,
    summary: flags.summary,
    'source-url': flags['source-url'],
    'source-title': flags['source-title'],
    'source-publisher': flags['source-publisher'],
  };
  const missing = Object.entries(required)
    .filter(([, value]) => value === undefined)
    .map(([key]) => `--${key}`);
  if ((flags.country ?? []).length < 2) missing.push('--country (two or more)');
  if ((flags.topic ?? []).length < 1) missing.push('--topic');
  if (missing.length > 0 || errors.length > 0) return { missing, errors };
  return {
    missing,
    errors,
    answers: {
      ...(flags.id !== undefined ? { id: flags.id } : {}),
      title: flags.title ?? '',
      ...(flags['short-title'] !== undefined ? { shortTitle: flags['short-title'] } : {}),
      kind: flags.kind ?? '',
      binding: flags.binding ?? 'unknown',
      status: flags.status ?? 'unknown',
      signed: flags.signed ?? '',
      countries: flags.country ?? [],
      agencies: [...(flags.agency ?? []), ...newAgencies.map((agency) => agency.id)],
      signatories: flags.signatory ?? [],
      participants: flags.participant ?? [],
      topics: flags.topic ?? [],
      summary: flags.summary ?? '',
      source: {
        url: flags['source-url'] ?? '',
        title: flags['source-title'] ?? '',
        publisher: flags['source-publisher'] ?? '',
        ...(flags['source-published'] !== undefined ? { published: flags['source-published'] } : {}),
        language: flags['source-language'] ?? 'en',
      },
      newAgencies,
      newPeople,
      verified: flags.verified ?? today,
    },
  };
}

/** Schema issues as `field: message` lines, prefixed with what was being validated. */
function issues(what: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${what} ${formatPath(issue.path) || '(file)'}: ${issue.message}`);
}

function unknownId(kind: string, id: string, candidates: readonly { id: string }[], create: string): string {
  const closest = closestIds(id, candidates, 1);
  return `unknown ${kind} "${id}".${closest[0] ? ` Did you mean "${closest[0]}"?` : ''} To add it, use ${create}.`;
}

const yamlOptions = { lineWidth: 0 } as const;

/** YAML reads `true`, `false` and bare years as other types; the schema accepts those forms. */
function bindingValue(binding: string): boolean | string {
  if (binding === 'true' || binding === 'yes') return true;
  if (binding === 'false' || binding === 'no') return false;
  return binding;
}

/**
 * Plans the files of a new agreement: checks every answer against the catalogue (ids that must
 * exist, ids that must not) and the real schemas, and returns either the files or every error.
 */
export function planNewAgreement(answers: AgreementAnswers, known: CatalogueInput, contentRoot: string): Plan {
  const errors: string[] = [];
  const id = answers.id ?? suggestAgreementId(answers.shortTitle ?? answers.title, answers.signed);
  if (!idPattern.test(id)) errors.push(`the id "${id}" must be lower-case letters, digits and single hyphens.`);
  const year = parsePartialDate(answers.signed)?.year;
  if (year !== undefined && !id.endsWith(`-${year}`))
    errors.push(`the id "${id}" must end with the year signed, -${year}.`);
  if (known.agreements.some((entry) => entry.id === id)) errors.push(`an agreement "${id}" already exists.`);

  const countries = [...new Set(answers.countries)];
  const agencyCountry = new Map<string, string>(known.agencies.map((entry) => [entry.id, entry.data.country]));
  for (const agency of answers.newAgencies) {
    if (agencyCountry.has(agency.id))
      errors.push(`an agency "${agency.id}" already exists; use --agency ${agency.id}.`);
    agencyCountry.set(agency.id, agency.country);
  }
  const personCountry = new Map<string, string | undefined>(
    known.people.map((entry) => [entry.id, entry.data.country]),
  );
  for (const person of answers.newPeople) {
    if (personCountry.has(person.id)) errors.push(`a person "${person.id}" already exists; name them by id.`);
    personCountry.set(person.id, person.country);
  }

  const partyOf = (kind: string, id: string, country: string | undefined): string | undefined => {
    if (country === undefined) {
      errors.push(`the ${kind} "${id}" has no country in its file, so its party is unclear; add one.`);
      return undefined;
    }
    if (!countries.includes(country)) {
      errors.push(`the ${kind} "${id}" belongs to ${country}, which is not a party; add --country ${country}.`);
      return undefined;
    }
    return country;
  };
  const members = (ids: readonly string[], kind: 'agency' | 'person') => {
    const byCountry = new Map<string, string[]>();
    for (const memberId of ids) {
      const lookup = kind === 'agency' ? agencyCountry : personCountry;
      if (!lookup.has(memberId)) {
        errors.push(
          kind === 'agency'
            ? unknownId('agency', memberId, known.agencies, `--new-agency ${memberId}:CC:Name`)
            : unknownId('person', memberId, known.people, `--new-person ${memberId}:CC:Name`),
        );
        continue;
      }
      const country = partyOf(kind, memberId, lookup.get(memberId));
      if (country) byCountry.set(country, [...(byCountry.get(country) ?? []), memberId]);
    }
    return byCountry;
  };
  const agencies = members(answers.agencies, 'agency');
  const signatories = members(answers.signatories, 'person');
  const participants = members(answers.participants, 'person');
  for (const topic of answers.topics) {
    if (!known.topics.some((entry) => entry.id === topic))
      errors.push(unknownId('topic', topic, known.topics, `a new file content/topics/${topic}.yaml`));
  }

  const published = answers.source.published ?? answers.signed;
  const sourceYear = parsePartialDate(published)?.year;
  const sourceId = [slugify(answers.source.publisher) || 'source', ...(sourceYear ? [String(sourceYear)] : [])].join(
    '-',
  );
  // The one source states every fact it was given for; a new list each time, as YAML would write
  // a list used twice as an anchor and an alias.
  const cited = () => [sourceId];
  const people = (ids: readonly string[] | undefined) => (ids ?? []).map((person) => ({ person, sources: cited() }));
  const binding = bindingValue(answers.binding);
  const frontmatter = {
    title: answers.title,
    ...(answers.shortTitle ? { shortTitle: answers.shortTitle } : {}),
    kind: answers.kind,
    binding,
    parties: countries.map((country) => ({
      country,
      ...(agencies.get(country) ? { agencies: agencies.get(country) } : {}),
      sources: cited(),
      ...(signatories.get(country) ? { signatories: people(signatories.get(country)) } : {}),
      ...(participants.get(country) ? { participants: people(participants.get(country)) } : {}),
    })),
    signed: answers.signed,
    status: answers.status,
    cite: {
      title: cited(),
      kind: cited(),
      ...(binding === 'unknown' ? {} : { binding: cited() }),
      signed: cited(),
      ...(answers.status === 'unknown' ? {} : { status: cited() }),
      summary: cited(),
    },
    topics: [...new Set(answers.topics)],
    summary: answers.summary,
    sources: [
      {
        id: sourceId,
        url: answers.source.url,
        title: answers.source.title,
        publisher: answers.source.publisher,
        ...(answers.source.published ? { published: answers.source.published } : {}),
        language: answers.source.language,
      },
    ],
    verified: answers.verified,
  };
  const agreement = agreementSchema.safeParse(frontmatter);
  if (!agreement.success) errors.push(...issues('agreement', agreement.error));

  const files: PlannedFile[] = [];
  for (const agency of answers.newAgencies) {
    const data = {
      name: agency.name,
      country: agency.country,
      kind: agency.kind,
      // Restates only what the contributor gave; the reviewer checklist asks for a real description.
      description: agency.description ?? `${agency.name}, a government body.`,
    };
    const parsed = agencySchema.safeParse(data);
    if (!parsed.success) errors.push(...issues(`new agency ${agency.id}`, parsed.error));
    if (!idPattern.test(agency.id)) errors.push(`the agency id "${agency.id}" must be lower-case words and hyphens.`);
    files.push({ path: path.join(contentRoot, 'agencies', `${agency.id}.yaml`), text: stringify(data, yamlOptions) });
  }
  for (const person of answers.newPeople) {
    const data = { name: person.name, country: person.country };
    const parsed = personSchema.safeParse(data);
    if (!parsed.success) errors.push(...issues(`new person ${person.id}`, parsed.error));
    if (!idPattern.test(person.id)) errors.push(`the person id "${person.id}" must be lower-case words and hyphens.`);
    files.push({ path: path.join(contentRoot, 'people', `${person.id}.yaml`), text: stringify(data, yamlOptions) });
  }
  // The body is left for the contributor: a placeholder sentence could be published by mistake.
  files.push({
    path: path.join(contentRoot, 'agreements', `${id}.mdx`),
    text: `---\n${stringify(frontmatter, yamlOptions)}---\n`,
  });
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, id, files };
}

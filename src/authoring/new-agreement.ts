/**
 * `npm run new`: turns a contributor's answers (from prompts or flags) into the files of a new
 * agreement, and any agency or person files it needs, validated by the real schemas before
 * anything is written. Pure: the script does the reading, prompting and writing.
 */
import { parseArgs } from 'node:util';
import { Document, isScalar, isSeq, stringify, visit } from 'yaml';
import type { z } from 'zod';
import type { CatalogueInput } from '../catalogue/input.ts';
import { formatPath } from '../checker/problems.ts';
import { closestIds } from '../suggest.ts';
import { idPattern } from '../schemas/common.ts';
import { parsePartialDate } from '../schemas/date.ts';
import { agencySchema, agreementSchema, personSchema } from '../schemas/index.ts';
import { entryFile } from '../collections.ts';
import { countryName, isOrganisationCode } from '../countries.ts';
import { citedFacts, type AgencyKind, type AgreementKind, type CitedFact } from '../vocabulary.ts';

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

/** A source of the new entry; its id is suggested from the publisher and year when left out. */
export interface SourceAnswers {
  readonly id?: string;
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly published?: string;
  readonly language: string;
}

/** A person who signed or took part, with the role a source gives them. */
export interface PersonAnswers {
  readonly id: string;
  readonly role?: string;
}

/** A dated milestone and the one source that reports it. */
export interface EventAnswers {
  readonly date: string;
  readonly kind: string;
  readonly title: string;
  readonly source: string;
  readonly place?: string;
}

/**
 * The facts a reference can name, as `npm run new` asks for them and `--cite` writes them: the
 * top-level facts by name, and `party:CC`, `person:ID`, `place`, `term`, `related:ID`.
 */
export type FactKey = CitedFact | 'place' | 'term' | `party:${string}` | `person:${string}` | `related:${string}`;

/** Everything `npm run new` asks for. Party membership follows each agency's and person's country. */
export interface AgreementAnswers {
  /** The file name without extension; suggested in the house style when left out. */
  readonly id?: string;
  readonly title: string;
  readonly shortTitle?: string;
  readonly aliases?: readonly string[];
  readonly kind: string;
  readonly binding: string;
  readonly status: string;
  readonly signed: string;
  readonly inForce?: string;
  readonly expires?: string;
  readonly term?: { readonly years?: number; readonly months?: number };
  readonly place?: { readonly city: string; readonly country: string };
  readonly countries: readonly string[];
  readonly agencies: readonly string[];
  readonly signatories: readonly (string | PersonAnswers)[];
  readonly participants: readonly (string | PersonAnswers)[];
  readonly topics: readonly string[];
  readonly summary: string;
  /** The sources, first one first; a single one may be given as `source`. */
  readonly sources?: readonly SourceAnswers[];
  readonly source?: SourceAnswers;
  /**
   * The ids of the sources that state each fact. With one source, every fact names it, since
   * nothing else could state it; with several, every fact given must say which.
   */
  readonly cite?: Readonly<Partial<Record<FactKey, readonly string[]>>>;
  readonly events?: readonly EventAnswers[];
  readonly related?: readonly { readonly agreement: string; readonly relation: string }[];
  readonly newAgencies: readonly NewAgency[];
  readonly newPeople: readonly NewPerson[];
  /** The day the entry was checked against its sources, `YYYY-MM-DD`. */
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

/** The short forms ids use for the kinds of instrument ("gds-digital-agency-moc-2022"). */
const kindAbbreviations: Readonly<Partial<Record<AgreementKind, string>>> = {
  'memorandum-of-cooperation': 'moc',
  'memorandum-of-understanding': 'mou',
  'letter-of-intent': 'loi',
  'digital-economy-agreement': 'dea',
};

/** The same short forms where a title spells the kind out. */
function abbreviateKinds(slug: string): string {
  return Object.entries(kindAbbreviations).reduce(
    (text, [kind, short]) =>
      text.replace(new RegExp(`(^|-)${kind.replaceAll('-of-', '-(?:of-)?')}(?=-|$)`, 'g'), `$1${short}`),
    slug,
  );
}

/**
 * An agreement id in the house convention from a (short) title: its words without filler, the
 * kinds of instrument abbreviated (MoC, MoU), ending with the year signed, such as
 * `gds-digital-agency-moc-2022` from "GDS-Digital Agency MoC".
 */
export function suggestAgreementId(title: string, signed: string): string {
  const year = parsePartialDate(signed)?.year;
  const words = abbreviateKinds(slugify(title))
    .split('-')
    .filter((word) => word && !fillerWords.has(word) && word !== String(year))
    .slice(0, 6);
  return [...words, ...(year === undefined ? [] : [String(year)])].join('-');
}

/** How ids name a party: "uk" for the United Kingdom, "japan", "asean". */
export function partyLabel(code: string): string {
  if (code === 'GB') return 'uk';
  if (code === 'US') return 'us';
  return isOrganisationCode(code) ? code.toLowerCase() : slugify(countryName(code));
}

/** How ids name an agency: its id when short ("digital-agency"), else its acronym ("gds"). */
function agencyLabel(id: string, acronym: string | undefined): string {
  return id.split('-').length <= 2 || !acronym ? id : slugify(acronym);
}

/**
 * An agreement id in the house style from its facts, when there is no short title: each party by
 * its first agency (or the party itself), the kind, the year signed:
 * `gds-digital-agency-moc-2022`, `uk-japan-partnership-2023`.
 */
export function suggestIdFromFacts(
  answers: Pick<AgreementAnswers, 'countries' | 'kind' | 'signed'>,
  agenciesByCountry: ReadonlyMap<string, readonly { id: string; acronym?: string | undefined }[]>,
): string {
  const parties = [...new Set(answers.countries)].map((country) => {
    const [agency] = agenciesByCountry.get(country) ?? [];
    return agency ? agencyLabel(agency.id, agency.acronym) : partyLabel(country);
  });
  const kind = kindAbbreviations[answers.kind as AgreementKind] ?? answers.kind;
  const year = parsePartialDate(answers.signed)?.year;
  return [...parties, kind, ...(year === undefined ? [] : [String(year)])].join('-');
}

/** A source id in the house style, `publisher-year`, unique among `taken`. */
export function suggestSourceId(
  source: Pick<SourceAnswers, 'publisher' | 'published'>,
  signed: string,
  taken: ReadonlySet<string>,
): string {
  const year = parsePartialDate(source.published ?? signed)?.year;
  const base = [slugify(source.publisher) || 'source', ...(year ? [String(year)] : [])].join('-');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
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

/** Reads `id` or `id:Role` (a signatory or participant). */
export function parsePerson(text: string): PersonAnswers {
  const [id = '', ...role] = text.split(':');
  const named = role.join(':').trim();
  return { id: id.trim(), ...(named ? { role: named } : {}) };
}

/** Reads `URL|Title|Publisher[|published[|language[|id]]]` (one source) or returns why it cannot. */
export function parseSource(text: string): SourceAnswers | string {
  const [url = '', title = '', publisher = '', published = '', language = '', id = ''] = text
    .split('|')
    .map((part) => part.trim());
  if (!url || !title || !publisher)
    return `--source "${text}" must be URL|Title|Publisher, optionally |published|language|id`;
  return {
    url,
    title,
    publisher,
    language: language || 'en',
    ...(published ? { published } : {}),
    ...(id ? { id } : {}),
  };
}

/** Reads `DATE|KIND|Title|source id[|Place]` (one event) or returns why it cannot. */
export function parseEvent(text: string): EventAnswers | string {
  const [date = '', kind = '', title = '', source = '', place = ''] = text.split('|').map((part) => part.trim());
  if (!date || !kind || !title || !source)
    return `--event "${text}" must be DATE|KIND|Title|source id, optionally |Place`;
  return { date, kind, title, source, ...(place ? { place } : {}) };
}

/** Reads `fact=id,id` (`--cite`) or returns why it cannot. */
export function parseCite(text: string): [FactKey, string[]] | string {
  const [fact = '', ids = ''] = text.split('=');
  const list = ids
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const valid =
    (citedFacts as readonly string[]).includes(fact) ||
    fact === 'place' ||
    fact === 'term' ||
    /^(party|person|related):[A-Za-z0-9-]+$/.test(fact);
  if (!valid || list.length === 0)
    return `--cite "${text}" must be FACT=id[,id], where FACT is one of ${citedFacts.join(', ')}, place, term, party:CC, person:ID or related:ID`;
  return [fact as FactKey, list];
}

/** The command-line flags of `npm run new`, each answering one prompt. */
export const newAgreementOptions = {
  content: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  'short-title': { type: 'string' },
  alias: { type: 'string', multiple: true },
  kind: { type: 'string' },
  binding: { type: 'string' },
  status: { type: 'string' },
  signed: { type: 'string' },
  'in-force': { type: 'string' },
  expires: { type: 'string' },
  'term-years': { type: 'string' },
  'term-months': { type: 'string' },
  place: { type: 'string' },
  country: { type: 'string', multiple: true },
  agency: { type: 'string', multiple: true },
  signatory: { type: 'string', multiple: true },
  participant: { type: 'string', multiple: true },
  topic: { type: 'string', multiple: true },
  summary: { type: 'string' },
  source: { type: 'string', multiple: true },
  'source-id': { type: 'string' },
  'source-url': { type: 'string' },
  'source-title': { type: 'string' },
  'source-publisher': { type: 'string' },
  'source-published': { type: 'string' },
  'source-language': { type: 'string' },
  cite: { type: 'string', multiple: true },
  event: { type: 'string', multiple: true },
  related: { type: 'string', multiple: true },
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

/** Parses a list of flag values, collecting the errors of those that do not parse. */
function parseAll<T>(texts: readonly string[] | undefined, parse: (text: string) => T | string, errors: string[]): T[] {
  const parsed: T[] = [];
  for (const text of texts ?? []) {
    const result = parse(text);
    if (typeof result === 'string') errors.push(result);
    else parsed.push(result);
  }
  return parsed;
}

/** The sources given by flags: `--source` (repeatable) after the one of `--source-url` and its fellows. */
export function sourcesFromFlags(flags: NewAgreementFlags, errors: string[]): SourceAnswers[] {
  const sources = parseAll(flags.source, parseSource, errors);
  if (flags['source-url'] !== undefined || flags['source-title'] !== undefined) {
    sources.unshift({
      url: flags['source-url'] ?? '',
      title: flags['source-title'] ?? '',
      publisher: flags['source-publisher'] ?? '',
      language: flags['source-language'] ?? 'en',
      ...(flags['source-published'] !== undefined ? { published: flags['source-published'] } : {}),
      ...(flags['source-id'] !== undefined ? { id: flags['source-id'] } : {}),
    });
  }
  return sources;
}

const whole = (text: string | undefined, flag: string, errors: string[]): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) errors.push(`${flag} "${text}" must be a whole number above 0`);
  return value;
};

/** Answers from flags alone, with the defaults a scripted run gets; undefined where a value is missing. */
export function answersFromFlags(
  flags: NewAgreementFlags,
  today: string,
): { answers?: AgreementAnswers; missing: string[]; errors: string[] } {
  const errors: string[] = [];
  const newAgencies = parseAll(flags['new-agency'], parseNewAgency, errors);
  const newPeople = parseAll(flags['new-person'], parseNewPerson, errors);
  const sources = sourcesFromFlags(flags, errors);
  const events = parseAll(flags.event, parseEvent, errors);
  const cites = parseAll(flags.cite, parseCite, errors);
  const related = parseAll(
    flags.related,
    (text) => {
      const [agreement = '', relation = ''] = text.split(':').map((part) => part.trim());
      return agreement && relation ? { agreement, relation } : `--related "${text}" must be ID:RELATION`;
    },
    errors,
  );
  const place = flags.place === undefined ? undefined : flags.place.split(':').map((part) => part.trim());
  if (place && (place.length !== 2 || !place[0] || !place[1]))
    errors.push(`--place "${flags.place}" must be City:CC, for example "Tokyo:JP"`);
  const years = whole(flags['term-years'], '--term-years', errors);
  const months = whole(flags['term-months'], '--term-months', errors);
  const required = {
    title: flags.title,
    kind: flags.kind,
    signed: flags.signed,
    summary: flags.summary,
  };
  const missing = Object.entries(required)
    .filter(([, value]) => value === undefined)
    .map(([key]) => `--${key}`);
  if (sources.length === 0) missing.push('--source-url, --source-title and --source-publisher (or --source)');
  else if (sources.some((source) => !source.url || !source.title || !source.publisher))
    missing.push('--source-url, --source-title and --source-publisher');
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
      ...(flags.alias ? { aliases: flags.alias } : {}),
      kind: flags.kind ?? '',
      binding: flags.binding ?? 'unknown',
      status: flags.status ?? 'unknown',
      signed: flags.signed ?? '',
      ...(flags['in-force'] !== undefined ? { inForce: flags['in-force'] } : {}),
      ...(flags.expires !== undefined ? { expires: flags.expires } : {}),
      ...(years !== undefined || months !== undefined
        ? { term: { ...(years !== undefined ? { years } : {}), ...(months !== undefined ? { months } : {}) } }
        : {}),
      ...(place ? { place: { city: place[0] ?? '', country: place[1] ?? '' } } : {}),
      countries: flags.country ?? [],
      agencies: [...(flags.agency ?? []), ...newAgencies.map((agency) => agency.id)],
      signatories: (flags.signatory ?? []).map(parsePerson),
      participants: (flags.participant ?? []).map(parsePerson),
      topics: flags.topic ?? [],
      summary: flags.summary ?? '',
      sources,
      ...(cites.length > 0 ? { cite: Object.fromEntries(cites) } : {}),
      ...(events.length > 0 ? { events } : {}),
      ...(related.length > 0 ? { related } : {}),
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

// Never anchors and aliases for repeated values: the content check refuses them.
const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * YAML as the entries are written by hand: a list of plain values on one line
 * (`sources: [moc-text]`, `topics: [digital-government]`), everything else in block style.
 */
export function toEntryYaml(data: unknown): string {
  const document = new Document(data);
  visit(document, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ ...yamlOptions, flowCollectionPadding: false });
}

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
  const acronyms = new Map<string, string | undefined>([
    ...known.agencies.map((entry): [string, string | undefined] => [entry.id, entry.data.acronym]),
    ...answers.newAgencies.map((agency): [string, string | undefined] => [agency.id, undefined]),
  ]);
  const firstAgencies = new Map<string, { id: string; acronym?: string | undefined }[]>();
  for (const agency of answers.agencies) {
    const country =
      known.agencies.find((entry) => entry.id === agency)?.data.country ??
      answers.newAgencies.find((entry) => entry.id === agency)?.country;
    if (country !== undefined)
      firstAgencies.set(country, [
        ...(firstAgencies.get(country) ?? []),
        { id: agency, acronym: acronyms.get(agency) },
      ]);
  }
  const id =
    answers.id ??
    (answers.shortTitle
      ? suggestAgreementId(answers.shortTitle, answers.signed)
      : suggestIdFromFacts(answers, firstAgencies));
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
  const idOf = (answer: string | PersonAnswers) => (typeof answer === 'string' ? answer : answer.id);
  const signatories = members(answers.signatories.map(idOf), 'person');
  const participants = members(answers.participants.map(idOf), 'person');
  for (const topic of answers.topics) {
    if (!known.topics.some((entry) => entry.id === topic))
      errors.push(unknownId('topic', topic, known.topics, `a new file ${entryFile('topics', topic, contentRoot)}`));
  }

  // Every source gets an id: the one given, or `publisher-year` in the house style.
  const taken = new Set<string>();
  const sources = (answers.sources ?? (answers.source ? [answers.source] : [])).map((source) => {
    const sourceId = source.id ?? suggestSourceId(source, answers.signed, taken);
    if (taken.has(sourceId)) errors.push(`the source id "${sourceId}" is used twice; give each source its own id.`);
    taken.add(sourceId);
    return { ...source, id: sourceId };
  });
  if (sources.length === 0) errors.push('give at least one source.');
  const sourceIds = sources.map((source) => source.id);
  const used = new Set<string>();
  const listed = sourceIds.map((sourceId) => `"${sourceId}"`).join(', ');
  /**
   * The sources that state a fact. With one source there is nothing to choose; with several the
   * contributor says which (a prompt, or `--cite`), since no source supports a fact by default.
   */
  const refs = (fact: FactKey, label: string): string[] | undefined => {
    const given = answers.cite?.[fact];
    if (given === undefined) {
      if (sources.length === 1 && sourceIds[0]) {
        used.add(sourceIds[0]);
        return [sourceIds[0]];
      }
      if (sources.length > 1)
        errors.push(`say which source states ${label}: --cite ${fact}=<source id> (one of ${listed}).`);
      return undefined;
    }
    for (const sourceId of given) {
      if (sourceIds.includes(sourceId)) used.add(sourceId);
      else {
        const [closest] = closestIds(
          sourceId,
          sourceIds.map((known) => ({ id: known })),
          1,
        );
        errors.push(
          `${label} names source "${sourceId}", which is not among the sources.${closest ? ` Did you mean "${closest}"?` : ` Use one of ${listed}.`}`,
        );
      }
    }
    return [...given];
  };
  const person = (answer: string | PersonAnswers): PersonAnswers =>
    typeof answer === 'string' ? { id: answer } : answer;
  const roles = new Map(
    [...answers.signatories, ...answers.participants].map((answer) => [person(answer).id, person(answer).role]),
  );
  const people = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => {
      const role = roles.get(id);
      return { person: id, ...(role ? { role } : {}), sources: refs(`person:${id}`, `the person "${id}"`) };
    });
  const binding = bindingValue(answers.binding);
  const aliases = answers.aliases?.filter((alias) => alias.trim() !== '') ?? [];
  const cite: Record<string, string[] | undefined> = {
    title: refs('title', 'the title'),
    ...(aliases.length > 0 ? { aliases: refs('aliases', 'the other names') } : {}),
    kind: refs('kind', 'the kind'),
    ...(binding === 'unknown' ? {} : { binding: refs('binding', 'whether it is binding') }),
    signed: refs('signed', 'the date signed'),
    ...(answers.inForce ? { inForce: refs('inForce', 'the date in force') } : {}),
    ...(answers.expires ? { expires: refs('expires', 'the expiry date') } : {}),
    ...(answers.status === 'unknown' ? {} : { status: refs('status', 'the status') }),
    summary: refs('summary', 'the summary'),
  };
  for (const event of answers.events ?? []) {
    if (sourceIds.includes(event.source)) used.add(event.source);
    else
      errors.push(
        `the event "${event.title}" names source "${event.source}", which is not among the sources (${listed}).`,
      );
  }
  for (const relation of answers.related ?? []) {
    if (!known.agreements.some((entry) => entry.id === relation.agreement))
      errors.push(unknownId('agreement', relation.agreement, known.agreements, 'an existing agreement id'));
  }
  const frontmatter = {
    title: answers.title,
    ...(answers.shortTitle ? { shortTitle: answers.shortTitle } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
    kind: answers.kind,
    binding,
    parties: countries.map((country) => ({
      country,
      ...(agencies.get(country) ? { agencies: agencies.get(country) } : {}),
      sources: refs(`party:${country}`, `the party ${country}`),
      ...(signatories.get(country) ? { signatories: people(signatories.get(country)) } : {}),
      ...(participants.get(country) ? { participants: people(participants.get(country)) } : {}),
    })),
    signed: answers.signed,
    ...(answers.inForce ? { inForce: answers.inForce } : {}),
    ...(answers.expires ? { expires: answers.expires } : {}),
    ...(answers.term ? { term: { ...answers.term, sources: refs('term', 'the term') } } : {}),
    ...(answers.place ? { place: { ...answers.place, sources: refs('place', 'the place') } } : {}),
    status: answers.status,
    cite,
    topics: [...new Set(answers.topics)],
    summary: answers.summary,
    sources: sources.map((source) => ({
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      ...(source.published ? { published: source.published } : {}),
      language: source.language,
    })),
    ...(answers.events && answers.events.length > 0 ? { events: answers.events } : {}),
    ...(answers.related && answers.related.length > 0
      ? {
          related: answers.related.map((relation) => ({
            ...relation,
            sources: refs(`related:${relation.agreement}`, `the relation to ${relation.agreement}`),
          })),
        }
      : {}),
    verified: answers.verified,
  };
  for (const sourceId of sourceIds) {
    if (!used.has(sourceId))
      errors.push(
        `the source "${sourceId}" states none of the facts given; name it for the facts it states (--cite FACT=${sourceId}), or leave it out.`,
      );
  }
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
    files.push({ path: entryFile('agencies', agency.id, contentRoot), text: stringify(data, yamlOptions) });
  }
  for (const person of answers.newPeople) {
    const data = { name: person.name, country: person.country };
    const parsed = personSchema.safeParse(data);
    if (!parsed.success) errors.push(...issues(`new person ${person.id}`, parsed.error));
    if (!idPattern.test(person.id)) errors.push(`the person id "${person.id}" must be lower-case words and hyphens.`);
    files.push({ path: entryFile('people', person.id, contentRoot), text: stringify(data, yamlOptions) });
  }
  // The body is left for the contributor: a placeholder sentence could be published by mistake.
  files.push({
    path: entryFile('agreements', id, contentRoot),
    text: `---\n${toEntryYaml(frontmatter)}---\n`,
  });
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, id, files };
}

/**
 * Plans the files of a new agreement from a contributor's answers (from prompts or flags): the
 * agreement, and any agency or person files it needs, checked against the catalogue and the real
 * schemas before anything is written. Pure: the script does the reading, prompting and writing.
 *
 *   id -> the members of each party -> sources and the facts each states -> frontmatter -> schemas
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { CatalogueInput } from '../../catalogue/input.ts';
import { formatPath } from '../../checker/problems.ts';
import { closestIds } from '../../suggest.ts';
import { idPattern } from '../../schemas/common.ts';
import { parsePartialDate } from '../../schemas/date.ts';
import { agencySchema, agreementSchema, personSchema } from '../../schemas/index.ts';
import { entryFile } from '../../collections.ts';
import type { AgreementAnswers, FactKey, PersonAnswers, SourceAnswers } from './answers.ts';
import { toEntryYaml, yamlOptions } from './entry-yaml.ts';
import { agenciesByParty, suggestId, suggestSourceId } from './ids.ts';

/** A file to write, relative to the content root's parent as the checker reports it. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

export type Plan =
  | { readonly ok: true; readonly id: string; readonly files: readonly PlannedFile[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Schema issues as `field: message` lines, prefixed with what was being validated. */
function issues(what: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${what} ${formatPath(issue.path) || '(file)'}: ${issue.message}`);
}

function unknownId(kind: string, id: string, candidates: readonly { id: string }[], create: string): string {
  const closest = closestIds(id, candidates, 1);
  return `unknown ${kind} "${id}".${closest[0] ? ` Did you mean "${closest[0]}"?` : ''} To add it, use ${create}.`;
}

/** YAML reads `true`, `false` and bare years as other types; the schema accepts those forms. */
function bindingValue(binding: string): boolean | string {
  if (binding === 'true' || binding === 'yes') return true;
  if (binding === 'false' || binding === 'no') return false;
  return binding;
}

/** The id given, or the one suggested in the house style; checked for its form, its year and reuse. */
function agreementId(answers: AgreementAnswers, known: CatalogueInput, errors: string[]): string {
  const id = answers.id ?? suggestId(answers, agenciesByParty(answers.agencies, known, answers.newAgencies));
  if (!idPattern.test(id)) errors.push(`the id "${id}" must be lower-case letters, digits and single hyphens.`);
  const year = parsePartialDate(answers.signed)?.year;
  if (year !== undefined && !id.endsWith(`-${year}`))
    errors.push(`the id "${id}" must end with the year signed, -${year}.`);
  if (known.agreements.some((entry) => entry.id === id)) errors.push(`an agreement "${id}" already exists.`);
  return id;
}

/**
 * The agencies, signatories and participants of each party, by the country in their files (or
 * given for a new one): an agency or person whose country is not a party is an error, as is an
 * unknown id or a new file for an id the catalogue has.
 */
function partyMembers(answers: AgreementAnswers, known: CatalogueInput, errors: string[]) {
  const countries = [...new Set(answers.countries)];
  const agencyCountry = new Map<string, string | undefined>(
    known.agencies.map((entry) => [entry.id, entry.data.country]),
  );
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
  const byParty = (ids: readonly string[], kind: 'agency' | 'person'): Map<string, string[]> => {
    const lookup = kind === 'agency' ? agencyCountry : personCountry;
    const members = new Map<string, string[]>();
    for (const id of ids) {
      if (!lookup.has(id)) {
        errors.push(
          kind === 'agency'
            ? unknownId('agency', id, known.agencies, `--new-agency ${id}:CC:Name`)
            : unknownId('person', id, known.people, `--new-person ${id}:CC:Name`),
        );
        continue;
      }
      const country = lookup.get(id);
      if (country === undefined)
        errors.push(`the ${kind} "${id}" has no country in its file, so its party is unclear; add one.`);
      else if (!countries.includes(country))
        errors.push(`the ${kind} "${id}" belongs to ${country}, which is not a party; add --country ${country}.`);
      else members.set(country, [...(members.get(country) ?? []), id]);
    }
    return members;
  };
  const idOf = (answer: string | PersonAnswers) => (typeof answer === 'string' ? answer : answer.id);
  return {
    countries,
    agencies: byParty(answers.agencies, 'agency'),
    signatories: byParty(answers.signatories.map(idOf), 'person'),
    participants: byParty(answers.participants.map(idOf), 'person'),
  };
}

/** Every source with an id: the one given, or `publisher-year` in the house style. */
function identifiedSources(answers: AgreementAnswers, errors: string[]): (SourceAnswers & { id: string })[] {
  const taken = new Set<string>();
  const sources = (answers.sources ?? (answers.source ? [answers.source] : [])).map((source) => {
    const id = source.id ?? suggestSourceId(source, answers.signed, taken);
    if (taken.has(id)) errors.push(`the source id "${id}" is used twice; give each source its own id.`);
    taken.add(id);
    return { ...source, id };
  });
  if (sources.length === 0) errors.push('give at least one source.');
  return sources;
}

/**
 * The references of the entry's facts, remembering which sources state something. With one source
 * there is nothing to choose; with several the contributor says which (a prompt, or `--cite`),
 * since no source supports a fact by default.
 */
function referencesOf(sourceIds: readonly string[], cite: AgreementAnswers['cite'], errors: string[]) {
  const used = new Set<string>();
  const listed = sourceIds.map((id) => `"${id}"`).join(', ');
  const refs = (fact: FactKey, label: string): string[] | undefined => {
    const given = cite?.[fact];
    if (given === undefined) {
      if (sourceIds.length === 1 && sourceIds[0]) {
        used.add(sourceIds[0]);
        return [sourceIds[0]];
      }
      if (sourceIds.length > 1)
        errors.push(`say which source states ${label}: --cite ${fact}=<source id> (one of ${listed}).`);
      return undefined;
    }
    for (const id of given) {
      if (sourceIds.includes(id)) used.add(id);
      else {
        const [closest] = closestIds(
          id,
          sourceIds.map((known) => ({ id: known })),
          1,
        );
        errors.push(
          `${label} names source "${id}", which is not among the sources.${closest ? ` Did you mean "${closest}"?` : ` Use one of ${listed}.`}`,
        );
      }
    }
    return [...given];
  };
  return { refs, used, listed };
}

/** The agency and person files the answers ask for, each checked by its schema. */
function newEntryFiles(answers: AgreementAnswers, contentRoot: string, errors: string[]): PlannedFile[] {
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
  return files;
}

/**
 * Plans the files of a new agreement: checks every answer against the catalogue (ids that must
 * exist, ids that must not) and the real schemas, and returns either the files or every error.
 */
export function planNewAgreement(answers: AgreementAnswers, known: CatalogueInput, contentRoot: string): Plan {
  const errors: string[] = [];
  const id = agreementId(answers, known, errors);
  const members = partyMembers(answers, known, errors);
  for (const topic of answers.topics) {
    if (!known.topics.some((entry) => entry.id === topic))
      errors.push(unknownId('topic', topic, known.topics, `a new file ${entryFile('topics', topic, contentRoot)}`));
  }
  const sources = identifiedSources(answers, errors);
  const sourceIds = sources.map((source) => source.id);
  const { refs, used, listed } = referencesOf(sourceIds, answers.cite, errors);

  const roles = new Map(
    [...answers.signatories, ...answers.participants].map((answer) =>
      typeof answer === 'string' ? [answer, undefined] : [answer.id, answer.role],
    ),
  );
  const people = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((person) => {
      const role = roles.get(person);
      return { person, ...(role ? { role } : {}), sources: refs(`person:${person}`, `the person "${person}"`) };
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
    parties: members.countries.map((country) => ({
      country,
      ...(members.agencies.get(country) ? { agencies: members.agencies.get(country) } : {}),
      sources: refs(`party:${country}`, `the party ${country}`),
      ...(members.signatories.get(country) ? { signatories: people(members.signatories.get(country)) } : {}),
      ...(members.participants.get(country) ? { participants: people(members.participants.get(country)) } : {}),
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

  const files = newEntryFiles(answers, contentRoot, errors);
  // The body is left for the contributor: a placeholder sentence could be published by mistake.
  files.push({
    path: entryFile('agreements', id, contentRoot),
    text: `---\n${toEntryYaml(frontmatter)}---\n`,
  });
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, id, files };
}

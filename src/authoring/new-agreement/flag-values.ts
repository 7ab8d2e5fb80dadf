/** Reading the values of `npm run new`'s flags into answers, with an error for each malformed one. */
import { citedFacts } from '../../vocabulary.ts';
import type {
  AgreementAnswers,
  EventAnswers,
  FactKey,
  NewAgency,
  NewPerson,
  PersonAnswers,
  RelationAnswers,
  SourceAnswers,
} from './answers.ts';
import type { NewAgreementFlags } from './flags.ts';

/** Reads `id:CC:Name`, a new file's id, country and name, or returns why it cannot. */
function parseNewFile(text: string, flag: string, example: string): NewPerson | string {
  const [id = '', country = '', ...rest] = text.split(':');
  const name = rest.join(':').trim();
  if (!id || !country || !name) return `${flag} "${text}" must be id:CC:Name, for example "${example}"`;
  return { id: id.trim(), country: country.trim(), name };
}

/** Reads `id:CC:Name` (a new agency) or returns why it cannot. */
export function parseNewAgency(text: string): NewAgency | string {
  const parsed = parseNewFile(text, '--new-agency', 'digital-agency:JP:Digital Agency');
  return typeof parsed === 'string' ? parsed : { ...parsed, kind: 'agency' };
}

/** Reads `id:CC:Name` (a new person) or returns why it cannot. */
export function parseNewPerson(text: string): NewPerson | string {
  return parseNewFile(text, '--new-person', 'kono-taro:JP:Kono Taro');
}

/** Reads `id` or `id:Role` (a signatory or participant). */
export function parsePerson(text: string): PersonAnswers {
  const [id = '', ...role] = text.split(':');
  const named = role.join(':').trim();
  return { id: id.trim(), ...(named ? { role: named } : {}) };
}

/** Reads `City:CC` (the place of signing) or returns why it cannot. */
export function parsePlace(text: string): { city: string; country: string } | string {
  const [city = '', country = '', ...rest] = text.split(':').map((part) => part.trim());
  if (!city || !country || rest.length > 0) return `--place "${text}" must be City:CC, for example "Tokyo:JP"`;
  return { city, country };
}

/** Reads `ID:RELATION` (a relation to an agreement in the catalogue) or returns why it cannot. */
export function parseRelated(text: string): RelationAnswers | string {
  const [agreement = '', relation = ''] = text.split(':').map((part) => part.trim());
  return agreement && relation ? { agreement, relation } : `--related "${text}" must be ID:RELATION`;
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

/** Parses a list of flag values, collecting the errors of those that do not parse. */
export function parseAll<T>(
  texts: readonly string[] | undefined,
  parse: (text: string) => T | string,
  errors: string[],
): T[] {
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

/** The flags a scripted run cannot do without, named as the contributor would type them. */
function missingFlags(flags: NewAgreementFlags, sources: readonly SourceAnswers[]): string[] {
  const required = { title: flags.title, kind: flags.kind, signed: flags.signed, summary: flags.summary };
  const missing = Object.entries(required)
    .filter(([, value]) => value === undefined)
    .map(([key]) => `--${key}`);
  if (sources.length === 0) missing.push('--source-url, --source-title and --source-publisher (or --source)');
  else if (sources.some((source) => !source.url || !source.title || !source.publisher))
    missing.push('--source-url, --source-title and --source-publisher');
  if ((flags.country ?? []).length < 2) missing.push('--country (two or more)');
  if ((flags.topic ?? []).length < 1) missing.push('--topic');
  return missing;
}

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
  const related = parseAll(flags.related, parseRelated, errors);
  const [place] = parseAll(flags.place === undefined ? [] : [flags.place], parsePlace, errors);
  const years = whole(flags['term-years'], '--term-years', errors);
  const months = whole(flags['term-months'], '--term-months', errors);
  const missing = missingFlags(flags, sources);
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
      ...(place ? { place } : {}),
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

import { comparePartialDates, type PartialDate } from '../schemas/date.ts';
import type { CatalogueInput, ContentEntry } from '../catalogue/input.ts';
import type { ContentProblem } from './problems.ts';
import { closestIds, type Candidate } from '../suggest.ts';
import type { AgencyData, AgreementData } from '../schemas/index.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import { countryNameInText } from '../countries.ts';
import { checkSourcing } from './sourcing.ts';
import { collections, entryFile, type CollectionName } from '../collections.ts';
import { defaultContentRoot } from '../content-root.ts';

/**
 * Ids that exist but failed their schema. References to them are not reported again, so one
 * broken file gives one error, not one per entry that names it.
 */
export interface KnownIds {
  readonly agreements?: Iterable<string>;
  readonly agencies?: Iterable<string>;
  readonly topics?: Iterable<string>;
  readonly people?: Iterable<string>;
}

class ReferenceTable {
  readonly #ids: Set<string>;
  readonly #candidates: Candidate[];
  readonly #collection: CollectionName;
  readonly #root: string;
  constructor(collection: CollectionName, root: string, candidates: Candidate[], extra: Iterable<string> = []) {
    this.#collection = collection;
    this.#root = root;
    this.#candidates = candidates;
    this.#ids = new Set([...candidates.map((candidate) => candidate.id), ...extra]);
  }
  has(id: string): boolean {
    return this.#ids.has(id);
  }
  /** A problem for an unknown reference, with the closest valid ids as the hint. */
  unknown(file: string, field: string, value: string): ContentProblem {
    const closest = closestIds(value, this.#candidates);
    const expected = entryFile(this.#collection, value, this.#root);
    return {
      file,
      field,
      severity: 'error',
      message: `unknown ${collections[this.#collection].entry} "${value}": no file ${expected}.`,
      hint:
        closest.length > 0
          ? `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?`
          : `Add ${expected} or use an existing id.`,
    };
  }
}

/** An agency that a role can name, by its name or its acronym. */
interface RoleAgency {
  /** Its place in the list of agencies, which decides which one a role names first. */
  readonly order: number;
  readonly data: AgencyData;
  readonly pattern: RegExp;
}

/** The agencies a role can name, by the first word of their names. */
interface RoleAgencies {
  readonly byFirstWord: ReadonlyMap<string, readonly RoleAgency[]>;
  /** Agencies with a name that does not start with a letter or digit, tried on every role. */
  readonly always: readonly RoleAgency[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a text: runs of letters and digits, as the patterns' word boundaries see them. */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A pattern per agency that finds its name, or its acronym as a whole word and in its own case
 * ("GovTech", "DCMS"), in a signatory's role. Acronyms shorter than three letters are left out:
 * they match ordinary words. A name can only be found in a role that has its first word, so each
 * role is tested against those agencies only: testing all 1,250 agencies of the 10,000-entry
 * benchmark against each of its 30,000 roles took most of the check.
 */
function agencyNamePatterns(agencies: readonly ContentEntry<AgencyData>[]): RoleAgencies {
  const byFirstWord = new Map<string, RoleAgency[]>();
  const always: RoleAgency[] = [];
  agencies.forEach(({ data }, order) => {
    const names = [data.name];
    if (data.acronym && data.acronym.length >= 3) names.push(data.acronym);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
    const agency = { order, data, pattern };
    const firstWords = new Set(names.map((name) => (/^[\p{L}\p{N}]/u.test(name) ? wordsOf(name)[0] : undefined)));
    if (firstWords.has(undefined)) always.push(agency);
    for (const word of firstWords) {
      if (word === undefined) continue;
      const list = byFirstWord.get(word) ?? [];
      if (!list.includes(agency)) list.push(agency);
      byFirstWord.set(word, list);
    }
  });
  return { byFirstWord, always };
}

/**
 * The agency of another party that a role names ("Chief Executive, GovTech" under the United
 * Kingdom), or undefined when the role names none, or names one of the party's own.
 */
function foreignAgencyNamedIn(role: string, country: string, agencies: RoleAgencies): AgencyData | undefined {
  const candidates = new Set(agencies.always);
  for (const word of wordsOf(role)) for (const agency of agencies.byFirstWord.get(word) ?? []) candidates.add(agency);
  const named = [...candidates]
    .filter((agency) => agency.pattern.test(role))
    .sort((a, b) => a.order - b.order)
    .map((agency) => agency.data);
  return named.some((agency) => agency.country === country) ? undefined : named[0];
}

/** The agreement file name convention: lower-case words and hyphens, ending with the year signed. */
export function expectedIdSuffix(data: AgreementData): string {
  return `-${data.signed.year}`;
}

function checkDateOrder(
  file: string,
  problems: ContentProblem[],
  earlier: { field: string; date: PartialDate | undefined },
  later: { field: string; date: PartialDate | undefined },
): void {
  if (!earlier.date || !later.date) return;
  if (comparePartialDates(earlier.date, later.date) > 0) {
    problems.push({
      file,
      field: later.field,
      severity: 'error',
      message: `${later.field} ${later.date.iso} is before ${earlier.field} ${earlier.date.iso}.`,
      hint: `Check both dates against the sources; ${later.field} must not come before ${earlier.field}.`,
    });
  }
}

const titleWords = (title: string): Set<string> =>
  new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2),
  );

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** A source address without what does not change the page: scheme, "www.", a trailing slash, case of the host. */
function sameDocument(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Reports likely duplicates among entries with the same set of party countries: signed within a
 * year of each other with titles that share most of their words, or of the same kind, signed on
 * the same date and resting on the same source document, which is what a reworded copy looks like
 * whatever its title. Instruments announced together in one release are told apart by `related`:
 * one relating to the other, or both `part-of` the same instrument (the partnerships of one
 * accord). Entries are grouped by parties first, so the cost stays near linear in the catalogue.
 */
function checkDuplicates(agreements: readonly ContentEntry<AgreementData>[], problems: ContentProblem[]): void {
  const groups = new Map<string, ContentEntry<AgreementData>[]>();
  for (const entry of agreements) {
    const key = [...new Set(entry.data.parties.map((party) => party.country))].sort().join('+');
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  const parents = (entry: ContentEntry<AgreementData>) =>
    entry.data.related.filter((relation) => relation.relation === 'part-of').map((relation) => relation.agreement);
  const linked = (a: ContentEntry<AgreementData>, b: ContentEntry<AgreementData>) =>
    a.data.related.some((relation) => relation.agreement === b.id) ||
    b.data.related.some((relation) => relation.agreement === a.id) ||
    parents(a).some((parent) => parents(b).includes(parent));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Sorted by year, each entry is compared only with the few that follow it within a year.
    const entries = group
      .map((entry) => ({
        entry,
        words: titleWords(entry.data.title),
        documents: new Set(entry.data.sources.map((source) => sameDocument(source.url))),
      }))
      .sort((a, b) => a.entry.data.signed.year - b.entry.data.signed.year);
    entries.forEach(({ entry: a, words: aWords, documents }, i) => {
      for (let j = i + 1; j < entries.length; j += 1) {
        const next = entries[j];
        if (!next) break;
        const { entry: b, words: bWords } = next;
        if (b.data.signed.year - a.data.signed.year > 1) break;
        const similarTitles = similarity(aWords, bWords) >= 0.8;
        const shared =
          a.data.signed.iso === b.data.signed.iso && a.data.kind === b.data.kind
            ? b.data.sources.find((source) => documents.has(sameDocument(source.url)))
            : undefined;
        if (!similarTitles && (!shared || linked(a, b))) continue;
        problems.push({
          file: b.filePath,
          field: 'title',
          severity: 'warning',
          message: similarTitles
            ? `looks like a duplicate of ${a.filePath}: same parties, signed ${a.data.signed.iso} and ${b.data.signed.iso}, similar titles.`
            : `looks like a reworded copy of ${a.filePath}: same parties, same kind, same date signed (${b.data.signed.iso}) and the same source, ${shared?.url ?? ''}.`,
          hint: similarTitles
            ? 'If both are distinct instruments, link them with `related`; otherwise merge them.'
            : 'If both are distinct instruments, link them with `related` (one to the other, or both part-of the instrument they belong to); otherwise merge them.',
        });
      }
    });
  }
}

/** What `checkCatalogue` knows besides the entries. */
export interface CatalogueCheckOptions {
  /** The content folder, which messages name when they ask for a missing file. */
  readonly root?: string;
  readonly known?: KnownIds;
  /** What each agreement's body cites, by id; without it the bodies are not checked. */
  readonly citations?: ReadonlyMap<string, BodyCitations>;
}

/**
 * Checks what a schema cannot: that every reference resolves, dates are in order, agencies belong
 * to their party's country, sources are not repeated, file names follow the convention and no
 * entry duplicates another. Returns every problem found, never stopping at the first.
 */
export function checkCatalogue(input: CatalogueInput, options: CatalogueCheckOptions = {}): ContentProblem[] {
  const { root = defaultContentRoot, known = {}, citations } = options;
  const problems: ContentProblem[] = [];
  const roleAgencies = agencyNamePatterns(input.agencies);
  const agencies = new ReferenceTable(
    'agencies',
    root,
    input.agencies.map((entry) => ({ id: entry.id, aliases: [entry.data.acronym ?? '', entry.data.name] })),
    known.agencies,
  );
  const topics = new ReferenceTable(
    'topics',
    root,
    input.topics.map((entry) => ({ id: entry.id, aliases: [entry.data.name] })),
    known.topics,
  );
  const people = new ReferenceTable(
    'people',
    root,
    input.people.map((entry) => ({ id: entry.id, aliases: [entry.data.name] })),
    known.people,
  );
  const agreements = new ReferenceTable(
    'agreements',
    root,
    input.agreements.map((entry) => ({ id: entry.id, aliases: entry.data.aliases })),
    known.agreements,
  );
  const agencyCountry = new Map(input.agencies.map((entry) => [entry.id, entry.data.country]));

  for (const { id, filePath: file, data } of input.agreements) {
    if (!id.endsWith(expectedIdSuffix(data))) {
      problems.push({
        file,
        field: 'signed',
        severity: 'error',
        message: `the file name "${id}" must end with the year signed, "${expectedIdSuffix(data)}".`,
        hint: `Rename the file to ${entryFile('agreements', `${id.replace(/-\d{4}$/, '')}${expectedIdSuffix(data)}`, root)}.`,
      });
    }
    data.parties.forEach((party, p) => {
      party.agencies.forEach((agency, a) => {
        const field = `parties[${p}].agencies[${a}]`;
        if (!agencies.has(agency)) problems.push(agencies.unknown(file, field, agency));
        else {
          const country = agencyCountry.get(agency);
          if (country !== undefined && country !== party.country) {
            problems.push({
              file,
              field,
              severity: 'error',
              message: `agency "${agency}" belongs to ${country}, not to this party (${party.country}).`,
              hint: `Move it to the ${country} party, or check the agency's country.`,
            });
          }
        }
      });
      for (const list of ['signatories', 'participants'] as const) {
        party[list].forEach((signatory, s) => {
          if (!people.has(signatory.person)) {
            problems.push(people.unknown(file, `parties[${p}].${list}[${s}].person`, signatory.person));
          }
          const named =
            signatory.role === undefined
              ? undefined
              : foreignAgencyNamedIn(signatory.role, party.country, roleAgencies);
          if (named) {
            problems.push({
              file,
              field: `parties[${party.country}].${list}[${signatory.person}].role`,
              at: `parties[${p}].${list}[${s}].role`,
              severity: 'error',
              message: `the role "${signatory.role}" names ${named.name} (${named.country}), which does not belong to this party (${party.country}): the page would say they acted for ${countryNameInText(party.country)}.`,
              hint: `Move them to the ${named.country} party, or check the role against the source.`,
            });
          }
        });
      }
    });
    const countries = data.parties.map((party) => party.country);
    const repeated = countries.find((country, index) => countries.indexOf(country) !== index);
    if (repeated) {
      problems.push({
        file,
        field: 'parties',
        severity: 'error',
        message: `${repeated} is listed as a party twice.`,
        hint: 'List each country once, with all its agencies and signatories.',
      });
    }
    data.topics.forEach((topic, t) => {
      if (!topics.has(topic)) problems.push(topics.unknown(file, `topics[${t}]`, topic));
    });
    data.related.forEach((relation, r) => {
      const field = `related[${r}].agreement`;
      if (relation.agreement === id) {
        problems.push({ file, field, severity: 'error', message: 'an agreement cannot relate to itself.' });
      } else if (!agreements.has(relation.agreement))
        problems.push(agreements.unknown(file, field, relation.agreement));
    });

    const sourceIds = new Set<string>();
    const urls = new Map<string, number>();
    data.sources.forEach((source, s) => {
      if (sourceIds.has(source.id)) {
        problems.push({
          file,
          field: `sources[${s}].id`,
          severity: 'error',
          message: `source id "${source.id}" is used twice.`,
        });
      }
      sourceIds.add(source.id);
      const url = source.url.replace(/\/$/, '');
      const first = urls.get(url);
      if (first !== undefined) {
        problems.push({
          file,
          field: `sources[${s}].url`,
          severity: 'error',
          message: `${source.url} is already cited as sources[${first}].`,
          hint: 'Cite each document once.',
        });
      } else urls.set(url, s);
    });

    problems.push(...checkSourcing({ id, filePath: file, data }, citations?.get(id)));
    checkDateOrder(file, problems, { field: 'signed', date: data.signed }, { field: 'inForce', date: data.inForce });
    checkDateOrder(file, problems, { field: 'inForce', date: data.inForce }, { field: 'expires', date: data.expires });
    checkDateOrder(file, problems, { field: 'signed', date: data.signed }, { field: 'expires', date: data.expires });
    data.events.forEach((event, e) => {
      if (!sourceIds.has(event.source)) {
        problems.push({
          file,
          field: `events[${e}].source`,
          severity: 'error',
          message: `event cites source "${event.source}", which is not among this entry's sources.`,
          hint: `Use one of: ${[...sourceIds].map((source) => `"${source}"`).join(', ')}.`,
        });
      }
      if (event.outsideTerm) return;
      const before = comparePartialDates(event.date, data.signed) < 0;
      const after = data.expires !== undefined && comparePartialDates(event.date, data.expires) > 0;
      if (before || after) {
        problems.push({
          file,
          field: `events[${e}].date`,
          severity: 'error',
          message: `event date ${event.date.iso} is ${before ? `before the signing (${data.signed.iso})` : `after the expiry (${data.expires?.iso})`}.`,
          hint: 'Check the date, or set `outsideTerm: true` if the event really lies outside the agreement’s life.',
        });
      }
    });
  }

  for (const { filePath: file, data } of input.agencies) {
    if (data.parent !== undefined && !agencies.has(data.parent))
      problems.push(agencies.unknown(file, 'parent', data.parent));
  }

  checkAgencyCycles(input.agencies, problems);
  checkFormerIds(input.agreements, problems);
  checkDuplicates(input.agreements, problems);
  return problems;
}

/**
 * An agency cannot be its own parent, directly or through others: pages that walk up the chain
 * would never end. Each cycle is reported once, on each agency in it.
 */
function checkAgencyCycles(agencies: CatalogueInput['agencies'], problems: ContentProblem[]): void {
  const parentOf = new Map(agencies.map((entry) => [entry.id, entry.data.parent]));
  const reported = new Set<string>();
  for (const { id } of agencies) {
    const chain: string[] = [];
    for (let current: string | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const start = chain.indexOf(current);
      if (start !== -1) {
        const cycle = chain.slice(start);
        if (cycle.some((member) => reported.has(member))) break;
        for (const member of cycle) {
          reported.add(member);
          const entry = agencies.find((agency) => agency.id === member);
          const from = cycle.indexOf(member);
          const loop = [...cycle.slice(from), ...cycle.slice(0, from), member];
          problems.push({
            file: entry?.filePath ?? member,
            field: 'parent',
            severity: 'error',
            message: `the parents go round in a circle: ${loop.join(' → ')}.`,
            hint: 'Remove `parent` from the agency that belongs to no other, usually the ministry at the top.',
          });
        }
        break;
      }
      chain.push(current);
    }
  }
}

/**
 * A former id is an address that must keep leading to one entry, so it may not be any entry's
 * current id, nor the former id of another entry (or listed twice in the same one).
 */
function checkFormerIds(agreements: readonly ContentEntry<AgreementData>[], problems: ContentProblem[]): void {
  const current = new Map(agreements.map((entry) => [entry.id, entry.filePath]));
  const claimed = new Map<string, string>();
  for (const { id, filePath: file, data } of agreements) {
    data.formerIds.forEach((former, f) => {
      const field = `formerIds[${f}]`;
      const owner = current.get(former);
      const earlier = claimed.get(former);
      if (owner !== undefined) {
        problems.push({
          file,
          field,
          severity: 'error',
          message:
            former === id
              ? `"${former}" is this entry's own id, not a former one.`
              : `"${former}" is the current id of ${owner}; its address cannot also redirect here.`,
          hint: 'Remove it from formerIds, or rename one of the entries.',
        });
      } else if (earlier !== undefined) {
        problems.push({
          file,
          field,
          severity: 'error',
          message: `former id "${former}" is already claimed by ${earlier}.`,
          hint: 'An old address can redirect to one entry only; keep it in the entry it really belonged to.',
        });
      } else claimed.set(former, file);
    });
  }
}

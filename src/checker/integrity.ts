import { comparePartialDates, type PartialDate } from '../schemas/date.ts';
import type { CatalogueInput } from '../catalogue/input.ts';
import type { ContentProblem } from './problems.ts';
import { closestIds, type Candidate } from '../suggest.ts';
import type { AgreementData } from '../schemas/index.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import { countryNameInText } from '../countries.ts';
import { checkSourcing } from './sourcing.ts';
import { collections, entryFile, type CollectionName } from '../collections.ts';
import { defaultContentRoot } from '../content-root.ts';
import { checkDuplicates } from './duplicates.ts';
import { checkAgencyCycles, checkFormerIds } from './identities.ts';
import { agencyNamePatterns, foreignAgencyNamedIn } from './role-agencies.ts';

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

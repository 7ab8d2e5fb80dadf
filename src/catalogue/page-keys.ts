import { createHash } from 'node:crypto';
import { repository } from '../repository.ts';
import type { Agency, Agreement, Catalogue, Person } from './derive.ts';
import { familyMembers } from './family.ts';
import {
  hasYearPages,
  timelinePageSize,
  yearItemCount,
  type ScopedTimelinePage,
  type TimelineItem,
  type TimelineScope,
  type TimelineYear,
} from './timeline.ts';

/**
 * The keys of incremental builds. A build keeps each page whose key and code are unchanged from
 * the last build, and copies it from the cache instead of rendering it; a key that leaves out
 * anything the page shows ships a stale page. So each key is a digest of everything the page reads,
 * whole entries rather than the fields of them it happens to show: a key changes more often than
 * the page, never less.
 */

/** A digest of values that JSON writes in full (entries' data: no maps, no cycles). */
export const digestOf = (...values: readonly unknown[]): string =>
  createHash('sha256').update(JSON.stringify(values)).digest('base64url');

const dataDigests = new WeakMap<object, string>();

/**
 * The digest of one entry's data, made once for each data object (an entry's data is not changed
 * during a build). Keys name the entries they show by this digest instead of writing each entry's
 * data out again: a timeline page shows up to 100 agreements and an agency's page or a feed all of
 * theirs, and at 10,000 agreements writing them whole into every key took about 5 s of a build.
 */
export function dataDigest(data: object): string {
  let digest = dataDigests.get(data);
  if (digest === undefined) {
    digest = digestOf(data);
    dataDigests.set(data, digest);
  }
  return digest;
}

/** The part of the catalogue an agreement's pages read: the entries it names. */
export type CatalogueSlice = Pick<Catalogue, 'agencyById' | 'topicById' | 'personById' | 'countryByCode'>;

/** Only the entries of `map` that `ids` name. */
function only<T>(map: ReadonlyMap<string, T>, ids: Iterable<string>): ReadonlyMap<string, T> {
  const picked = new Map<string, T>();
  for (const id of ids) {
    const value = map.get(id);
    if (value !== undefined) picked.set(id, value);
  }
  return picked;
}

/** The people who signed or took part in an agreement. */
const peopleOf = (agreement: Agreement): string[] =>
  agreement.data.parties.flatMap((party) => [...party.signatories, ...party.participants].map(({ person }) => person));

/**
 * The entries an agreement's pages show besides the agreement: its agencies, topics and people,
 * and whether its countries have pages. Pages take this slice rather than the catalogue, so that
 * what they can read is what their key digests.
 */
export function sliceFor(agreement: Agreement, catalogue: Catalogue): CatalogueSlice {
  return {
    agencyById: only(catalogue.agencyById, agreement.agencyIds),
    topicById: only(catalogue.topicById, agreement.data.topics),
    personById: only(catalogue.personById, peopleOf(agreement)),
    countryByCode: only(catalogue.countryByCode, [
      ...agreement.countries,
      ...(agreement.data.place ? [agreement.data.place.country] : []),
    ]),
  };
}

/** What an agreement's pages show of it: its data and what the catalogue derives for it. */
function agreementShown(agreement: Agreement): unknown {
  const { id, filePath, data, countries, agencyIds, endDate, pastEnd, relations } = agreement;
  return {
    id,
    filePath,
    data: dataDigest(data),
    countries,
    agencyIds,
    endDate,
    pastEnd,
    relations: relations.map((link) => [link.agreement.id, link.relation, link.direction, link.sources]),
  };
}

/** Where the pages link to edit or report an entry, which a build's environment can change. */
const forge = [repository.edit(''), repository.reportProblem('', '')];

/**
 * The key of an agreement's page and data file: the agreement, its relations' whole family (the
 * family tree shows them all), the entries of its slice, the day its file last changed, and the
 * digest under which its rendered body is stored (its file's and the renderer's).
 */
export function agreementKey(
  agreement: Agreement,
  slice: CatalogueSlice,
  page: { readonly lastChanged: string | undefined; readonly body: string | undefined },
): string {
  // The page and the data file of an agreement ask for the same key: it is computed once.
  const known = agreementKeys.get(agreement);
  if (known && known.lastChanged === page.lastChanged && known.body === page.body) return known.key;
  const key = digestOf(
    agreementShown(agreement),
    familyMembers(agreement).map((member) => [member.id, dataDigest(member.data)]),
    [...slice.agencyById.values()].map((agency) => [agency.id, dataDigest(agency.data)]),
    [...slice.topicById.values()].map((topic) => [topic.id, dataDigest(topic.data)]),
    [...slice.personById.values()].map((person) => [person.id, dataDigest(person.data)]),
    [...slice.countryByCode.keys()],
    page,
    forge,
  );
  agreementKeys.set(agreement, { ...page, key });
  return key;
}

const agreementKeys = new WeakMap<
  Agreement,
  { readonly lastChanged: string | undefined; readonly body: string | undefined; readonly key: string }
>();

/** What a list of agreements shows of each. */
const listed = (agreements: readonly Agreement[]): unknown =>
  agreements.map((agreement) => [agreement.id, dataDigest(agreement.data), agreement.pastEnd, agreement.countries]);

/** The topics a list of agreements names, each by its data's digest: the list shows their names. */
function topicsNamed(agreements: readonly Agreement[], catalogue: Pick<Catalogue, 'topicById'>): unknown {
  const topics = new Set(agreements.flatMap((agreement) => agreement.data.topics));
  return [...topics].map((id) => {
    const topic = catalogue.topicById.get(id);
    return [id, topic ? dataDigest(topic.data) : null];
  });
}

/**
 * The key of a page of the agreements index after the first: its place among the pages, and each
 * agreement it lists with the topics it names.
 */
export function agreementsPageKey(
  agreements: readonly Agreement[],
  catalogue: Pick<Catalogue, 'topicById'>,
  page: number,
  count: number,
): string {
  return digestOf([page, count], listed(agreements), topicsNamed(agreements, catalogue), forge);
}

/** The key of an agency's page: the agency, its parent and children, partners and agreements. */
export function agencyKey(agency: Agency, catalogue: Catalogue): string {
  const parent = agency.data.parent ? catalogue.agencyById.get(agency.data.parent) : undefined;
  return digestOf(
    [agency.id, dataDigest(agency.data)],
    parent ? [parent.id, dataDigest(parent.data)] : null,
    catalogue.countryByCode.has(agency.data.country),
    agency.children.map((child) => [child.id, dataDigest(child.data)]),
    agency.partners.map(({ item, count }) => [
      item.id,
      dataDigest(item.data),
      count,
      catalogue.countryByCode.has(item.data.country),
    ]),
    listed(agency.agreements),
    forge,
  );
}

/** The key of a person's page: the person and each agreement they appear in. */
export function personKey(person: Person): string {
  return digestOf(
    [person.id, dataDigest(person.data)],
    person.appearances.map((appearance) => [
      appearance.agreement.id,
      dataDigest(appearance.agreement.data),
      appearance.role,
      appearance.country,
      appearance.capacity,
    ]),
    forge,
  );
}

/**
 * The key of a feed of agreements: its title's entry, and for each agreement its data and the day
 * its file last changed (which picks and orders the items), with the topics it names.
 */
export function feedKey(
  titled: unknown,
  agreements: readonly Agreement[],
  catalogue: Pick<Catalogue, 'topicById'>,
  lastChanged: (filePath: string) => string | undefined,
): string {
  return digestOf(
    titled,
    agreements.map((agreement) => [
      agreement.id,
      dataDigest(agreement.data),
      agreement.countries,
      lastChanged(agreement.filePath),
    ]),
    topicsNamed(agreements, catalogue),
  );
}

/** What a timeline shows of an item: its kind, date and event, and its agreement whole. */
const itemShown = (item: TimelineItem): unknown => [
  item.type,
  item.date,
  item.type === 'event' ? item.event : undefined,
  item.agreement.id,
  dataDigest(item.agreement.data),
];

/** What a timeline shows of a year, or of its part on one page: every item, under its month. */
const sectionShown = (section: TimelineYear): unknown => [
  section.year,
  section.yearOnly.map(itemShown),
  section.months.map((month) => [month.month, month.items.map(itemShown)]),
];

/**
 * What every page of a timeline shows besides its items: the timeline it belongs to, every year
 * with its count (the links between years), and the filters (every country, every topic and
 * whether it has agreements).
 */
const timelineShown = (scope: TimelineScope, years: readonly TimelineYear[], catalogue: Catalogue): unknown => [
  scope,
  years.map((year) => [year.year, yearItemCount(year)]),
  catalogue.countries.map((country) => country.code),
  catalogue.topics.map((topic) => [topic.id, dataDigest(topic.data), topic.agreements.length > 0]),
];

/** The key of a page of a year of a timeline: its timeline, its place in its year, and its items. */
export function timelinePageKey({ scope, years, page }: ScopedTimelinePage, catalogue: Catalogue): string {
  return digestOf(
    timelineShown(scope, years, catalogue),
    [page.page, page.pageCount],
    sectionShown(page.section),
    forge,
  );
}

/**
 * The key of the front page of a country's or a topic's timeline: its timeline and, when it is read
 * whole there rather than a year at a time, every item of it.
 */
export function timelineFrontKey(
  scope: TimelineScope,
  years: readonly TimelineYear[],
  catalogue: Catalogue,
  size = timelinePageSize,
): string {
  return digestOf(
    timelineShown(scope, years, catalogue),
    hasYearPages(years, size) ? [] : years.map(sectionShown),
    forge,
  );
}

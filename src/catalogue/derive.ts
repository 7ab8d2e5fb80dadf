import { countryName } from '../countries.ts';
import { byDate, latestDay, type PartialDate } from '../schemas/date.ts';
import type { AgencyData, AgreementData, PersonData, TopicData, Term } from '../schemas/index.ts';
import type { RelationKind } from '../vocabulary.ts';
import type { CatalogueInput, ContentEntry } from './input.ts';

/** A relation as seen from one agreement: outgoing ("renews") or incoming ("renewed by"). */
export interface RelatedAgreement {
  readonly agreement: Agreement;
  readonly relation: RelationKind;
  readonly direction: 'outgoing' | 'incoming';
  /** The ids of the sources the declaring entry names for the relation (outgoing relations only). */
  readonly sources?: readonly string[];
}

/** An agreement with what the catalogue derives for it. */
export interface Agreement extends ContentEntry<AgreementData> {
  /** Party country codes, in the order of the entry. */
  readonly countries: readonly string[];
  /** Every agency of every party. */
  readonly agencyIds: readonly string[];
  /** The end of the agreement's life, as given (`expires`) or computed from `signed` plus `term`. */
  readonly endDate?: { readonly date: PartialDate; readonly computed: boolean };
  /** True when the end date has passed but the entry still says in effect or signed. */
  readonly pastEnd: boolean;
  /** Related agreements in both directions. */
  readonly relations: readonly RelatedAgreement[];
}

/** A partner with the number of agreements shared. */
export interface Count<T> {
  readonly item: T;
  readonly count: number;
}

export interface Country {
  readonly code: string;
  readonly name: string;
  readonly agreements: readonly Agreement[];
  readonly partners: readonly Count<string>[];
  readonly agencies: readonly Agency[];
  readonly topics: readonly Count<Topic>[];
}

export interface Agency extends ContentEntry<AgencyData> {
  readonly agreements: readonly Agreement[];
  readonly partners: readonly Count<Agency>[];
  readonly children: readonly Agency[];
}

export interface Topic extends ContentEntry<TopicData> {
  readonly agreements: readonly Agreement[];
  readonly countries: readonly Count<string>[];
}

/** One appearance of a person in an agreement. */
export interface Appearance {
  readonly agreement: Agreement;
  readonly country: string;
  readonly role?: string;
  readonly capacity: 'signatory' | 'participant';
}

export interface Person extends ContentEntry<PersonData> {
  readonly appearances: readonly Appearance[];
}

/** Every index the site needs, derived once. */
export interface Catalogue {
  /** All agreements, newest signing first. */
  readonly agreements: readonly Agreement[];
  readonly agreementById: ReadonlyMap<string, Agreement>;
  /** Countries with at least one agreement, by name. */
  readonly countries: readonly Country[];
  readonly countryByCode: ReadonlyMap<string, Country>;
  readonly agencies: readonly Agency[];
  readonly agencyById: ReadonlyMap<string, Agency>;
  readonly topics: readonly Topic[];
  readonly topicById: ReadonlyMap<string, Topic>;
  readonly people: readonly Person[];
  readonly personById: ReadonlyMap<string, Person>;
  /** Former ids of renamed agreements, each with the agreement it now belongs to. */
  readonly formerIds: readonly { readonly id: string; readonly agreement: Agreement }[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Counts sorted by count, then by a label. */
function sortedCounts<T>(counts: Map<T, number>, label: (item: T) => string): Count<T>[] {
  return [...counts]
    .map(([item, count]) => ({ item, count }))
    .sort((a, b) => b.count - a.count || label(a.item).localeCompare(label(b.item)));
}

/** Adds a term to a partial date, keeping its precision. */
export function addTerm(date: PartialDate, term: Term): PartialDate {
  const totalMonths = (date.month ?? 1) - 1 + (term.months ?? 0) + 12 * (term.years ?? 0);
  const year = date.year + Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (date.precision === 'year') return { iso: String(year), precision: 'year', year };
  if (date.precision === 'month') return { iso: `${year}-${pad(month)}`, precision: 'month', year, month };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(date.day ?? 1, daysInMonth);
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', year, month, day };
}

/** The end of an agreement's life: its expiry, or its signing date plus its term. */
export function endOf(data: AgreementData): Agreement['endDate'] {
  if (data.expires) return { date: data.expires, computed: false };
  if (data.term) return { date: addTerm(data.inForce ?? data.signed, data.term), computed: true };
  return undefined;
}

/** Newest first by signing date, then by id for a stable order. */
export function compareNewestFirst(a: ContentEntry<AgreementData>, b: ContentEntry<AgreementData>): number {
  return byDate(b.data.signed, a.data.signed) || a.id.localeCompare(b.id);
}

/**
 * Derives every index of the catalogue in one pass over the entries (plus sorting), so pages
 * never scan the collection themselves. `today` (YYYY-MM-DD) decides which agreements are past
 * their end date; it is a parameter so that builds and tests are reproducible.
 */
export function deriveCatalogue(input: CatalogueInput, today: string): Catalogue {
  const relations = new Map<string, RelatedAgreement[]>();
  const agreementById = new Map<string, Agreement>();
  const agreements: Agreement[] = [...input.agreements].sort(compareNewestFirst).map((entry) => {
    const endDate = endOf(entry.data);
    const live = entry.data.status === 'in-effect' || entry.data.status === 'signed';
    const agreement: Agreement = {
      ...entry,
      countries: entry.data.parties.map((party) => party.country),
      agencyIds: entry.data.parties.flatMap((party) => party.agencies),
      ...(endDate ? { endDate } : {}),
      pastEnd: live && endDate !== undefined && latestDay(endDate.date) < today,
      relations: [],
    };
    agreementById.set(entry.id, agreement);
    return agreement;
  });

  const byCountry = new Map<string, Agreement[]>();
  const partnersByCountry = new Map<string, Map<string, number>>();
  const agenciesByCountry = new Map<string, Set<string>>();
  const topicsByCountry = new Map<string, Map<string, number>>();
  const byAgency = new Map<string, Agreement[]>();
  const partnerAgencies = new Map<string, Map<string, number>>();
  const byTopic = new Map<string, Agreement[]>();
  const countriesByTopic = new Map<string, Map<string, number>>();
  const byPerson = new Map<string, Appearance[]>();

  for (const agreement of agreements) {
    const { data } = agreement;
    for (const relation of data.related) {
      const other = agreementById.get(relation.agreement);
      if (!other) continue;
      push(relations, agreement.id, {
        agreement: other,
        relation: relation.relation,
        direction: 'outgoing',
        ...(relation.sources ? { sources: relation.sources } : {}),
      });
      push(relations, other.id, { agreement, relation: relation.relation, direction: 'incoming' });
    }
    for (const topic of data.topics) push(byTopic, topic, agreement);
    for (const party of data.parties) {
      const country = party.country;
      push(byCountry, country, agreement);
      const partners = partnersByCountry.get(country) ?? new Map<string, number>();
      partnersByCountry.set(country, partners);
      for (const other of agreement.countries) if (other !== country) increment(partners, other);
      const countryAgencies = agenciesByCountry.get(country) ?? new Set<string>();
      agenciesByCountry.set(country, countryAgencies);
      for (const agency of party.agencies) countryAgencies.add(agency);
      const countryTopics = topicsByCountry.get(country) ?? new Map<string, number>();
      topicsByCountry.set(country, countryTopics);
      for (const topic of data.topics) {
        increment(countryTopics, topic);
        const topicCountries = countriesByTopic.get(topic) ?? new Map<string, number>();
        countriesByTopic.set(topic, topicCountries);
        increment(topicCountries, country);
      }
      for (const agency of party.agencies) {
        push(byAgency, agency, agreement);
        const partners = partnerAgencies.get(agency) ?? new Map<string, number>();
        partnerAgencies.set(agency, partners);
        for (const other of agreement.agencyIds) if (other !== agency) increment(partners, other);
      }
      for (const signatory of party.signatories) {
        push(byPerson, signatory.person, {
          agreement,
          country,
          capacity: 'signatory',
          ...(signatory.role ? { role: signatory.role } : {}),
        });
      }
      for (const participant of party.participants) {
        push(byPerson, participant.person, {
          agreement,
          country,
          capacity: 'participant',
          ...(participant.role ? { role: participant.role } : {}),
        });
      }
    }
  }
  for (const agreement of agreements) {
    (agreement as { relations: readonly RelatedAgreement[] }).relations = relations.get(agreement.id) ?? [];
  }

  const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name);
  const children = new Map<string, Agency[]>();
  const agencyById = new Map<string, Agency>();
  const agencies: Agency[] = [...input.agencies].sort(byName).map((entry) => {
    const agency: Agency = { ...entry, agreements: byAgency.get(entry.id) ?? [], partners: [], children: [] };
    agencyById.set(entry.id, agency);
    if (entry.data.parent) push(children, entry.data.parent, agency);
    return agency;
  });
  for (const agency of agencies) {
    const partners = partnerAgencies.get(agency.id) ?? new Map<string, number>();
    const resolved = new Map<Agency, number>();
    for (const [id, count] of partners) {
      const partner = agencyById.get(id);
      if (partner) resolved.set(partner, count);
    }
    Object.assign(agency, {
      partners: sortedCounts(resolved, (item) => item.data.name),
      children: children.get(agency.id) ?? [],
    });
  }

  const topicById = new Map<string, Topic>();
  const topics: Topic[] = [...input.topics].sort(byName).map((entry) => {
    const topic: Topic = {
      ...entry,
      agreements: byTopic.get(entry.id) ?? [],
      countries: sortedCounts(countriesByTopic.get(entry.id) ?? new Map(), (code) => countryName(code)),
    };
    topicById.set(entry.id, topic);
    return topic;
  });

  const countryByCode = new Map<string, Country>();
  const countries: Country[] = [...byCountry.keys()]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ code, name }) => {
      const topicCounts = new Map<Topic, number>();
      for (const [id, count] of topicsByCountry.get(code) ?? []) {
        const topic = topicById.get(id);
        if (topic) topicCounts.set(topic, count);
      }
      const country: Country = {
        code,
        name,
        agreements: byCountry.get(code) ?? [],
        partners: sortedCounts(partnersByCountry.get(code) ?? new Map(), (item) => countryName(item)),
        agencies: [...(agenciesByCountry.get(code) ?? [])].flatMap((id) => agencyById.get(id) ?? []).sort(byName),
        topics: sortedCounts(topicCounts, (item) => item.data.name),
      };
      countryByCode.set(code, country);
      return country;
    });

  const personById = new Map<string, Person>();
  const people: Person[] = [...input.people].sort(byName).map((entry) => {
    const person: Person = { ...entry, appearances: byPerson.get(entry.id) ?? [] };
    personById.set(entry.id, person);
    return person;
  });

  const formerIds = agreements.flatMap((agreement) => agreement.data.formerIds.map((id) => ({ id, agreement })));

  return {
    agreements,
    agreementById,
    countries,
    countryByCode,
    agencies,
    agencyById,
    topics,
    topicById,
    people,
    personById,
    formerIds,
  };
}

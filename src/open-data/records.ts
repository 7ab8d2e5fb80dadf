import type { Agency, Agreement, Catalogue, Person, Topic } from '../catalogue/derive.ts';
import { countryName } from '../countries.ts';
import type { Dictionary } from '../i18n/en.ts';
import { fill } from '../i18n/index.ts';
import { licences } from '../licences.ts';
import type { PersonRole, Reading } from '../schemas/index.ts';
import { citedFacts } from '../vocabulary.ts';
import type { AgreementRecord, CatalogueFile } from './schema.ts';

/** What the record builders need besides the catalogue: absolute URLs, labels and history. */
export interface RecordContext {
  /** The absolute URL of a site path (the path already carries the base). */
  readonly absolute: (path: string) => string;
  readonly routes: {
    readonly home: () => string;
    readonly agreement: (id: string) => string;
    readonly agency: (id: string) => string;
    readonly topic: (id: string) => string;
    readonly person: (id: string) => string;
  };
  readonly t: Dictionary;
  /** The day an entry's file was last committed, by its path; undefined without history. */
  readonly lastChanged: (filePath: string) => string | undefined;
}

/**
 * The date feeds and the open data give as "updated": the day the entry's file last changed
 * where git history is available, otherwise the day it was last checked against its sources
 * (always present). It dates the entry, not the agreement.
 */
export function updatedDate(agreement: Agreement, lastChanged: string | undefined): string {
  return lastChanged ?? agreement.data.verified.iso;
}

function people(roles: readonly PersonRole[], catalogue: Pick<Catalogue, 'personById'>) {
  return roles.map(({ person, role, sources }) => ({
    id: person,
    name: catalogue.personById.get(person)?.data.name ?? person,
    ...(role ? { role } : {}),
    sources: [...(sources ?? [])],
  }));
}

/** Another reading as one text value, as the data dictionary describes it. */
export function readingValueText(reading: Reading, t: Dictionary): string {
  switch (reading.fact) {
    case 'signed':
    case 'inForce':
    case 'expires':
      return reading.value.iso;
    case 'place':
      return `${reading.value.city}, ${countryName(reading.value.country)}`;
    case 'term':
      return [
        ...(reading.value.years
          ? [
              fill(t.term.years[reading.value.years === 1 ? 'one' : 'other'] ?? t.term.years.other, {
                count: reading.value.years,
              }),
            ]
          : []),
        ...(reading.value.months
          ? [
              fill(t.term.months[reading.value.months === 1 ? 'one' : 'other'] ?? t.term.months.other, {
                count: reading.value.months,
              }),
            ]
          : []),
      ].join(' ');
    default:
      return String(reading.value);
  }
}

/** One agreement with every code labelled and every reference resolved to a name. */
export function agreementRecord(
  agreement: Agreement,
  catalogue: Pick<Catalogue, 'agencyById' | 'topicById' | 'personById'>,
  context: RecordContext,
): AgreementRecord {
  const { data } = agreement;
  const { t } = context;
  const lastChanged = context.lastChanged(agreement.filePath);
  return {
    id: agreement.id,
    url: context.absolute(context.routes.agreement(agreement.id)),
    formerIds: [...data.formerIds],
    title: data.title,
    ...(data.titleJa ? { titleJa: data.titleJa } : {}),
    ...(data.shortTitle ? { shortTitle: data.shortTitle } : {}),
    aliases: [...data.aliases],
    kind: { code: data.kind, label: t.kind[data.kind] },
    binding: { code: data.binding, label: t.binding[data.binding] },
    status: { code: data.status, label: t.status[data.status] },
    parties: data.parties.map((party) => ({
      country: party.country,
      countryName: countryName(party.country),
      agencies: party.agencies.map((id) => ({ id, name: catalogue.agencyById.get(id)?.data.name ?? id })),
      ...(party.joined ? { joined: party.joined.iso } : {}),
      sources: [...(party.sources ?? [])],
      signatories: people(party.signatories, catalogue),
      participants: people(party.participants, catalogue),
    })),
    signed: data.signed.iso,
    ...(data.inForce ? { inForce: data.inForce.iso } : {}),
    ...(data.expires ? { expires: data.expires.iso } : {}),
    ...(data.term ? { term: { ...data.term, sources: [...(data.term.sources ?? [])] } } : {}),
    ...(agreement.endDate ? { end: { date: agreement.endDate.date.iso, computed: agreement.endDate.computed } } : {}),
    ...(data.place
      ? {
          place: {
            city: data.place.city,
            country: data.place.country,
            countryName: countryName(data.place.country),
            sources: [...(data.place.sources ?? [])],
          },
        }
      : {}),
    topics: data.topics.map((id) => ({ id, name: catalogue.topicById.get(id)?.data.name ?? id })),
    summary: data.summary,
    cite: Object.fromEntries(
      citedFacts.flatMap((fact) => (data.cite[fact] ? [[fact, [...(data.cite[fact] ?? [])]]] : [])),
    ),
    readings: data.readings.map((reading) => ({
      fact: reading.fact,
      value: readingValueText(reading, t),
      sources: [...reading.sources],
      ...(reading.note ? { note: reading.note } : {}),
    })),
    sources: data.sources.map((source) => ({
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      ...(source.published ? { published: source.published.iso } : {}),
      language: source.language,
    })),
    events: data.events.map((event) => ({
      date: event.date.iso,
      kind: { code: event.kind, label: t.event[event.kind] },
      title: event.title,
      ...(event.place ? { place: event.place } : {}),
      source: event.source,
    })),
    related: agreement.relations.map((related) => ({
      id: related.agreement.id,
      title: related.agreement.data.title,
      relation: { code: related.relation, label: t.relation[related.direction][related.relation] },
      direction: related.direction,
      ...(related.sources ? { sources: [...related.sources] } : {}),
    })),
    verified: data.verified.iso,
    ...(lastChanged ? { lastChanged } : {}),
    updated: updatedDate(agreement, lastChanged),
  };
}

const ids = (agreements: readonly Agreement[]) => agreements.map((agreement) => agreement.id);

function agencyRecord(agency: Agency, context: RecordContext): CatalogueFile['agencies'][number] {
  const { data } = agency;
  return {
    id: agency.id,
    url: context.absolute(context.routes.agency(agency.id)),
    name: data.name,
    ...(data.nameJa ? { nameJa: { ...data.nameJa, source: { ...data.nameJa.source } } } : {}),
    ...(data.acronym ? { acronym: data.acronym } : {}),
    country: data.country,
    countryName: countryName(data.country),
    kind: { code: data.kind, label: context.t.agencyKind[data.kind] },
    ...(data.parent ? { parent: data.parent } : {}),
    ...(data.website ? { website: data.website } : {}),
    description: data.description,
    sources: (data.sources ?? []).map((source) => ({ ...source })),
    agreements: ids(agency.agreements),
  };
}

function topicRecord(topic: Topic, context: RecordContext): CatalogueFile['topics'][number] {
  return {
    id: topic.id,
    url: context.absolute(context.routes.topic(topic.id)),
    name: topic.data.name,
    ...(topic.data.nameJa ? { nameJa: topic.data.nameJa } : {}),
    description: topic.data.description,
    agreements: ids(topic.agreements),
  };
}

function personRecord(person: Person, context: RecordContext): CatalogueFile['people'][number] {
  return {
    id: person.id,
    url: context.absolute(context.routes.person(person.id)),
    name: person.data.name,
    ...(person.data.nameJa ? { nameJa: { ...person.data.nameJa, source: { ...person.data.nameJa.source } } } : {}),
    ...(person.data.country ? { country: person.data.country } : {}),
    sources: (person.data.sources ?? []).map((source) => ({ ...source })),
    agreements: [...new Set(person.appearances.map((appearance) => appearance.agreement.id))],
  };
}

/** The whole catalogue as one open-data document. */
export function catalogueFile(catalogue: Catalogue, context: RecordContext): CatalogueFile {
  const { t } = context;
  return {
    title: t.site.name,
    description: t.data.fileDescription,
    url: context.absolute(context.routes.home()),
    licence: {
      data: { name: licences.data.name, url: licences.data.url, attribution: licences.data.attribution },
      code: { name: licences.code.name, url: licences.code.url },
    },
    agreements: catalogue.agreements.map((agreement) => agreementRecord(agreement, catalogue, context)),
    agencies: catalogue.agencies.map((agency) => agencyRecord(agency, context)),
    topics: catalogue.topics.map((topic) => topicRecord(topic, context)),
    people: catalogue.people.map((person) => personRecord(person, context)),
  };
}

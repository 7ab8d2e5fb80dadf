/**
 * Closed vocabularies of the catalogue. Each list is the single source for its Zod enum, its
 * display labels (keys in the locale dictionaries) and any page that groups by it. Extend a list
 * here when a source needs a new value; the dictionaries must then gain its label, which the type
 * checker enforces.
 */

/** What kind of instrument an agreement is. */
export const agreementKinds = [
  'memorandum-of-cooperation',
  'memorandum-of-understanding',
  'agreement',
  'partnership',
  'accord',
  'joint-statement',
  'implementing-arrangement',
  'trade-agreement',
  // A government's published plan to cooperate, where no signed instrument is reported (yet).
  'announcement',
  // Declarations of intent and joint declarations.
  'declaration',
  // A text that countries join over the years, such as a charter of principles.
  'charter',
  'digital-economy-agreement',
  // A data-adequacy decision or arrangement: one side recognises the other's data protection.
  'adequacy-decision',
  'letter-of-intent',
  'framework',
  // A campaign or initiative that governments and organisations sign up to (50-in-5), not an instrument they sign.
  'initiative',
] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** Where an agreement stands, as the sources report it. */
export const agreementStatuses = [
  'in-effect',
  'signed',
  'expired',
  'superseded',
  'terminated',
  'unknown',
  // Not signed (yet): `signed` then holds the day of the announcement or of the launch of talks.
  'announced',
  'under-negotiation',
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Whether the parties meant the instrument to be legally binding. */
export const bindingValues = ['yes', 'no', 'unknown'] as const;
export type Binding = (typeof bindingValues)[number];

/**
 * How one agreement relates to another. Each relation is read from the entry that declares it;
 * the other entry shows the inverse, labelled by the dictionaries' `relation.incoming`.
 */
export const relationKinds = ['implements', 'renews', 'supersedes', 'follows-up', 'part-of'] as const;
export type RelationKind = (typeof relationKinds)[number];

/** Dated milestones in an agreement's life. */
export const eventKinds = [
  'announced',
  'agreed-in-principle',
  'signed',
  'entered-into-force',
  'working-group',
  'meeting',
  'visit',
  'webinar',
  'renewed',
  'expired',
  'other',
  // A party joining an instrument after it was first signed.
  'accession',
  'ministerial-meeting',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** What sort of body an agency is. */
export const agencyKinds = [
  'ministry',
  'agency',
  'regulator',
  'research-funder',
  'industry-body',
  'head-of-government',
  'other',
  // Companies and foundations acting beside governments, under the country they belong to.
  'company',
  'foundation',
  // A body of an international organisation, under the organisation's party code.
  'international-body',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** How precise a date is: a year, a month or a day. */
export const datePrecisions = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/**
 * Parties that are not countries: international organisations and groups, keyed by the code they
 * use in place of an ISO 3166-1 alpha-2 code (upper case). Their English names are in the locale
 * dictionaries (`organisation`); they get pages like countries but are not drawn on the map. A
 * code must never be an ISO 3166-1 alpha-2 code, which a test checks.
 */
export const organisationCodes = [
  'EU',
  'ASEAN',
  // The African Union: not "AU", which ISO 3166-1 gives to Australia.
  'AFRICANUNION',
  'OECD',
  'ITU',
  'UN',
  'G7',
  'G20',
  'OACPS',
  'IDB',
  'EBRD',
  'DCO',
  'NORDIC',
  'SMARTAFRICA',
  'CAEU',
  'EASTECO',
  'APEC',
  'WB',
  'UNDP',
  'UNICEF',
  'UNHCR',
  'ECLAC',
  'UNU',
  'D9',
  'CARICOM',
  'OAS',
  'GCC',
] as const;
export type OrganisationCode = (typeof organisationCodes)[number];

/**
 * The top-level facts of an agreement that name their sources in its `cite` map. The facts that
 * are objects (each party, signatory and participant, the place, the term, each relation) carry
 * their `sources` inline instead; `shortTitle`, `topics` and `verified` are our own and need none.
 */
export const citedFacts = [
  'title',
  'titleJa',
  'aliases',
  'kind',
  'binding',
  'signed',
  'inForce',
  'expires',
  'status',
  'summary',
] as const;
export type CitedFact = (typeof citedFacts)[number];

/** The facts on which an entry can record a second reading where its sources disagree. */
export const readingFacts = [
  'title',
  'kind',
  'binding',
  'signed',
  'inForce',
  'expires',
  'status',
  'place',
  'term',
] as const;
export type ReadingFact = (typeof readingFacts)[number];

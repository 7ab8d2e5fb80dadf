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
] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** Where an agreement stands, as the sources report it. */
export const agreementStatuses = ['in-effect', 'signed', 'expired', 'superseded', 'terminated', 'unknown'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Whether the parties meant the instrument to be legally binding. */
export const bindingValues = ['yes', 'no', 'unknown'] as const;
export type Binding = (typeof bindingValues)[number];

/**
 * How one agreement relates to another. Each relation is read from the entry that declares it;
 * the other entry shows the inverse (see `inverseRelations`).
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
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** How a precise a date is: a year, a month or a day. */
export const datePrecisions = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

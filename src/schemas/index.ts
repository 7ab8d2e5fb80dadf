/** The content schemas, one per concern, composed here for the collections and the checker. */
export {
  agreementSchema,
  type AgreementData,
  type AgreementEvent,
  type Cite,
  type Reading,
  type Relation,
  type Term,
} from './agreement.ts';
export { agencySchema, type AgencyData } from './agency.ts';
export { personSchema, type PersonData } from './person.ts';
export { topicSchema, type TopicData } from './topic.ts';
export type { Party, PersonRole } from './party.ts';
export type { NameSource, Source } from './source.ts';
export type { PartialDate } from './date.ts';

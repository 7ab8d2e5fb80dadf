import type { AgencyData, AgreementData, PersonData, TopicData } from '../schemas/index.ts';

/** One validated content file: its id (the file name without extension) and its data. */
export interface ContentEntry<T> {
  readonly id: string;
  /** The path from the repository root, for error messages and "edit this page" links. */
  readonly filePath: string;
  readonly data: T;
}

/** Everything the catalogue is derived from, as the collections (or the checker) load it. */
export interface CatalogueInput {
  readonly agreements: readonly ContentEntry<AgreementData>[];
  readonly agencies: readonly ContentEntry<AgencyData>[];
  readonly topics: readonly ContentEntry<TopicData>[];
  readonly people: readonly ContentEntry<PersonData>[];
}

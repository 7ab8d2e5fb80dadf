import path from 'node:path';
import { agencySchema, agreementSchema, personSchema, topicSchema } from './schemas/index.ts';
import { defaultContentRoot } from './content-root.ts';

/**
 * The layout of the content folder: one folder per collection, one file per entry, named by its id
 * and ending in the collection's extension. The content config, the checker, the schema generator,
 * the scaffolder, the editor settings and the integrity messages all read it from here.
 */
export const collections = {
  agreements: { folder: 'agreements', extension: '.mdx', schema: agreementSchema, entry: 'agreement' },
  agencies: { folder: 'agencies', extension: '.yaml', schema: agencySchema, entry: 'agency' },
  topics: { folder: 'topics', extension: '.yaml', schema: topicSchema, entry: 'topic' },
  people: { folder: 'people', extension: '.yaml', schema: personSchema, entry: 'person' },
} as const;

export type CollectionName = keyof typeof collections;

/** What one file of a collection holds: `agreement`, `agency`, `topic` or `person`. */
export type EntryName = (typeof collections)[CollectionName]['entry'];

/** The collections in the order of the table. */
export const collectionNames = Object.keys(collections) as CollectionName[];

/** What the top of the content folder may hold besides the collection folders. */
export const topLevelFiles: ReadonlySet<string> = new Set(['LICENSE.md']);

/** The folder of a collection under the content folder `root`: `content/agencies`. */
export const collectionFolder = (name: CollectionName, root: string): string =>
  path.join(root, collections[name].folder);

/** The file of an entry under the content folder `root`: `content/agencies/digital-agency.yaml`. */
export const entryFile = (name: CollectionName, id: string, root: string): string =>
  path.join(collectionFolder(name, root), `${id}${collections[name].extension}`);

/** The files of a collection as a glob from the repository root, for editors: `content/agreements/*.mdx`. */
export const collectionGlob = (name: CollectionName): string =>
  path.posix.join(defaultContentRoot, collections[name].folder, `*${collections[name].extension}`);

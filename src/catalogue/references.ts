import type { Source } from '../schemas/index.ts';

/** A source as a fact's reference shows it: its number in the entry's list and its anchor. */
export interface Reference {
  /** Its number in the entry's list of sources, from 1. */
  readonly number: number;
  /** The id of its item in the list, `source-<id>`, for `#` links. */
  readonly anchor: string;
  readonly source: Source;
}

/** The anchor of a source's item in the entry's source list. */
export const sourceAnchor = (id: string): string => `source-${id}`;

/** Every source of an entry by id, numbered in the order of the list. */
export function numberSources(sources: readonly Source[]): ReadonlyMap<string, Reference> {
  return new Map(
    sources.map((source, index) => [source.id, { number: index + 1, anchor: sourceAnchor(source.id), source }]),
  );
}

/**
 * The references of a fact, in the order of the source list. An unknown id throws: the content
 * check refuses it, so reaching here means the page was built without the check.
 */
export function referencesOf(ids: readonly string[], numbered: ReadonlyMap<string, Reference>): Reference[] {
  return [...new Set(ids)]
    .map((id) => {
      const reference = numbered.get(id);
      if (!reference) throw new Error(`Unknown source "${id}": run \`npm run check\`.`);
      return reference;
    })
    .sort((a, b) => a.number - b.number);
}

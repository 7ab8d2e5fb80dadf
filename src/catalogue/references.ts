import type { ElementContent } from 'hast';
import { fill } from '../i18n/index.ts';
import type { Dictionary } from '../i18n/en.ts';
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

/**
 * The references of a fact as the page shows them: bracketed numbers ("[1, 3]") that link to the
 * sources in the entry's list, each named for screen readers ("Source 1: <title>"), since a bare
 * number read out of context tells a listener nothing. The facts (through `<References>`) and the
 * body's `<Cite>` both show this markup.
 */
export function referenceNodes(
  ids: readonly string[],
  numbered: ReadonlyMap<string, Reference>,
  t: Pick<Dictionary, 'agreement'>,
): ElementContent[] {
  const references = referencesOf(ids, numbered);
  if (references.length === 0) return [];
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  references.forEach((reference, index) => {
    if (index > 0) children.push({ type: 'text', value: ', ' });
    children.push({
      type: 'element',
      tagName: 'a',
      properties: {
        href: `#${reference.anchor}`,
        ariaLabel: fill(t.agreement.reference, { number: reference.number, title: reference.source.title }),
      },
      children: [{ type: 'text', value: String(reference.number) }],
    });
  });
  children.push({ type: 'text', value: ']' });
  return [{ type: 'element', tagName: 'sup', properties: { className: ['refs'], dataPagefindIgnore: true }, children }];
}

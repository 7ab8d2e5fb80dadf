import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { allowedElements } from './allowed.ts';

/** One `<Cite source="a b" />` in a body: the source ids it names and its line in the file. */
export interface BodyCite {
  readonly ids: readonly string[];
  readonly line?: number;
}

/** What an agreement's body cites, and which of its paragraphs cite nothing. */
export interface BodyCitations {
  readonly cites: readonly BodyCite[];
  /** The first line of each paragraph that contains no `<Cite>`. */
  readonly uncited: readonly { readonly line?: number }[];
}

/** The component that cites sources in the body, and its attribute. */
export const citeComponent = 'Cite';

/** The source ids of a `<Cite>`'s attribute value: one or more ids separated by spaces. */
export function citedIds(value: string): string[] {
  return value.split(/\s+/).filter((id) => id !== '');
}

function citesIn(node: RootContent): BodyCite[] {
  const cites: BodyCite[] = [];
  visit(node, (child) => {
    if ((child.type === 'mdxJsxTextElement' || child.type === 'mdxJsxFlowElement') && child.name === citeComponent) {
      const attribute = child.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === 'source');
      const value = typeof attribute?.value === 'string' ? attribute.value : '';
      const line = child.position?.start.line;
      cites.push({ ids: citedIds(value), ...(line !== undefined ? { line } : {}) });
    }
  });
  return cites;
}

/**
 * The blocks that must each cite a source: the paragraphs a reader reads as prose claims. They
 * are the paragraphs at the top level of the body, each item of a top-level list, and the
 * paragraphs of a block quote, a `<Callout>` or a footnote, and each table as a whole. Headings are
 * not claims; `<Quote>` names its own source and `<Figure>` its credit, so neither needs a `<Cite>`.
 */
function proseBlocks(tree: Root): RootContent[] {
  const blocks: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'paragraph' || node.type === 'table') blocks.push(node);
    else if (node.type === 'footnoteDefinition')
      blocks.push(...node.children.filter((child) => child.type === 'paragraph'));
    else if (node.type === 'list') blocks.push(...node.children);
    else if (node.type === 'blockquote') blocks.push(...node.children.filter((child) => child.type === 'paragraph'));
    else if (node.type === 'mdxJsxFlowElement' && node.name === 'Callout')
      blocks.push(...node.children.filter((child) => child.type === 'paragraph'));
  }
  return blocks;
}

/**
 * Inline HTML elements whose text is the paragraph's own prose: the typography elements entries
 * may use, less the line break, which holds no text.
 */
const proseElements: ReadonlySet<string> = new Set([...allowedElements].filter((element) => element !== 'br'));

/**
 * True when a block holds prose of its own: text outside components, since a paragraph that is
 * only a `<Quote>` names its source in the quote, and one that is only a `<Figure>` its credit.
 */
function hasText(node: RootContent): boolean {
  let text = false;
  visit(node, (child) => {
    if (
      (child.type === 'mdxJsxTextElement' || child.type === 'mdxJsxFlowElement') &&
      !proseElements.has(child.name ?? '')
    )
      return SKIP;
    if (child.type === 'text' && child.value.trim() !== '') text = true;
    return undefined;
  });
  return text;
}

/** Reads the citations of a parsed body; `lineOffset` makes lines count from the top of the file. */
export function findCitations(tree: Root, lineOffset = 0): BodyCitations {
  const shift = <T extends { line?: number }>(item: T): T =>
    item.line === undefined ? item : { ...item, line: item.line + lineOffset };
  const cites = tree.children.flatMap(citesIn).map(shift);
  const uncited = proseBlocks(tree)
    .filter((block) => hasText(block) && citesIn(block).length === 0)
    .map((block) => shift(block.position ? { line: block.position.start.line } : {}));
  return { cites, uncited };
}

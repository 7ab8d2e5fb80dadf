import type { Element, ElementContent, Properties, Root } from 'hast';

/**
 * HTML from a hast tree, written byte for byte as Astro wrote an MDX body through its JSX runtime,
 * so that pages rendered from stored HTML are the pages compiled MDX gave: text escapes `& < > ' "`,
 * attribute values `&` and `"`, a `true` or empty attribute is written bare, and an element without
 * children that HTML calls void is closed as JSX writes it (`<br/>`), or as an Astro template
 * writes it (`<img ...>`) when the element is marked `templateVoid` (the markup of a component).
 * Only elements and text are written: any other node (raw HTML, a comment, an MDX expression)
 * throws, so nothing can pass through unescaped.
 */

declare module 'hast' {
  interface ElementData {
    /** Written as an Astro template writes a void element: `<img ...>` rather than `<img .../>`. */
    templateVoid?: boolean;
  }
}

const voidElements: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements whose line breaks between children MDX leaves out (React refuses text in a table). */
const tableElements: ReadonlySet<string> = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

const textEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

export const escapeText = (value: string): string => value.replace(/[&<>'"]/g, (char) => textEscapes[char] ?? char);

export const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Attribute names of the hast properties the renderer writes, where the name is not the property's own. */
const attributeNames: Readonly<Record<string, string>> = {
  className: 'class',
  ariaDescribedBy: 'aria-describedby',
  ariaLabel: 'aria-label',
  dataFootnotes: 'data-footnotes',
  dataFootnoteRef: 'data-footnote-ref',
  dataFootnoteBackref: 'data-footnote-backref',
  dataPagefindIgnore: 'data-pagefind-ignore',
};

/** Properties written under their own name. */
const plainAttributes: ReadonlySet<string> = new Set([
  'alt',
  'checked',
  'cite',
  'decoding',
  'disabled',
  'href',
  'id',
  'loading',
  'src',
  'start',
  'title',
  'type',
]);

function attributes(element: Element): string {
  let written = '';
  let align: string | undefined;
  const properties: Properties = element.properties;
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    // MDX writes a table cell's alignment as a style, after the other attributes.
    if (property === 'align' && (element.tagName === 'td' || element.tagName === 'th')) {
      align = String(value);
      continue;
    }
    const name = attributeNames[property] ?? (plainAttributes.has(property) ? property : undefined);
    if (name === undefined) throw new Error(`The renderer writes no attribute for the property "${property}".`);
    const text = Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
    written += text === '' ? ` ${name}` : ` ${name}="${escapeAttribute(text)}"`;
  }
  if (align !== undefined) written += ` style="text-align:${escapeAttribute(align)}"`;
  return written;
}

/** Writes a slot of the tree (an element with `data.slot`), given the HTML of its children. */
export type SlotWriter = (node: Element, children: string) => string;

function write(nodes: readonly ElementContent[], parent: string | undefined, slot: SlotWriter | undefined): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'element' && node.data?.slot !== undefined) {
      if (!slot) throw new Error('The tree has a slot and nothing to write it with.');
      html += slot(node, write(node.children, undefined, slot));
    } else if (node.type === 'text') {
      if (parent !== undefined && tableElements.has(parent) && node.value === '\n') continue;
      html += escapeText(node.value);
    } else if (node.type === 'element') {
      const open = `<${node.tagName}${attributes(node)}`;
      if (node.children.length === 0 && voidElements.has(node.tagName)) {
        html += node.data?.templateVoid ? `${open}>` : `${open}/>`;
      } else {
        html += `${open}>${write(node.children, node.tagName, slot)}</${node.tagName}>`;
      }
    } else {
      throw new Error(`The renderer writes no ${node.type} node.`);
    }
  }
  return html;
}

/** The HTML of a tree, or of a list of nodes, with its slots written by `slot`. */
export function toHtml(tree: Root | readonly ElementContent[], slot?: SlotWriter): string {
  // `write` refuses every node but elements and text, whatever the tree's type allows.
  const nodes = ('type' in tree ? tree.children : tree) as readonly ElementContent[];
  return write(nodes, undefined, slot);
}

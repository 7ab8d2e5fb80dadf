import type { Element, ElementContent } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { Options as ToHastOptions } from 'remark-rehype';
import { allowedComponents, allowedElements } from './allowed.ts';
import { citedIds } from './citations.ts';
import { escapeAttribute, toHtml, type SlotWriter } from './html.ts';

/**
 * The components an entry's body may use, written as plain HTML when the body is rendered: the
 * markup their Astro components gave, element for element. `<Quote>`, `<Figure>` and a `<Callout>`
 * with a title depend only on their attributes. A `<Cite>` shows the entry's numbered sources in
 * the page's language, and a `<Callout>` without a title is headed in the page's language: both
 * are stored as markers (`writeSlot`) that each edition's page fills in (`fillSlots`), so one HTML
 * serves every edition.
 */

/** A part of a body that depends on the page it is shown on. */
export type Slot =
  { readonly name: 'cite'; readonly ids: readonly string[] } | { readonly name: 'callout'; readonly kind: CalloutKind };

declare module 'hast' {
  interface ElementData {
    /** Written as a marker by `writeSlot`, filled by `fillSlots`. */
    slot?: Slot;
  }
}

export type CalloutKind = 'note' | 'caution';

type Handler = NonNullable<NonNullable<ToHastOptions['handlers']>['text']>;
type State = Parameters<Handler>[0];

/** What a page supplies to the slots of a body. */
export interface BodyContext {
  /** The references of a `<Cite>` to the entry's sources, by their ids. */
  readonly cite: (ids: readonly string[]) => ElementContent[];
  /** The heading of a callout that gives no title. */
  readonly calloutLabel: (kind: CalloutKind) => string;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

const element = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
  data?: Element['data'],
): Element => ({ type: 'element', tagName, properties, children, ...(data ? { data } : {}) });

/** The literal attributes of a JSX element; one without a value is `true`, as JSX gives it. */
function attributesOf(node: MdxJsxFlowElement | MdxJsxTextElement): Map<string, string | true> {
  const values = new Map<string, string | true>();
  for (const attribute of node.attributes) {
    // The content check refuses spreads and expressions before anything renders.
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string'))
      throw new Error(`<${node.name ?? ''}> has an attribute that is not literal text.`);
    values.set(attribute.name, attribute.value ?? true);
  }
  return values;
}

/** A component's attribute as text: the check refuses one without a value. */
function textAttribute(values: ReadonlyMap<string, string | true>, name: string): string | undefined {
  const value = values.get(name);
  if (value === true) throw new Error(`The attribute "${name}" has no value.`);
  return value;
}

/** `<Quote cite source>`: src/components gave `figure.quote`, the quotation and who said it where. */
function quote(values: ReadonlyMap<string, string | true>, children: ElementContent[]): Element {
  const cite = textAttribute(values, 'cite');
  const source = textAttribute(values, 'source');
  const caption =
    cite || source
      ? [
          element('figcaption', {}, [
            source ? element('a', { href: source }, [text(cite ?? source)]) : text(cite ?? ''),
          ]),
        ]
      : [];
  return element('figure', { className: ['quote'] }, [element('blockquote', { cite: source }, children), ...caption]);
}

/** `<Figure src alt caption credit>`: an image with its caption and credit. */
function figure(values: ReadonlyMap<string, string | true>): Element {
  const caption = textAttribute(values, 'caption');
  const credit = textAttribute(values, 'credit');
  const image = element(
    'img',
    { src: textAttribute(values, 'src'), alt: textAttribute(values, 'alt'), loading: 'lazy', decoding: 'async' },
    [],
    { templateVoid: true },
  );
  const captionChildren = [
    ...(caption ? [text(caption)] : []),
    ...(credit ? [element('span', { className: ['figure-credit'] }, [text(credit)])] : []),
  ];
  return element('figure', { className: ['figure'] }, [
    image,
    ...(caption || credit ? [element('figcaption', {}, captionChildren)] : []),
  ]);
}

/** Turns an allowed component or element of the body into hast; anything else throws. */
const jsxElement: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): ElementContent => {
  const name = node.name ?? '';
  const values = attributesOf(node);
  const children = state.all(node);
  switch (name) {
    case 'Quote':
      return quote(values, children);
    case 'Figure':
      return figure(values);
    case 'Callout': {
      const title = textAttribute(values, 'title');
      const kind = (textAttribute(values, 'kind') ?? 'note') as CalloutKind;
      return title === undefined
        ? element('aside', {}, children, { slot: { name: 'callout', kind } })
        : callout(kind, title, children);
    }
    case 'Cite':
      return element('sup', {}, [], { slot: { name: 'cite', ids: citedIds(textAttribute(values, 'source') ?? '') } });
  }
  if (!allowedElements.has(name) || allowedComponents.has(name)) throw new Error(`<${name}> is not allowed.`);
  for (const attribute of values.keys())
    if (attribute !== 'title') throw new Error(`<${name}> may not have the attribute "${attribute}".`);
  // MDX passed an attribute without a value as `true`, which Astro wrote as `title="true"`.
  const title = values.get('title');
  return element(name, title === undefined ? {} : { title: title === true ? 'true' : title }, children);
};

const refused: Handler = (_state: State, node: { type: string }) => {
  throw new Error(`A body may not hold a ${node.type} node.`);
};

/** The handlers of `remark-rehype` for what MDX adds to Markdown. */
export const componentHandlers: Readonly<Record<string, Handler>> = {
  mdxJsxFlowElement: jsxElement,
  mdxJsxTextElement: jsxElement,
  mdxjsEsm: refused,
  mdxFlowExpression: refused,
  mdxTextExpression: refused,
  html: refused,
};

/** `<Callout kind title>`: an aside headed by its title, or by its kind's name in the page's language. */
function callout(kind: CalloutKind, label: string, children: ElementContent[]): Element {
  return element('aside', { className: ['callout', `callout-${kind}`], ariaLabel: label }, [
    element('p', { className: ['callout-title'] }, [text(label)]),
    ...children,
  ]);
}

/**
 * Markers for the slots of a stored body. Each holds a `"`, which the writer escapes in every text
 * and attribute value of an entry, so no entry can write one.
 */
const markers =
  /<accord-cite source="([^"]*)"><\/accord-cite>|<accord-callout kind="(note|caution)">|<accord-callout-end kind="(?:note|caution)"><\/accord-callout-end>/g;

/** Writes a slot of a body as the marker that `fillSlots` replaces. */
export const writeSlot: SlotWriter = (node, children) => {
  const slot = node.data?.slot;
  if (slot?.name === 'cite') return `<accord-cite source="${escapeAttribute(slot.ids.join(' '))}"></accord-cite>`;
  if (slot?.name === 'callout')
    return `<accord-callout kind="${slot.kind}">${children}<accord-callout-end kind="${slot.kind}"></accord-callout-end>`;
  throw new Error('Not a slot.');
};

const unescapeAttribute = (value: string): string => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** A stored body as the page shows it: its markers replaced by what the page supplies. */
export function fillSlots(html: string, context: BodyContext): string {
  return html.replace(markers, (_marker, ids: string | undefined, kind: CalloutKind | undefined) => {
    if (ids !== undefined) return toHtml(context.cite(citedIds(unescapeAttribute(ids))));
    if (kind === undefined) return '</aside>';
    const opened = toHtml([callout(kind, context.calloutLabel(kind), [])]);
    return opened.slice(0, -'</aside>'.length);
  });
}

import type { Element, ElementContent } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { Options as ToHastOptions } from 'remark-rehype';
import { allowedComponents, allowedElements } from './allowed.ts';
import { citedIds } from './citations.ts';

/**
 * The components an entry's body may use, written as plain HTML when the body is rendered: the
 * markup their Astro components gave, element for element. `<Quote>` and `<Figure>` depend only on
 * their attributes. A `<Cite>` shows the entry's numbered sources in the page's language, and a
 * `<Callout>` without a title is headed in the page's language: both are left in the tree as slots,
 * which `fillSlot` fills for each edition.
 */

/** A part of a body that depends on the page it is shown on. */
export type Slot =
  | { readonly name: 'cite'; readonly ids: readonly string[] }
  | { readonly name: 'callout'; readonly kind: CalloutKind; readonly title?: string };

declare module 'hast' {
  interface ElementData {
    /** Filled in for each edition by `fillSlot`. */
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
      return element('aside', {}, children, {
        slot: { name: 'callout', kind, ...(title !== undefined ? { title } : {}) },
      });
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

/** A slot as the page shows it. */
export function fillSlot(node: Element, context: BodyContext): ElementContent[] {
  const slot = node.data?.slot;
  if (!slot) return [node];
  if (slot.name === 'cite') return context.cite(slot.ids);
  const label = slot.title ?? context.calloutLabel(slot.kind);
  return [
    element('aside', { className: ['callout', `callout-${slot.kind}`], ariaLabel: label }, [
      element('p', { className: ['callout-title'] }, [text(label)]),
      ...node.children,
    ]),
  ];
}

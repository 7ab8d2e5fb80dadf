/** What a contributed entry's body may use: its components, plain elements and code labels. */

/** What one allowed component accepts. */
export interface ComponentSpec {
  /** Every attribute it accepts. */
  readonly attributes: readonly string[];
  /** Attributes it cannot do without. */
  readonly required: readonly string[];
  /** Attributes holding a URL, which must pass the same check as links. */
  readonly urls: readonly string[];
  /** Attributes holding an image address, which must pass the same check as images; none when left out. */
  readonly images?: readonly string[];
  /** Attributes with a closed list of values. */
  readonly values: Readonly<Record<string, readonly string[]>>;
}

/**
 * The components a contributed entry may use, with the attributes each accepts. Values must be
 * literal strings. `src/markdown/components.ts` renders them.
 */
export const allowedComponents: ReadonlyMap<string, ComponentSpec> = new Map([
  ['Quote', { attributes: ['cite', 'source'], required: [], urls: ['source'], values: {} }],
  ['Callout', { attributes: ['kind', 'title'], required: [], urls: [], values: { kind: ['note', 'caution'] } }],
  [
    'Figure',
    {
      attributes: ['src', 'alt', 'caption', 'credit'],
      required: ['src', 'alt'],
      urls: [],
      images: ['src'],
      values: {},
    },
  ],
  // Cites the entry's sources by id (`source="a b"`); the content check resolves the ids.
  ['Cite', { attributes: ['source'], required: ['source'], urls: [], images: [], values: {} }],
]);

/** Plain HTML elements that carry no behaviour, allowed in entries for typography. */
export const allowedElements: ReadonlySet<string> = new Set([
  'abbr',
  'b',
  'br',
  'cite',
  'em',
  'i',
  'q',
  's',
  'small',
  'strong',
  'sub',
  'sup',
]);

/** Elements refused with a sharper message: they run code, embed other pages or send data. */
export const behaviourElements: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'style',
  'link',
  'meta',
  'base',
  'frame',
  'frameset',
  'svg',
  'math',
]);

/** The allowed components as a message lists them: `<Quote>, <Callout>, ...`. */
export const componentList = [...allowedComponents.keys()].map((name) => `<${name}>`).join(', ');

/**
 * The labels a fenced code block may carry; a block without a label is plain text. The label only
 * names the block (`class="language-json"`): code is never highlighted, so no highlighter ever
 * sees an entry's code, and `rehypeSafeContent` reduces each block to escaped text whatever a
 * highlighter configured later would do.
 */
export const codeLanguages: ReadonlySet<string> = new Set(['text', 'json', 'xml', 'yaml', 'csv', 'http']);

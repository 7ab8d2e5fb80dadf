import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Definition, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { closestIds } from '../catalogue/suggest.ts';

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
 * literal strings. `src/components/content/` implements them.
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
const behaviourElements: ReadonlySet<string> = new Set([
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

/** One thing in an entry's body that is not allowed, with where it is and what to do instead. */
export interface Violation {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly allowed: string;
}

const componentList = [...allowedComponents.keys()].map((name) => `<${name}>`).join(', ');

/**
 * The labels a fenced code block may carry; a block without a label is plain text. The label only
 * names the block (`class="language-json"`): code is never highlighted, so no highlighter ever
 * sees an entry's code, and `rehypeSafeContent` reduces each block to escaped text whatever a
 * highlighter configured later would do.
 */
export const codeLanguages: ReadonlySet<string> = new Set(['text', 'json', 'xml', 'yaml', 'csv', 'http']);

/**
 * How deep a body may nest: Markdown containers (lists, quotes) and JSX elements counted apart,
 * and the depth of the whole syntax tree. A few levels are all prose needs; thousands overflowed
 * the stack of the build and hung the parser.
 */
export const nestingLimits = {
  /** Container markers (`- `, `1. `, `> `) opening one line. */
  markers: 12,
  /** Columns of indentation before a line's text. */
  indent: 48,
  /** Elements and components open inside each other. */
  elements: 12,
  /** Levels of the parsed syntax tree (a list inside a list item is two). */
  tree: 32,
  /**
   * Emphasis marks (`*`, `_`, `~`) in one paragraph: pairing them takes time that grows faster
   * than their number (28,000 alternating marks took 45 s to parse; 200 take a few ms).
   */
  emphasis: 200,
  /**
   * Square brackets (`[` and `]`: a link or an image has two) in one paragraph, for the same
   * reason: 4,500 stray `](` took three seconds.
   */
  brackets: 200,
  /** Backticks in one paragraph: 19,000 characters of escaped fences (\`\`\`) took 2.5 s. */
  backticks: 100,
  /** Braces in one paragraph: 16,000 `}` after an unclosed `{` took 42 s to parse. */
  braces: 100,
  /**
   * Characters in one paragraph (lines up to a blank line), which bounds what is left of the
   * parser's slow cases; the longest paragraph of an entry so far has 800.
   */
  paragraph: 5000,
  /**
   * Lines in a body: thousands of tiny blocks (empty quotes, setext underlines) slow the parser
   * down faster than they grow (6,000 empty quotes took 5 s). The longest entry has a dozen.
   */
  lines: 600,
} as const;

/** The longest body, in characters: eight times the longest entry so far. */
export const maxBodyLength = 20_000;

const allowedLinks = 'https: or mailto: URLs, paths on this site starting with /, #fragments or relative paths';
const allowedImages = 'https: URLs, or paths on this site starting with / (image files go in public/), with no ?query';

/**
 * What a link or URL looks like once a browser has read it: it drops tabs and line breaks
 * anywhere and spaces and control characters at both ends ("java\tscript:").
 */
function normalisedUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these C0 characters and spaces
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** True for a path or URL that a browser could read as another host or a scheme in disguise. */
function isAmbiguous(url: string): boolean {
  // `/\host` and `\\host` are protocol-relative in browsers, which read `\` as `/`; control
  // characters and percent-encoded ones have no place in an address written by hand.
  return (
    url.includes('\\') ||
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    /[\u0000-\u001f\u007f]/.test(url) ||
    url.startsWith('//') ||
    /%(?:0[0-9a-f]|1[0-9a-f]|5c)/i.test(url)
  );
}

function isHttpsUrl(url: string): boolean {
  if (!/^https:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * True for what an entry may link to: `https:` and `mailto:` URLs, paths on this site
 * (`/agreements/...`), `#fragments`, and relative paths (`../other-entry/`), which the build
 * never imports and which keep working when the site is built for a sub-folder. `http:`,
 * `javascript:`, `data:` and every other scheme, and protocol-relative `//host` or `/\host`,
 * are refused.
 */
export function isAllowedLink(url: string): boolean {
  const normalised = normalisedUrl(url);
  if (normalised === '' || isAmbiguous(normalised)) return false;
  if (/^mailto:[^/]/i.test(normalised)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalised)?.[1];
  if (scheme !== undefined) return scheme.toLowerCase() === 'https' && isHttpsUrl(normalised);
  // Without a scheme, a colon before the first slash would read as one in some browsers.
  return !/^[^/?#]*:/.test(normalised);
}

/**
 * True for what an entry may show as an image: an `https:` URL, or a file of `public/` by its
 * path on the site (`/images/signing.jpg`). A relative path is refused: Astro turns a relative
 * image into a JavaScript import, so `./x.mjs` would run and `?raw` would read any file. A site
 * path takes no `?query` for the same reason.
 */
export function isAllowedImage(url: string): boolean {
  const normalised = normalisedUrl(url);
  if (normalised === '' || isAmbiguous(normalised)) return false;
  if (isHttpsUrl(normalised)) return true;
  return /^\/[^/?#]/.test(normalised) && !/[?#]/.test(normalised);
}

function at(node: RootContent | Root): { line?: number; column?: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : {};
}

function checkAttribute(
  element: string,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  spec: ComponentSpec | undefined,
  where: { line?: number; column?: number },
  violations: Violation[],
): void {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    violations.push({
      ...where,
      message: `a spread or expression attribute on <${element}> ("{${attribute.value}}")`,
      allowed: 'attributes with literal text values, such as kind="note"',
    });
    return;
  }
  const name = attribute.name;
  if (/^on/i.test(name)) {
    violations.push({
      ...where,
      message: `an event-handler attribute "${name}" on <${element}>`,
      allowed: 'no event handlers: entries cannot run scripts',
    });
    return;
  }
  if (attribute.value !== null && typeof attribute.value === 'object') {
    violations.push({
      ...where,
      message: `an expression as the value of "${name}" on <${element}> ("{${attribute.value.value}}")`,
      allowed: `a literal text value, such as ${name}="..."`,
    });
    return;
  }
  if (spec && !spec.attributes.includes(name)) {
    violations.push({
      ...where,
      message: `an unknown attribute "${name}" on <${element}>`,
      allowed: `on <${element}>: ${spec.attributes.join(', ')}`,
    });
    return;
  }
  if (!spec && name !== 'title') {
    violations.push({
      ...where,
      message: `an attribute "${name}" on <${element}>`,
      allowed: `plain <${element}> without attributes (title is allowed)`,
    });
    return;
  }
  const allowedValues = spec?.values[name];
  if (allowedValues && !allowedValues.includes(String(attribute.value))) {
    violations.push({
      ...where,
      message: `the value "${String(attribute.value)}" of "${name}" on <${element}>`,
      allowed: allowedValues.map((value) => `${name}="${value}"`).join(' or '),
    });
    return;
  }
  if (spec?.images?.includes(name) && typeof attribute.value === 'string' && !isAllowedImage(attribute.value)) {
    violations.push({
      ...where,
      message: `an image address "${attribute.value}" in "${name}" on <${element}>`,
      allowed: allowedImages,
    });
  } else if (spec?.urls.includes(name) && typeof attribute.value === 'string' && !isAllowedLink(attribute.value)) {
    violations.push({
      ...where,
      message: `a URL "${attribute.value}" in "${name}" on <${element}>`,
      allowed: allowedLinks,
    });
  }
}

/** The deepest node of a tree, found without recursion so that no depth can overflow the stack. */
function deepestNode(tree: Root): { depth: number; node: RootContent | Root } {
  let deepest: { depth: number; node: RootContent | Root } = { depth: 0, node: tree };
  const stack: { depth: number; node: RootContent | Root }[] = [{ depth: 0, node: tree }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth > deepest.depth) deepest = item;
    if ('children' in item.node) {
      for (const child of item.node.children) stack.push({ depth: item.depth + 1, node: child });
    }
  }
  return deepest;
}

/**
 * Lists everything in an MDX tree that a contributed entry may not contain: imports and exports,
 * `{expressions}`, components off the allow-list, HTML that can carry behaviour, event handlers,
 * links and images other than `isAllowedLink` and `isAllowedImage` accept, code blocks with an
 * unknown label, and nesting deeper than `nestingLimits.tree`. Runs on the syntax tree, so
 * nothing in the entry has been executed when it reports.
 */
export function findUnsafeMdx(tree: Root): Violation[] {
  const deepest = deepestNode(tree);
  if (deepest.depth > nestingLimits.tree) {
    // Walking a tree this deep could itself overflow the stack: report it alone.
    return [
      {
        ...at(deepest.node),
        message: `nesting ${deepest.depth} levels deep (lists, quotes or elements inside each other)`,
        allowed: `at most ${nestingLimits.tree} levels: flatten the lists or split the text`,
      },
    ];
  }
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node);
  });
  const violations: Violation[] = [];
  visit(tree, (node) => {
    if (node.type === 'root') return;
    const where = at(node);
    switch (node.type) {
      case 'mdxjsEsm':
        violations.push({
          ...where,
          message: `an import or export ("${node.value.split('\n')[0]}")`,
          allowed: `prose, Markdown and the components ${componentList}, which need no import`,
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        violations.push({
          ...where,
          message: `a {…} expression ("{${node.value}}")`,
          allowed: 'plain text; to show braces, escape them as \\{ and \\}',
        });
        return;
      case 'html':
        violations.push({
          ...where,
          message: `raw HTML ("${node.value.slice(0, 40)}")`,
          allowed: `Markdown, or the components ${componentList}`,
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const spec = allowedComponents.get(name);
        if (!spec && !allowedElements.has(name)) {
          const [closest] = closestIds(
            name,
            [...allowedComponents.keys()].map((component) => ({ id: component.toLowerCase() })),
            1,
          );
          const suggestion = [...allowedComponents.keys()].find((component) => component.toLowerCase() === closest);
          violations.push({
            ...where,
            message:
              name === ''
                ? 'a fragment <>…</>'
                : behaviourElements.has(name.toLowerCase())
                  ? `the element <${name}> (it can run code or load other pages)`
                  : `the element or component <${name}>`,
            allowed: suggestion
              ? `did you mean <${suggestion}>? Allowed: ${componentList}`
              : `the components ${componentList} and plain ${[...allowedElements].map((element) => `<${element}>`).join(', ')}`,
          });
          return;
        }
        for (const attribute of node.attributes) checkAttribute(name, attribute, spec, where, violations);
        const given = new Set(node.attributes.map((attribute) => ('name' in attribute ? attribute.name : '')));
        const missing = spec?.required.filter((required) => !given.has(required)) ?? [];
        if (missing.length > 0) {
          violations.push({
            ...where,
            message: `<${name}> without ${missing.map((required) => `"${required}"`).join(' and ')}`,
            allowed: `<${name} ${spec?.required.map((required) => `${required}="..."`).join(' ')}>`,
          });
        }
        return;
      }
      case 'link':
      case 'definition':
        if (!isAllowedLink(node.url)) {
          violations.push({ ...where, message: `a link to "${node.url}"`, allowed: allowedLinks });
        }
        return;
      case 'image':
        if (!isAllowedImage(node.url)) {
          violations.push({ ...where, message: `an image from "${node.url}"`, allowed: allowedImages });
        }
        return;
      case 'imageReference': {
        const url = definitions.get(node.identifier)?.url;
        if (url !== undefined && !isAllowedImage(url)) {
          violations.push({ ...where, message: `an image from "${url}"`, allowed: allowedImages });
        }
        return;
      }
      case 'code':
        if ((node.lang != null && !codeLanguages.has(node.lang)) || (node.meta != null && node.meta !== '')) {
          violations.push({
            ...where,
            message: `a code block labelled "${[node.lang, node.meta].filter(Boolean).join(' ')}"`,
            allowed: `a code block with no label (plain text) or one of the labels ${[...codeLanguages].join(', ')}, alone on the line`,
          });
        }
        return;
      default:
        return;
    }
  });
  return violations;
}

/** Options of the safe-content plugins. */
export interface SafeContentOptions {
  /** Files under this folder are contributed content and get the checks; others (pages by maintainers) do not. */
  readonly contentRoot: string;
}

/** Formats violations as one error message naming the file and each line. */
export function formatViolations(file: string, violations: readonly Violation[]): string {
  return [
    `${file}: this entry uses MDX features that contributed content may not use:`,
    ...violations.map(
      (violation) => `  line ${violation.line ?? '?'}: ${violation.message}. Allowed instead: ${violation.allowed}.`,
    ),
  ].join('\n');
}

/** The file a plugin runs on, when it is contributed content under `root`. */
function contributedFile(root: string, file: VFile): string | undefined {
  const absolute = path.resolve(file.cwd, (file.path ?? '').split('?')[0] ?? '');
  return absolute.startsWith(root) ? absolute : undefined;
}

/**
 * A remark plugin that refuses to compile a contributed entry containing anything `findUnsafeMdx`
 * reports. The content loader has already refused such an entry before anything compiles it:
 * this is the second line, on the tree the build itself parsed.
 */
export const remarkSafeContent: Plugin<[SafeContentOptions], Root> = (options) => {
  const root = path.resolve(options.contentRoot) + path.sep;
  return (tree: Root, file: VFile) => {
    const absolute = contributedFile(root, file);
    if (absolute === undefined) return;
    const violations = findUnsafeMdx(tree);
    // The MDX compiler parses the frontmatter again, with another YAML library, and imports the
    // module a `layout` key names. An entry's data comes from the content loader, so the compiled
    // module gets none of it: a `layout` that slipped past the schema is refused, the rest dropped.
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter && 'layout' in astro.frontmatter) {
      violations.push({
        line: 1,
        message: 'a "layout" key in the frontmatter, which would import a module',
        allowed: 'the fields of CONTRIBUTING.md; the site chooses the layout',
      });
    }
    if (astro) astro.frontmatter = {};
    if (violations.length > 0) file.fail(formatViolations(path.relative(file.cwd, absolute), violations));
    // The text of each code block, before any highlighter sees it, for `rehypeSafeContent`.
    const texts: string[] = [];
    visit(tree, 'code', (node) => {
      texts.push(node.value);
    });
    file.data.accordCodeTexts = texts;
  };
};

declare module 'vfile' {
  interface DataMap {
    /** The text of each code block of an entry, left by `remarkSafeContent` for `rehypeSafeContent`. */
    accordCodeTexts: string[];
  }
}

/** Prefix of every heading id in an entry's body, so none can repeat an id of the page around it. */
export const headingIdPrefix = 'entry-';

/** The text of a hast node and its descendants, without recursion. */
function textOf(node: ElementContent): string {
  let text = '';
  const stack: ElementContent[] = [node];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.type === 'text') text += item.value;
    else if (item.type === 'element') stack.push(...[...item.children].reverse());
  }
  return text;
}

/** A slug in the manner of GitHub's: lower case, letters, digits and hyphens. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/**
 * A rehype plugin for contributed entries, run after any highlighter and before Astro names
 * headings. Every code block becomes `<pre><code>` holding its original text (as
 * `remarkSafeContent` found it, before any highlighter) as one text node, which the renderer
 * escapes, whatever markup a highlighter produced; its language class is kept only when it is an
 * allowed label. Every heading gets an id with `headingIdPrefix`, so a
 * contributed `## Sources` cannot repeat the page's own `#sources`.
 */
export const rehypeSafeContent: Plugin<[SafeContentOptions], HastRoot> = (options) => {
  const root = path.resolve(options.contentRoot) + path.sep;
  return (tree: HastRoot, file: VFile) => {
    if (contributedFile(root, file) === undefined) return;
    const used = new Map<string, number>();
    const texts = file.data.accordCodeTexts;
    let block = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre' && parent && index !== undefined) {
        const original = texts?.[block++];
        const code = node.children.find((child): child is Element => child.type === 'element');
        const className = code?.properties['className'];
        const label = (Array.isArray(className) ? className : [])
          .map(String)
          .find((name) => name.startsWith('language-'))
          ?.slice('language-'.length);
        const replacement: Element = {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [
            {
              type: 'element',
              tagName: 'code',
              properties: label !== undefined && codeLanguages.has(label) ? { className: [`language-${label}`] } : {},
              children: [{ type: 'text', value: original ?? textOf(node) }],
            },
          ],
        };
        parent.children[index] = replacement;
        return 'skip';
      }
      if (/^h[1-6]$/.test(node.tagName)) {
        const slug = slugOf(textOf(node)) || 'section';
        const count = used.get(slug) ?? 0;
        used.set(slug, count + 1);
        node.properties['id'] = `${headingIdPrefix}${slug}${count > 0 ? `-${count}` : ''}`;
      }
      return undefined;
    });
  };
};

/** The Markdown the build reads: MDX with GitHub's extensions, as `@astrojs/mdx` parses it. */
const gfmParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** MDX without GitHub's extensions, five times faster (0.9 s rather than 4.8 s for 1,000 bodies). */
const plainParser = unified().use(remarkParse).use(remarkMdx);

/**
 * Text that GitHub's extensions read differently in a way the check must see: a bare `www.` or
 * `http://` address becomes a link (to http:, which is refused), and `[^` opens a footnote, whose
 * definition holds Markdown that would otherwise read as a link definition. Tables, task lists
 * and strikethrough hold the same inline Markdown either way.
 */
const gfmSensitive = /www\.|http:\/\/|\[\^/i;

/** Parses a body as the build does, with the faster parser when the result cannot differ. */
function parseBody(body: string): Root {
  return (gfmSensitive.test(body) ? gfmParser : plainParser).parse(body);
}

/** Counts of what a paragraph may hold, checked before parsing: see `nestingLimits`. */
const paragraphRules: readonly {
  readonly limit: number;
  readonly count: (line: string) => number;
  readonly message: string;
  readonly allowed: string;
}[] = [
  {
    limit: nestingLimits.paragraph,
    count: (line) => line.length + 1,
    message: `a paragraph longer than ${nestingLimits.paragraph} characters`,
    allowed: `at most ${nestingLimits.paragraph} characters in a paragraph: split it with a blank line`,
  },
  {
    limit: nestingLimits.emphasis,
    count: (line) => (line.match(/[*_~]/g) ?? []).length,
    message: `more than ${nestingLimits.emphasis} emphasis marks (*, _ or ~) in one paragraph`,
    allowed: `at most ${nestingLimits.emphasis} in a paragraph: split it, or escape the marks as \\*, \\_ and \\~`,
  },
  {
    limit: nestingLimits.brackets,
    count: (line) => (line.match(/[[\]]/g) ?? []).length,
    message: `more than ${nestingLimits.brackets} square brackets in one paragraph`,
    allowed: `at most ${nestingLimits.brackets} (${nestingLimits.brackets / 2} links) in a paragraph: split it`,
  },
  {
    limit: nestingLimits.backticks,
    count: (line) => (line.match(/`/g) ?? []).length,
    message: `more than ${nestingLimits.backticks} backticks in one paragraph`,
    allowed: `at most ${nestingLimits.backticks} in a paragraph: split it, or put long code in a code block`,
  },
  {
    limit: nestingLimits.braces,
    count: (line) => (line.match(/[{}]/g) ?? []).length,
    message: `more than ${nestingLimits.braces} braces ({ or }) in one paragraph`,
    allowed: `at most ${nestingLimits.braces}, each escaped as \\{ or \\}: entries hold no expressions`,
  },
];

/**
 * Finds text whose nesting would overflow or stall a Markdown parser before it is parsed: many
 * container markers or a deep indent on one line, and elements opened inside each other.
 */
export function scanNesting(body: string): Violation[] {
  const violations: Violation[] = [];
  let depth = 0;
  let deepestReported = false;
  const counts = paragraphRules.map(() => 0);
  const lines = body.split('\n');
  if (lines.length > nestingLimits.lines) {
    return [
      {
        line: nestingLimits.lines + 1,
        message: `a body of ${lines.length} lines`,
        allowed: `at most ${nestingLimits.lines} lines: write paragraphs as one line each, and shorten the text`,
      },
    ];
  }
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (line.trim() === '') counts.fill(0);
    else {
      // Counted in code blocks too: a line the scan took for a fence might not be one.
      for (const [index, rule] of paragraphRules.entries()) {
        const before = counts[index] ?? 0;
        const after = before + rule.count(line);
        counts[index] = after;
        if (before <= rule.limit && after > rule.limit) {
          violations.push({ line: number, message: rule.message, allowed: rule.allowed });
        }
      }
    }
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    const columns = [...indent].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
    if (columns > nestingLimits.indent) {
      violations.push({
        line: number,
        message: `a line indented by ${columns} columns`,
        allowed: `at most ${nestingLimits.indent} columns of indentation: flatten the lists`,
      });
      continue;
    }
    // A quote's `>` needs no space after it; a list marker does.
    const markers = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/.exec(line)?.[0] ?? '';
    const count = (markers.match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
    if (count > nestingLimits.markers) {
      violations.push({
        line: number,
        message: `${count} list or quote markers opening one line`,
        allowed: `at most ${nestingLimits.markers} nested lists or quotes`,
      });
      continue;
    }
    for (const tag of line.matchAll(/<(\/?)([A-Za-z][\w.:-]*)?(?:[^<>]*?)(\/?)>/g)) {
      if (tag[1] === '/') depth = Math.max(0, depth - 1);
      else if (tag[3] !== '/') depth++;
      if (depth > nestingLimits.elements && !deepestReported) {
        deepestReported = true;
        violations.push({
          line: number,
          message: `elements nested more than ${nestingLimits.elements} deep`,
          allowed: `at most ${nestingLimits.elements} elements or components inside each other`,
        });
      }
    }
  }
  return violations;
}

/**
 * Checks an entry's MDX body without compiling it, for `npm run check` and the content loader.
 * `lineOffset` is the number of lines before the body in its file, so reported lines match the
 * file. A body that is too long or too deeply nested is reported before it is parsed; one that is
 * not valid MDX at all, as one violation at the line where parsing stopped.
 */
export function checkMdxBody(body: string, lineOffset = 0): Violation[] {
  const shift = (violation: Violation): Violation =>
    violation.line === undefined ? violation : { ...violation, line: violation.line + lineOffset };
  if (body.length > maxBodyLength) {
    return [
      {
        line: 1 + lineOffset,
        message: `a body of ${body.length} characters`,
        allowed: `at most ${maxBodyLength} characters: an entry summarises its sources, it does not copy them`,
      },
    ];
  }
  const nesting = scanNesting(body);
  if (nesting.length > 0) return nesting.map(shift);
  let tree: Root;
  try {
    tree = parseBody(body);
  } catch (error) {
    if (error instanceof RangeError) {
      return [
        {
          line: 1 + lineOffset,
          message: 'text nested too deeply to read',
          allowed: 'plain paragraphs and short lists',
        },
      ];
    }
    const place = (error as { place?: { line?: number; start?: { line?: number } } }).place;
    const line = place?.line ?? place?.start?.line;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return [
      {
        ...(line !== undefined ? { line: line + lineOffset } : {}),
        message: `text that cannot be read as MDX (${reason})`,
        allowed: 'close every <Component> you open, and escape a literal < or { as \\< and \\{',
      },
    ];
  }
  const violations = findUnsafeMdx(tree).map(shift);
  if (violations.length <= maxViolations) return violations;
  // A report of thousands of lines for one file helps nobody: the first ones show what to fix.
  const last = violations[maxViolations - 1];
  return [
    ...violations.slice(0, maxViolations),
    {
      ...(last?.line !== undefined ? { line: last.line } : {}),
      message: `${violations.length - maxViolations} more problems like these after this line`,
      allowed: 'fix the ones above, then run the check again',
    },
  ];
}

/** The most violations reported for one body. */
const maxViolations = 20;

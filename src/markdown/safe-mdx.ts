import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';
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
  ['Figure', { attributes: ['src', 'alt', 'caption', 'credit'], required: ['src', 'alt'], urls: ['src'], values: {} }],
  // Cites the entry's sources by id (`source="a b"`); the content check resolves the ids.
  ['Cite', { attributes: ['source'], required: ['source'], urls: [], values: {} }],
]);

/** Plain HTML elements that carry no behaviour, allowed in entries for typography. */
const allowedElements: ReadonlySet<string> = new Set([
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

/** What an entry's links and images may point to. */
const allowedSchemes = ['https:', 'http:', 'mailto:'];

/** One thing in an entry's body that is not allowed, with where it is and what to do instead. */
export interface Violation {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly allowed: string;
}

const componentList = [...allowedComponents.keys()].map((name) => `<${name}>`).join(', ');

/**
 * True for `https:`, `http:` and `mailto:` URLs and for paths on this site (`/agreements/...`,
 * `#section`). Everything else (`javascript:`, `data:`, protocol-relative `//host`) is refused.
 */
export function isAllowedUrl(url: string): boolean {
  const trimmed = url.trim();
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"), so they are removed first.
  const normalised = trimmed.replace(/[\t\n\r]/g, '');
  if (normalised.startsWith('//')) return false;
  if (normalised.startsWith('/') || normalised.startsWith('#')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalised)?.[1];
  if (scheme === undefined) return !normalised.includes(':');
  return allowedSchemes.includes(`${scheme.toLowerCase()}:`);
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
  if (spec?.urls.includes(name) && typeof attribute.value === 'string' && !isAllowedUrl(attribute.value)) {
    violations.push({
      ...where,
      message: `a URL "${attribute.value}" in "${name}" on <${element}>`,
      allowed: 'https:, http: or mailto: URLs, or paths on this site starting with /',
    });
  }
}

/**
 * Lists everything in an MDX tree that a contributed entry may not contain: imports and exports,
 * `{expressions}`, components off the allow-list, HTML that can carry behaviour, event handlers,
 * and links or images with other schemes than https, http and mailto. Runs on the syntax tree, so
 * nothing in the entry has been executed when it reports.
 */
export function findUnsafeMdx(tree: Root): Violation[] {
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
      case 'image':
      case 'definition':
        if (!isAllowedUrl(node.url)) {
          violations.push({
            ...where,
            message: `${node.type === 'image' ? 'an image' : 'a link'} to "${node.url}"`,
            allowed: 'https:, http: or mailto: URLs, or paths on this site starting with /',
          });
        }
        return;
      default:
        return;
    }
  });
  return violations;
}

/** Options of the safe-content plugin. */
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

/**
 * A remark plugin that refuses to compile a contributed entry containing anything `findUnsafeMdx`
 * reports. It runs while the entry is compiled, before any of its code could run.
 */
export const remarkSafeContent: Plugin<[SafeContentOptions], Root> = (options) => {
  const root = path.resolve(options.contentRoot) + path.sep;
  return (tree: Root, file: VFile) => {
    const absolute = path.resolve(file.cwd, file.path ?? '');
    if (!absolute.startsWith(root)) return;
    const violations = findUnsafeMdx(tree);
    if (violations.length > 0) file.fail(formatViolations(path.relative(file.cwd, absolute), violations));
  };
};

const bodyParser = unified().use(remarkParse).use(remarkMdx);

/**
 * Checks an entry's MDX body without compiling it, for `npm run check`. `lineOffset` is the number
 * of lines before the body in its file, so reported lines match the file. A body that is not valid
 * MDX at all is reported as one violation at the line where parsing stopped.
 */
export function checkMdxBody(body: string, lineOffset = 0): Violation[] {
  let tree: Root;
  try {
    tree = bodyParser.parse(body);
  } catch (error) {
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
  return findUnsafeMdx(tree).map((violation) =>
    violation.line === undefined ? violation : { ...violation, line: violation.line + lineOffset },
  );
}

import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { codeLanguages } from './allowed.ts';
import { findUnsafeMdx, type Violation } from './unsafe-mdx.ts';

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

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../scripts/lib/synthetic/catalogue.ts';
import { numberSources, referenceNodes } from '../../src/catalogue/references.ts';
import { splitFrontmatter } from '../../src/checker/frontmatter.ts';
import { useStrings } from '../../src/i18n/index.ts';
import { allowedComponents } from '../../src/markdown/allowed.ts';
import { fillSlots } from '../../src/markdown/components.ts';
import { toHtml } from '../../src/markdown/html.ts';
import { parseBody, readBody } from '../../src/markdown/parse-body.ts';
import { bodyTree, renderBody } from '../../src/markdown/render.ts';
import type { AgreementData } from '../../src/schemas/index.ts';

/**
 * tests/fixtures/rendering/ holds a body for each form of Markdown and each component an entry may
 * use, with the HTML that `@astrojs/mdx` and Astro's JSX runtime made of it in both editions (the
 * pages of a build before bodies were rendered by the content loader): the renderer must write the
 * same bytes.
 */
const folder = 'tests/fixtures/rendering';
const contentRoot = path.resolve(folder);
const sources = [
  { id: 'fixture-release', title: 'Fixture release' },
  { id: 'second-release', title: 'A "second" release & more' },
] as unknown as AgreementData['sources'];

const bodies = (await readdir(folder)).filter((name) => name.endsWith('.mdx')).sort();

/** A body as the loader stores it, and as each edition's page shows it. */
function render(name: string, body: string) {
  const { violations, tree } = readBody(body);
  expect(violations, name).toEqual([]);
  const stored = renderBody(tree!, { filePath: path.join(contentRoot, name), contentRoot });
  const numbered = numberSources(sources);
  const edition = (locale: 'en' | 'ja'): string => {
    const { t } = useStrings(locale);
    return fillSlots(stored, {
      cite: (ids) => referenceNodes(ids, numbered, t),
      calloutLabel: (kind) => t.content.callout[kind],
    });
  };
  return { stored, en: edition('en'), ja: edition('ja') };
}

describe('a rendered body', () => {
  it.each(bodies)('%s is written as the MDX pipeline wrote it, in both editions', async (name) => {
    const body = await readFile(path.join(folder, name), 'utf8');
    const editions = render(name, body);
    const stem = name.replace(/\.mdx$/, '');
    expect(editions.en).toBe(await readFile(path.join(folder, `${stem}.en.html`), 'utf8'));
    expect(editions.ja).toBe(await readFile(path.join(folder, `${stem}.ja.html`), 'utf8'));
  });

  it('covers every allowed component', async () => {
    const texts = await Promise.all(bodies.map((name) => readFile(path.join(folder, name), 'utf8')));
    for (const component of allowedComponents.keys()) expect(texts.join('\n')).toContain(`<${component}`);
  });

  // In a quoted attribute only `"` and `&` can end or change the value, as Astro writes it.
  it('escapes what a contributor writes, and never lets markup through', () => {
    const { en } = render(
      'x.mdx',
      'A <b title="&quot;><script>">tag</b> & `</code><script>` <Cite source="fixture-release" />\n',
    );
    expect(en).toBe(
      '<p>A <b title="&quot;><script>">tag</b> &amp; <code>&lt;/code&gt;&lt;script&gt;</code> <sup class="refs" data-pagefind-ignore>[<a href="#source-fixture-release" aria-label="Source 1: Fixture release">1</a>]</sup></p>',
    );
  });

  it('stores one HTML for every edition, and no entry can write what the editions fill in', () => {
    const marker = '<accord-callout-end kind="note"></accord-callout-end>';
    const { stored, en } = render(
      'x.mdx',
      `<abbr title='${marker}'>x</abbr> and ${marker.replaceAll('<', '\\<')} <Cite source="fixture-release" />\n`,
    );
    expect(stored).toContain('<accord-cite source="fixture-release"></accord-cite>');
    expect(en).not.toContain('</aside>');
    expect(en).toContain('title="<accord-callout-end kind=&quot;note&quot;></accord-callout-end>"');
    expect(en).toContain('and &lt;accord-callout-end kind=&quot;note&quot;&gt;&lt;/accord-callout-end&gt; <sup');
  });

  it('refuses to render a tree that holds what a contributed entry may not use', () => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse('<script>alert(1)</script>\n');
    expect(() => bodyTree(tree, { filePath: path.join(contentRoot, 'x.mdx'), contentRoot })).toThrow(
      /the element <script>/,
    );
  });

  it('writes no node but elements and text', () => {
    expect(() => toHtml([{ type: 'raw', value: '<script>' } as never])).toThrow('writes no raw node');
  });
});

describe('parsing a body', () => {
  const gfmParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
  const sameAsGfm = (body: string): void => {
    expect(parseBody(body) as Root).toEqual(gfmParser.parse(body));
  };

  it('gives the tree of the parser with GitHub’s extensions for every rendering fixture', async () => {
    for (const name of bodies) sameAsGfm(await readFile(path.join(folder, name), 'utf8'));
  });

  it('gives the tree of the parser with GitHub’s extensions for the benchmark’s bodies', () => {
    const files = generateCatalogue({ entries: 60, seed: 7, topics: [{ id: 'trade', text: 'name: Trade\n' }] });
    for (const [file, text] of files) if (file.endsWith('.mdx')) sameAsGfm(splitFrontmatter(text)!.body);
  });

  it('gives the tree of the parser with GitHub’s extensions where the marks are in text or not', () => {
    for (const body of [
      'A table:\n\n| a | b |\n| - | - |\n| c | d |\n',
      '<Quote source="https://example.org/a|b~c@d">www.example.org</Quote>\n',
      '<Quote source="https://example.org/">Quoted.</Quote>\n\nNo marks in the text.\n',
      '`a | b` and ~~struck~~ and [^1].\n\n[^1]: Note.\n',
      '- [ ] task\n- [x] done\n\n[x]: https://example.org/\n',
      'mail someone@example.org, or see http://example.org and WWW.EXAMPLE.ORG.\n',
      '```\n| not | a table |\n```\n',
    ])
      sameAsGfm(body);
  });
});

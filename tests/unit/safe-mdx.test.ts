import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/checker/read-content.ts';
import { formatProblem } from '../../src/checker/problems.ts';
import { checkMdxBody } from '../../src/markdown/parse-body.ts';
import { remarkSafeContent } from '../../src/markdown/safe-mdx.ts';
import { isAllowedImage, isAllowedLink } from '../../src/markdown/urls.ts';
import { fixtureContent } from '../support/fixtures.ts';

/** Each unsafe fixture, by file name, and the words its error must contain. */
const unsafeFixtures: Record<string, string> = {
  'attribute-expression-2021.mdx': 'an expression as the value of "cite" on <Quote>',
  'callout-unknown-kind-2021.mdx': 'the value "danger" of "kind" on <Callout>',
  'data-image-2021.mdx': 'an image from "data:image/svg+xml',
  'embed-element-2021.mdx': 'the element <embed>',
  'event-handler-2021.mdx': 'an event-handler attribute "onclick" on <b>',
  'export-statement-2021.mdx': 'an import or export ("export const written',
  'figure-data-src-2021.mdx': 'an image address "data:image/png;base64,AAAA" in "src" on <Figure>',
  'flow-expression-2021.mdx': 'a {…} expression ("{process.env.HOME}")',
  'form-element-2021.mdx': 'the element <form>',
  'iframe-element-2021.mdx': 'the element <iframe>',
  'image-onerror-2021.mdx': 'the element or component <img>',
  'import-statement-2021.mdx': `an import or export ("import fs from 'node:fs'")`,
  'javascript-link-2021.mdx': 'a link to "javascript:alert(1)"',
  'layout-key-2021.mdx': 'layout: unknown key "layout"',
  'misspelt-component-2021.mdx': 'did you mean <Quote>?',
  'object-element-2021.mdx': 'the element <object>',
  'obfuscated-javascript-link-2021.mdx': 'a link to "JaVa\tScRiPt:alert(1)"',
  'protocol-relative-link-2021.mdx': 'a link to "//evil.example/"',
  'script-element-2021.mdx': 'the element <script>',
  'spread-attribute-2021.mdx': 'a spread or expression attribute on <Callout> ("{...globalThis}")',
  'style-element-2021.mdx': 'the element <style>',
  'text-expression-2021.mdx': 'a {…} expression ("{new Date().getFullYear()}")',
  'unclosed-component-2021.mdx': 'text that cannot be read as MDX (Expected a closing tag for `<Quote>`',
  'unknown-component-2021.mdx': 'the element or component <Chart>',
};

describe('the content check on unsafe MDX', () => {
  let unsafe: string;

  beforeAll(async () => {
    unsafe = await fixtureContent('unsafe');
  });

  afterAll(async () => {
    await rm(unsafe, { recursive: true, force: true });
  });

  it('rejects every unsafe fixture with its file, line and what is allowed instead', async () => {
    const { problems } = await readContent(unsafe);
    const errors = problems.filter((problem) => problem.severity === 'error');
    for (const [file, words] of Object.entries(unsafeFixtures)) {
      const matching = errors.filter((problem) => path.basename(problem.file) === file);
      expect(matching, file).toHaveLength(1);
      const [problem] = matching;
      expect(formatProblem(problem!), file).toContain(words);
      expect(problem!.line, file).toBeGreaterThan(1);
      if (problem!.field === 'body') expect(problem!.hint, file).toMatch(/^Allowed instead: /);
    }
    expect(errors).toHaveLength(Object.keys(unsafeFixtures).length);
  });

  it('reports the line of the offending text in the file, not in the body', async () => {
    const text = await readFile('tests/fixtures/unsafe/agreements/import-statement-2021.mdx', 'utf8');
    const expectedLine = text.split('\n').findIndex((line) => line.startsWith('import ')) + 1;
    const { problems } = await readContent(unsafe);
    const problem = problems.find((candidate) => candidate.file.endsWith('import-statement-2021.mdx'));
    expect(problem?.line).toBe(expectedLine);
  });
});

describe('checking an MDX body', () => {
  it('accepts prose, Markdown, the allowed components and plain typography', () => {
    const body = [
      '# Heading',
      '',
      'Some **bold**, _emphasis_, a [link](https://example.org/) and a [page](/agreements/).',
      '',
      '<Quote cite="A minister" source="https://example.org/speech">Words.</Quote>',
      '',
      '<Callout kind="caution" title="Sources differ">Text with <abbr title="Memorandum">MoC</abbr>.</Callout>',
      '',
      '<Figure src="/images/x.png" alt="A chart" caption="A caption" credit="Example" />',
      '',
      '![A chart](https://example.org/chart.png) and ![a map](/images/map.png)',
      '',
      'Braces escaped: \\{ and \\}. Mail [us](mailto:team@example.org).',
    ].join('\n');
    expect(checkMdxBody(body)).toEqual([]);
  });

  it('asks for the attributes a component cannot do without', () => {
    expect(checkMdxBody('<Figure src="https://example.org/x.png" />')).toEqual([
      expect.objectContaining({ message: '<Figure> without "alt"' }),
    ]);
  });

  it('reports every problem in a body, not only the first', () => {
    expect(checkMdxBody('{a}\n\n{b}\n\n<script>x</script>')).toHaveLength(3);
  });
});

describe('which URLs an entry may link to', () => {
  it.each(['https://example.org/', 'mailto:a@example.org', '/agreements/', '#facts', '../other-entry-2022/', 'x/y'])(
    'allows %s',
    (url) => expect(isAllowedLink(url)).toBe(true),
  );
  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example/',
    '/%5Cevil.example/',
    'https:evil.example',
    'file:///etc/passwd',
    'mailto://evil.example/',
    '',
  ])('refuses %j', (url) => expect(isAllowedLink(url)).toBe(false));
});

describe('which addresses an entry may show as an image', () => {
  it.each(['https://example.org/x.png', 'https://example.org/x.png?w=200', '/images/signing.jpg'])('allows %s', (url) =>
    expect(isAllowedImage(url)).toBe(true),
  );
  it.each([
    './.hidden.mjs',
    '../agencies/a.yaml',
    'payload.mjs',
    '/images/x.png?raw',
    '/proc/self/environ?url',
    '/x.png#y',
    'http://example.org/x.png',
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    'data:image/png;base64,AAAA',
    'mailto:a@example.org',
  ])('refuses %j', (url) => expect(isAllowedImage(url)).toBe(false));
});

describe('code blocks in an entry', () => {
  it('accepts a block without a label and one with an allowed label', () => {
    expect(checkMdxBody('```\n<b>x</b>\n```\n\n```json\n{"a": 1}\n```')).toEqual([]);
  });
  it.each(['zz', 'x"onmouseover="alert(4)"', 'json title="x"', 'JSON'])('refuses the label %j', (label) => {
    expect(
      checkMdxBody(`\`\`\`${label}\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\`\`\``),
    ).toEqual([expect.objectContaining({ message: expect.stringContaining('a code block labelled') })]);
  });
});

describe('nesting in an entry', () => {
  it('refuses a deeply nested list before parsing it', () => {
    const list = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n');
    expect(checkMdxBody(list)[0]?.message).toMatch(/indented by \d+ columns/);
  });
  it('refuses ten thousand list markers on one line', () => {
    expect(checkMdxBody('- '.repeat(10_000)).map((violation) => violation.message)).toContain(
      '10000 list or quote markers opening one line',
    );
    expect(checkMdxBody('- '.repeat(1_000))[0]?.message).toBe('1000 list or quote markers opening one line');
  });
  it('refuses thousands of nested elements', () => {
    expect(checkMdxBody('<b>'.repeat(5000) + 'x').map((violation) => violation.message)).toContain(
      'elements nested more than 12 deep',
    );
  });
  it('refuses a body longer than the limit', () => {
    expect(checkMdxBody('x'.repeat(40_000))[0]?.message).toBe('a body of 40000 characters');
  });
});

describe('the safe-content remark plugin', () => {
  const compile = (filePath: string, value: string): VFile => {
    const file = new VFile({ path: filePath, value, cwd: process.cwd() });
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkSafeContent, { contentRoot: 'tests/fixtures/unsafe' });
    processor.runSync(processor.parse(file), file);
    return file;
  };

  it('fails a contributed entry before it is compiled, naming the file and line', () => {
    expect(() => compile('tests/fixtures/unsafe/agreements/x-2021.mdx', 'Text\n\nimport fs from "node:fs"')).toThrow(
      /tests\/fixtures\/unsafe\/agreements\/x-2021\.mdx: .*\n {2}line 3: an import or export/,
    );
  });

  it('leaves MDX written by maintainers outside the content folder alone', () => {
    expect(() => compile('src/pages/about.mdx', 'import X from "./x.astro"\n\n{1 + 1}')).not.toThrow();
  });
});

describe('the frontmatter the MDX compiler reads', () => {
  const compileWith = (frontmatter: Record<string, unknown>) => {
    const file = new VFile({
      path: 'tests/fixtures/unsafe/agreements/x-2021.mdx',
      value: 'Text',
      cwd: process.cwd(),
      data: { astro: { frontmatter } },
    });
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkSafeContent, { contentRoot: 'tests/fixtures/unsafe' });
    processor.runSync(processor.parse(file), file);
    return file;
  };

  it('refuses a layout key, which would import a module', () => {
    expect(() => compileWith({ layout: '../../payload.mjs' })).toThrow(/a "layout" key in the frontmatter/);
  });

  it('reaches the compiled module empty: entry data comes from the content loader', () => {
    expect((compileWith({ title: 'x' }).data as { astro?: unknown }).astro).toEqual({ frontmatter: {} });
  });
});

describe('GitHub Markdown in an entry, read as the build reads it', () => {
  it.each([
    [
      'a bare www. address, which becomes an http: link',
      'See www.example.org for more.',
      'a link to "http://www.example.org"',
    ],
    ['a bare http: address', 'See http://example.org for more.', 'a link to "http://example.org"'],
    ['an image in a footnote', 'A fact.[^1]\n\n[^1]: ![x](./payload.mjs)', 'an image from "./payload.mjs"'],
    ['an image in a table', '| a |\n| - |\n| ![x](./payload.mjs) |', 'an image from "./payload.mjs"'],
  ])('refuses %s', (_, body, message) => {
    expect(checkMdxBody(body).map((violation) => violation.message)).toContain(message);
  });
});

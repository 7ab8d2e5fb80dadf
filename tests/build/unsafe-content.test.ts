import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';

/**
 * Builds the real site from a catalogue with one hostile entry and checks that the build refuses
 * it before any of its code runs. The entry's code would write a file holding an environment
 * variable's value; the file must not exist afterwards.
 */
let work: string;
const canaryValue = 'canary-secret-value';

const hostileEntry = (canaryDir: string): string => {
  const write = (name: string) =>
    `globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(path.join(canaryDir, name))}, String(globalThis.process.env.ACCORD_CANARY))`;
  return `---
title: Hostile fixture memorandum
kind: memorandum-of-cooperation
binding: false
parties:
  - country: FR
    agencies: [alpha-digital-office]
  - country: DE
    agencies: [beta-data-lab]
signed: 2022-03
status: in-effect
topics: [digital-identity]
summary: An entry whose body tries to run code during the build.
sources:
  - id: hostile
    url: https://example.org/hostile
    title: Hostile source
    publisher: Example Publisher
    language: en
verified: 2026-11-01
---

export const written = ${write('export-ran')}

Prose that looks harmless, then {${write('expression-ran')}}.
`;
};

const build = (content: string, outDir: string) =>
  buildSite({ content, outDir, cacheDir: path.join(work, 'cache') }, { ACCORD_CANARY: canaryValue });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-unsafe-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('building a catalogue with a hostile entry', () => {
  it('would run the entry code if it were compiled without the safe-content check', async () => {
    // The control: the same entry through plain MDX writes both canary files, so the build test
    // below would see them if the check let the entry through.
    const canaries = path.join(work, 'control');
    await cp('tests/fixtures/catalogue', canaries, { recursive: true });
    const source = hostileEntry(canaries).split(/^---$/m)[2] ?? '';
    const runtime = { Fragment: Symbol('Fragment'), jsx: () => null, jsxs: () => null };
    process.env['ACCORD_CANARY'] = canaryValue;
    const module = await evaluate(source, runtime);
    module.default({});
    expect(existsSync(path.join(canaries, 'export-ran'))).toBe(true);
    expect(existsSync(path.join(canaries, 'expression-ran'))).toBe(true);
  });

  it('fails, names the file and line, and runs none of the entry code', async () => {
    const content = path.join(work, 'content');
    const outDir = path.join(work, 'dist');
    await cp('tests/fixtures/catalogue', content, { recursive: true });
    await writeFile(path.join(content, 'agreements', 'hostile-fixture-2022.mdx'), hostileEntry(work));

    const { status, output } = build(content, outDir);

    expect(status, output).not.toBe(0);
    expect(output).toContain('hostile-fixture-2022.mdx');
    expect(output).toMatch(/hostile-fixture-2022\.mdx:\d+ body: found an import or export \("export const written/);
    expect(output).toMatch(/hostile-fixture-2022\.mdx:\d+ body: found a \{…\} expression/);
    expect(existsSync(path.join(work, 'export-ran'))).toBe(false);
    expect(existsSync(path.join(work, 'expression-ran'))).toBe(false);
    expect(existsSync(path.join(outDir, 'agreements', 'hostile-fixture-2022', 'index.html'))).toBe(false);
  });

  it('fails on a layout key in the frontmatter', async () => {
    const content = path.join(work, 'content-layout');
    await cp('tests/fixtures/catalogue', content, { recursive: true });
    await cp(
      'tests/fixtures/unsafe/agreements/layout-key-2021.mdx',
      path.join(content, 'agreements', 'layout-key-2021.mdx'),
    );

    const { status, output } = build(content, path.join(work, 'dist-layout'));

    expect(status, output).not.toBe(0);
    expect(output).toContain('layout-key-2021');
    expect(output).toMatch(/layout/);
  });

  it('builds the same catalogue without the hostile entry', async () => {
    const content = path.join(work, 'content-clean');
    const outDir = path.join(work, 'dist-clean');
    await cp('tests/fixtures/catalogue', content, { recursive: true });

    const result = build(content, outDir);

    expect(result.status, result.output).toBe(0);
    expect(await readdir(path.join(outDir, 'agreements'))).toContain('alpha-beta-identity-moc-2021');
  });
});

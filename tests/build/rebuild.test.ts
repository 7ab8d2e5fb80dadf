import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type ProcessResult } from '../support/build.ts';

/**
 * A rebuild into the folder of an earlier build, with the earlier build's cache: the folder is
 * kept, unchanged pages are restored from the cache, and what the rebuild did not write (the
 * pages of an entry that is gone) is swept away (src/integrations/stale-output.ts).
 */
let work: string;
let content: string;
let outDir: string;
let first: ProcessResult;
let second: ProcessResult;
const removed = 'digital-trust-charter-2023';

const build = (into: string, cache: string): ProcessResult =>
  buildSite(
    { content, outDir: into, cacheDir: path.join(work, cache) },
    { SOURCE_DATE_EPOCH: '1795000000', ACCORD_CHECK_CACHE_DIR: path.join(work, `check-${cache}`) },
  );

/** Every file under a folder, by its path there. */
async function filesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

let before: string[];
let cold: string;
let third: ProcessResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-rebuild-'));
  content = path.join(work, 'content');
  outDir = path.join(work, 'dist');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  await cp('tests/fixtures/site', content, { recursive: true });
  first = build(outDir, 'cache');
  before = await filesOf(outDir);
  await rm(path.join(content, 'agreements', `${removed}.mdx`));
  second = build(outDir, 'cache');
  // The same catalogue built from nothing, for comparison.
  cold = path.join(work, 'cold');
  third = build(cold, 'cold-cache');
}, 400_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a rebuild after an agreement is removed', () => {
  it('builds both times, and the second keeps unchanged pages', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(third.status, third.output).toBe(0);
    expect(second.output).toContain('(cached)');
    expect(second.output).toMatch(/Removed \d+ files of an earlier build/);
  });

  it('leaves none of its pages or files, in either edition', async () => {
    expect(before).toContain(`agreements/${removed}/index.html`);
    const after = await filesOf(outDir);
    expect(after.filter((file) => file.includes(removed))).toEqual([]);
    const sitemap = await readFile(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain(removed);
    for (const file of after.filter((name) => /\.(html|json|xml|csv)$/.test(name))) {
      expect(await readFile(path.join(outDir, file), 'utf8'), file).not.toContain(removed);
    }
  });

  it('is, file for file and byte for byte, the site a build from nothing makes', async () => {
    const rebuilt = await filesOf(outDir);
    expect(rebuilt.sort()).toEqual((await filesOf(cold)).sort());
    const differing: string[] = [];
    for (const file of rebuilt) {
      const [a, b] = await Promise.all([readFile(path.join(outDir, file)), readFile(path.join(cold, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitemapPaths } from '../support/built-documents.ts';

/**
 * Builds the fixture catalogue, whose renewal entry was renamed (it lists a former id), and checks
 * that the old address still leads to it and stays out of the sitemap and the search index.
 */
let work: string;
let outDir: string;
let build: ReturnType<typeof spawnSync>;
const oldPath = '/agreements/alpha-beta-identity-extension-2024/';
const newPath = '/agreements/alpha-beta-identity-renewal-2024/';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-former-ids-'));
  outDir = path.join(work, 'dist');
  const content = path.join(work, 'content');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ACCORD_CONTENT_DIR: content,
      ACCORD_OUT_DIR: outDir,
      ACCORD_CACHE_DIR: path.join(work, 'cache'),
    },
  });
  // A whole build: as long as the build tests' own timeout.
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = async (url: string) => parse(await readFile(path.join(outDir, url, 'index.html'), 'utf8'));

describe('a renamed agreement', () => {
  it('builds', () => {
    expect(build.status, `${String(build.stdout)}\n${String(build.stderr)}`).toBe(0);
  });

  it('leaves a page at its old address that forwards to the new one at once', async () => {
    const moved = await page(oldPath);
    expect(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${newPath}`);
    expect(moved.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://accord-atlas.github.io${newPath}`,
    );
    expect(moved.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(moved.querySelector(`main a[href="${newPath}"]`)?.text).toBe('Fixture renewal of the identity memorandum');
    expect(moved.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(moved.querySelector('[data-pagefind-body]')).toBeNull();
  });

  it('keeps its new page, and lists only the new page in the sitemap', async () => {
    expect((await page(newPath)).querySelector('h1')?.text).toBe('Fixture renewal of the identity memorandum');
    const sitemap = await sitemapPaths(outDir);
    expect(sitemap).toContain(newPath);
    expect(sitemap).not.toContain(oldPath);
    expect(sitemap).not.toContain('/404/');
  });

  it('records its former ids in the open data', async () => {
    const record = JSON.parse(
      await readFile(path.join(outDir, 'data/agreements/alpha-beta-identity-renewal-2024.json'), 'utf8'),
    ) as { formerIds: string[] };
    expect(record.formerIds).toEqual(['alpha-beta-identity-extension-2024']);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from '../support/built-documents.ts';
import { fixtureSite } from '../support/fixture-site.ts';

/**
 * The fixture site's renewal entry was renamed (it lists a former id): the old address must still
 * lead to it and stay out of the sitemap and the search index.
 */
const oldPath = '/agreements/alpha-beta-identity-extension-2024/';
const newPath = '/agreements/alpha-beta-identity-renewal-2024/';

const page = async (url: string) => parse(await readFile(path.join(fixtureSite(), url, 'index.html'), 'utf8'));

describe('a renamed agreement', () => {
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
    const sitemap = await sitemapPaths(fixtureSite());
    expect(sitemap).toContain(newPath);
    expect(sitemap).not.toContain(oldPath);
    expect(sitemap).not.toContain('/404/');
  });

  it('records its former ids in the open data', async () => {
    const record = JSON.parse(
      await readFile(path.join(fixtureSite(), 'data/agreements/alpha-beta-identity-renewal-2024.json'), 'utf8'),
    ) as { formerIds: string[] };
    expect(record.formerIds).toEqual(['alpha-beta-identity-extension-2024']);
  });
});

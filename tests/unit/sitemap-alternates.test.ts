import { describe, expect, it } from 'vitest';
import { sitemapAlternates } from '../../src/integrations/sitemap-alternates.ts';

const root = 'https://example.org/';
const pages = ['', 'ja/', 'people/', 'ja/people/', 'people/page/2/', 'ja/people/page/2/', 'agencies/page/3/', 'about/'];

/** The hreflang links the sitemap gives each page, as `lang url` lines. */
function linksOf(): Map<string, string[]> {
  const { filter, serialize } = sitemapAlternates(root, new Set());
  const urls = pages.map((page) => `${root}${page}`).filter(filter);
  return new Map(
    urls.map((url) => [
      url.slice(root.length),
      (serialize({ url }).links ?? []).map((link) => `${link.lang} ${link.url}`),
    ]),
  );
}

describe('the sitemap’s hreflang alternates', () => {
  it('pair each page with its other editions, and x-default with the English one', () => {
    const links = linksOf();
    const pair = (path: string) => [`ja ${root}ja/${path}`, `en ${root}${path}`, `x-default ${root}${path}`];
    expect(links.get('people/')).toEqual(pair('people/'));
    expect(links.get('ja/people/')).toEqual(pair('people/'));
    expect(links.get('')).toEqual([`en ${root}`, `ja ${root}ja/`, `x-default ${root}`]);
    // Only in English: no other edition to name.
    expect(links.get('about/')).toEqual([]);
  });

  it('name no translation for the pages after the first of the agencies and people indexes', () => {
    const links = linksOf();
    expect(links.get('people/page/2/')).toEqual([]);
    expect(links.get('ja/people/page/2/')).toEqual([]);
    expect(links.get('agencies/page/3/')).toEqual([]);
  });
});

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, type BuiltPage } from '../../scripts/lib/built-site.ts';
import { indexPageSize } from '../../src/catalogue/indexes.ts';
import { buildSite, type ProcessResult } from '../support/build.ts';
import { sitemapAlternates } from '../support/built-documents.ts';

/**
 * The fixture catalogue (two people) with enough people more for a second page of the people
 * index, named so that the editions order them oppositely: English by "Person 000" to "Person
 * 198", Japanese by readings that run the other way. Page 2 then lists a different person in each
 * edition, as the pages after the first of the agencies and people indexes do on a large catalogue.
 */
const added = indexPageSize - 1;
const kana = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ';
let work: string;
let outDir: string;
let build: ProcessResult;
let pages: ReadonlyMap<string, BuiltPage>;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-paged-indexes-'));
  const content = path.join(work, 'content');
  outDir = path.join(work, 'dist');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  for (let n = 0; n < added; n++) {
    const rank = added - 1 - n;
    const reading = `${kana[Math.floor(rank / kana.length)] ?? ''}${kana[rank % kana.length] ?? ''}た`;
    const source = 'https://example.org/people';
    await writeFile(
      path.join(content, 'people', `person-${String(n).padStart(3, '0')}.yaml`),
      [
        `name: Person ${String(n).padStart(3, '0')}`,
        'nameJa:',
        `  text: ${reading}`,
        `  reading: ${reading}`,
        '  source:',
        `    url: ${source}`,
        '    title: 人名',
        '    publisher: Example Publisher',
        'country: FR',
        'sources:',
        `  - url: ${source}`,
        '    title: People',
        '    publisher: Example Publisher',
        '',
      ].join('\n'),
    );
  }
  build = buildSite({ content, outDir, cacheDir: path.join(work, 'cache') });
  if (build.status === 0) pages = new Map((await builtPages(outDir)).map((page) => [page.url, page]));
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const page = (url: string) => {
  const found = pages.get(url);
  if (!found) throw new Error(`no page at ${url}`);
  return found.document;
};
const listed = (url: string) =>
  page(url)
    .querySelectorAll('main ul.columns a')
    .map((link) => link.getAttribute('href'));
const hreflang = (url: string) =>
  page(url)
    .querySelectorAll('link[rel="alternate"][hreflang]')
    .map((link) => `${link.getAttribute('hreflang')} ${new URL(link.getAttribute('href') ?? '').pathname}`);
const switcher = (url: string) => page(url).querySelector('a[data-language-switch]')?.getAttribute('href');

describe('the pages of an index that each edition orders by its own names', () => {
  it('builds, with a second page in each edition that lists a different person', () => {
    expect(build.status, build.output).toBe(0);
    expect(listed('/people/page/2/')).toEqual(['/people/person-198/']);
    expect(listed('/ja/people/page/2/')).toEqual(['/ja/people/person-000/']);
  });

  it('name no translation after the first page, in the head or in the sitemap', async () => {
    for (const url of ['/people/page/2/', '/ja/people/page/2/']) {
      expect(hreflang(url), url).toEqual([]);
      expect(page(url).querySelectorAll('meta[property="og:locale:alternate"]'), url).toHaveLength(0);
    }
    const sitemap = await sitemapAlternates(outDir);
    expect(sitemap.get('/people/page/2/')).toEqual([]);
    expect(sitemap.get('/ja/people/page/2/')).toEqual([]);
  });

  it('switch edition to the index itself from a page after the first', () => {
    expect(switcher('/people/page/2/')).toBe('/ja/people/');
    expect(switcher('/ja/people/page/2/')).toBe('/people/');
  });

  it('keep the first page, the index as a whole, paired with its translation', async () => {
    const pair = ['en /people/', 'ja /ja/people/', 'x-default /people/'];
    expect(hreflang('/people/')).toEqual(pair);
    expect(hreflang('/ja/people/')).toEqual(pair);
    expect(switcher('/people/')).toBe('/ja/people/');
    expect((await sitemapAlternates(outDir)).get('/people/')?.sort()).toEqual([...pair].sort());
  });
});

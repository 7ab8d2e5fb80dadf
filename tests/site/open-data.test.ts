import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Agreement, type Catalogue } from '../../src/catalogue/derive.ts';
import { readContent } from '../../src/catalogue/read-files.ts';
import { agreementCsvRow } from '../../src/open-data/csv.ts';
import { feedItemLimit } from '../../src/open-data/feed-items.ts';
import type { CatalogueFile } from '../../src/open-data/schema.ts';
import { feedPaths, isNoindex, redirectTarget, sitemapPaths } from '../support/built-documents.ts';
import { builtPages, distDir, type BuiltPage } from '../support/site.ts';

let pages: Map<string, BuiltPage>;
let catalogue: Catalogue;
let file: CatalogueFile;

const readDist = (name: string) => readFile(path.join(distDir, name), 'utf8');
const agreementPaths = (agreements: readonly Agreement[]) =>
  agreements.map((agreement) => `/agreements/${agreement.id}/`).sort();

beforeAll(async () => {
  pages = new Map((await builtPages()).map((page) => [page.url, page]));
  const { input, problems } = await readContent(process.env['ACCORD_CONTENT_DIR'] ?? 'content');
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  catalogue = deriveCatalogue(input, '2026-11-22');
  file = JSON.parse(await readDist('data/catalogue.json')) as CatalogueFile;
});

describe('the feeds', () => {
  // Feeds carry the latest `feedItemLimit` agreements; the real catalogue is still smaller.
  const expectedIn = (paths: readonly string[], agreements: readonly Agreement[], label: string) => {
    const all = agreementPaths(agreements);
    if (all.length <= feedItemLimit) expect([...paths].sort(), label).toEqual(all);
    else {
      expect(new Set(paths).size, label).toBe(feedItemLimit);
      expect(paths.length, label).toBe(feedItemLimit);
      for (const path of paths) expect(all, label).toContain(path);
    }
  };

  it('list every agreement exactly once in the catalogue feed', async () => {
    expectedIn(await feedPaths(distDir, 'feed.xml'), catalogue.agreements, 'feed.xml');
  });

  it('list exactly the agreements of each country, agency and topic in its own feed', async () => {
    const feeds = [
      ...catalogue.countries.map((item) => [`countries/${item.code.toLowerCase()}`, item.agreements] as const),
      ...catalogue.agencies.map((item) => [`agencies/${item.id}`, item.agreements] as const),
      ...catalogue.topics.map((item) => [`topics/${item.id}`, item.agreements] as const),
    ];
    for (const [folder, agreements] of feeds) {
      expectedIn(await feedPaths(distDir, `${folder}/feed.xml`), agreements, folder);
    }
  });

  it('are advertised in the head and linked visibly from their pages', () => {
    const owners = [
      ...catalogue.countries.map((item) => `/countries/${item.code.toLowerCase()}/`),
      ...catalogue.agencies.map((item) => `/agencies/${item.id}/`),
      ...catalogue.topics.map((item) => `/topics/${item.id}/`),
    ];
    for (const url of owners) {
      const document = pages.get(url)?.document;
      const feed = `${url}feed.xml`;
      expect(
        document?.querySelector(`link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`),
        url,
      ).toBeTruthy();
      expect(document?.querySelector(`main a[href="${feed}"]`), url).toBeTruthy();
    }
  });
});

describe('the open data', () => {
  it('validates catalogue.json against catalogue.schema.json, with one record per agreement', async () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readDist('data/catalogue.schema.json')) as object);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.agreements.map((record) => record.id).sort()).toEqual(catalogue.agreements.map((a) => a.id).sort());
    expect(file.agencies).toHaveLength(catalogue.agencies.length);
    expect(file.topics).toHaveLength(catalogue.topics.length);
    expect(file.people).toHaveLength(catalogue.people.length);
    expect(file.licence.data.name).toBe('CC BY 4.0');
  });

  it('writes agreements.csv row for row as catalogue.json', async () => {
    const [header, ...rows] = parseCsv(await readDist('data/agreements.csv')) as string[][];
    expect(header?.[0]).toBe('Id');
    expect(rows).toEqual(file.agreements.map(agreementCsvRow));
  });

  it('writes each agreement to its own JSON file, equal to its record in catalogue.json', async () => {
    for (const record of file.agreements) {
      const name = `data/agreements/${record.id}.json`;
      expect(existsSync(path.join(distDir, name)), name).toBe(true);
      expect(JSON.parse(await readDist(name))).toEqual(record);
    }
  });

  it('explains every CSV column on the data page', async () => {
    const [header] = parseCsv(await readDist('data/agreements.csv'), { to_line: 1 }) as string[][];
    const rows = new Set(
      pages
        .get('/data/')
        ?.document.querySelectorAll('table.dictionary th[scope="row"]')
        .map((cell) => cell.text.trim()),
    );
    for (const column of header ?? []) expect(rows.has(column), column).toBe(true);
  });
});

describe('metadata for sharing and indexing', () => {
  it('gives every page a canonical URL, Open Graph and Twitter card tags', () => {
    for (const page of pages.values()) {
      const canonical = page.document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, page.url).toMatch(/^https?:\/\//);
      if (redirectTarget(page)) continue;
      expect(new URL(canonical ?? '').pathname, page.url).toBe(page.url.replace(/404\.html$/, '404/'));
      for (const property of ['og:type', 'og:url', 'og:title', 'og:description', 'og:site_name']) {
        const content = page.document.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
        expect(content, `${page.url} ${property}`).toBeTruthy();
      }
      expect(page.document.querySelector('meta[name="twitter:card"]'), page.url).toBeTruthy();
    }
  });

  it('emits JSON-LD that parses, with the type each kind of page should have', () => {
    const typeOf = (url: string) => {
      const block = pages.get(url)?.document.querySelector('script[type="application/ld+json"]');
      return (JSON.parse(block?.text ?? 'null') as { '@type'?: string } | null)?.['@type'];
    };
    expect(typeOf('/')).toBe('WebSite');
    expect(typeOf('/agreements/')).toBe('CollectionPage');
    expect(typeOf('/data/')).toBe('Dataset');
    for (const agreement of catalogue.agreements) expect(typeOf(`/agreements/${agreement.id}/`)).toBe('WebPage');
    for (const country of catalogue.countries) {
      expect(typeOf(`/countries/${country.code.toLowerCase()}/`)).toBe('CollectionPage');
    }
  });

  it('lists every indexable page in the sitemap, and no redirect or not-found page', async () => {
    const indexable = [...pages.values()]
      .filter((page) => !redirectTarget(page) && !isNoindex(page) && !/^\/404(\.html|\/)$/.test(page.url))
      .map((page) => page.url)
      .sort();
    expect((await sitemapPaths(distDir)).sort()).toEqual(indexable);
  });

  it('points every redirect page at an existing page, as its canonical URL and a visible link', () => {
    for (const page of pages.values()) {
      const target = redirectTarget(page);
      if (!target) continue;
      expect(pages.has(target), `${page.url} → ${target}`).toBe(true);
      expect(redirectTarget(pages.get(target)!), target).toBeUndefined();
      const canonical = page.document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(new URL(canonical).pathname).toBe(target);
      expect(page.document.querySelector(`main a[href="${target}"]`), page.url).toBeTruthy();
      expect(isNoindex(page), page.url).toBe(true);
    }
  });
});

describe('the citation block', () => {
  it('offers plain text, BibTeX and CSL-JSON on every agreement page without scripts', () => {
    for (const agreement of catalogue.agreements) {
      const cite = pages.get(`/agreements/${agreement.id}/`)?.document.querySelector('section.cite');
      // node-html-parser keeps a <pre>'s content as raw HTML; parse it again for its text.
      const blocks = (cite?.querySelectorAll('details pre') ?? []).map((block) => ({ text: parse(block.text).text }));
      expect(blocks, agreement.id).toHaveLength(3);
      expect(blocks[0]?.text).toContain(`/agreements/${agreement.id}/`);
      expect(blocks[1]?.text).toMatch(new RegExp(`^@misc\\{accord-atlas-${agreement.id},`));
      expect(() => JSON.parse(blocks[2]?.text ?? '') as unknown).not.toThrow();
      expect(cite?.querySelector(`a[href="/data/agreements/${agreement.id}.json"]`), agreement.id).toBeTruthy();
    }
  });
});

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueFile } from '../../src/open-data/schema.ts';
import { feedPaths, isNoindex, redirectTarget, sitemapPaths } from '../support/built-documents.ts';
import { fixturePages, fixtureSite, pageIn, type BuiltPage, fixtureAgreements } from '../support/fixture-site.ts';

// Expectations are read off the fixture catalogue (tests/fixtures/catalogue with
// tests/fixtures/site over it).
let pages: ReadonlyMap<string, BuiltPage>;
let file: CatalogueFile;

const readSite = (name: string) => readFile(path.join(fixtureSite(), name), 'utf8');
const agreementPaths = (...ids: string[]) => ids.map((id) => `/agreements/${id}/`);

const agreements = fixtureAgreements;

beforeAll(async () => {
  pages = await fixturePages();
  file = JSON.parse(await readSite('data/catalogue.json')) as CatalogueFile;
});

describe('the feeds', () => {
  it('list every agreement exactly once in the catalogue feed', async () => {
    // Every fixture entry was last checked on the same day, so the feed falls back to id order.
    expect(await feedPaths(fixtureSite(), 'feed.xml')).toEqual(agreementPaths(...agreements));
  });

  it('list exactly the agreements of each country, organisation, agency and topic in its own feed', async () => {
    const feeds = {
      'countries/jp': [
        'digital-trust-charter-2023',
        'japan-belgium-einvoicing-moc-2022',
        'singapore-japan-wallets-moc-2023',
      ],
      'countries/eu': ['digital-trust-charter-2023'],
      'agencies/kappa-digital-bureau': [
        'digital-trust-charter-2023',
        'japan-belgium-einvoicing-moc-2022',
        'singapore-japan-wallets-moc-2023',
      ],
      'topics/e-invoicing': ['beta-gamma-einvoicing-agreement-2023', 'japan-belgium-einvoicing-moc-2022'],
    };
    for (const [folder, ids] of Object.entries(feeds)) {
      expect(await feedPaths(fixtureSite(), `${folder}/feed.xml`), folder).toEqual(agreementPaths(...ids));
    }
  });

  it('are advertised in the head and linked visibly from their pages', () => {
    for (const url of [
      '/countries/eu/',
      '/agencies/kappa-digital-bureau/',
      '/topics/data-flows/',
      '/ja/countries/jp/',
    ]) {
      const document = pageIn(pages, url).document;
      const feed = `${url}feed.xml`;
      expect(
        document.querySelector(`link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`),
        url,
      ).toBeTruthy();
      expect(document.querySelector(`main a[href="${feed}"]`), url).toBeTruthy();
    }
  });
});

describe('the open data', () => {
  it('validates catalogue.json against catalogue.schema.json, with one record per agreement', async () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readSite('data/catalogue.schema.json')) as object);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.agreements.map((record) => record.id).sort()).toEqual(agreements);
    expect(file.agencies).toHaveLength(8);
    expect(file.topics).toHaveLength(3);
    expect(file.people).toHaveLength(4);
    expect(file.licence.data.name).toBe('CC BY 4.0');
  });

  it('carries the Japanese title and another reading beside the entry’s own facts', () => {
    const record = file.agreements.find((item) => item.id === 'japan-belgium-einvoicing-moc-2022');
    expect(record).toMatchObject({
      title: 'Memorandum of Cooperation on e-invoicing and electronic archiving',
      titleJa: '電子インボイス及び電子保存に関する協力覚書',
      signed: '2022-12-05',
      readings: [{ fact: 'signed', value: '2022-12-06', sources: ['delta-news'] }],
    });
  });

  it('writes agreements.csv in the same order as catalogue.json, one row per agreement', async () => {
    const [header = [], ...rows] = parseCsv(await readSite('data/agreements.csv')) as string[][];
    expect(header.slice(0, 3)).toEqual(['Id', 'Title', 'Short title']);
    expect(rows.map((row) => row[0])).toEqual(file.agreements.map((record) => record.id));
    const row = rows.find((cells) => cells[0] === 'digital-trust-charter-2023') ?? [];
    const cell = (column: string) => row[header.indexOf(column)];
    expect(cell('Party codes')).toBe('EU; JP; SG; FR; KR; CA; NZ; EE; UY');
    expect(cell('Participants')).toBe('Takeshima Hana');
    expect(cell('Signed')).toBe('2023-05-17');
    expect(cell('Topics')).toBe('Data flows; Digital identity');
  });

  it('writes each agreement to its own JSON file, equal to its record in catalogue.json', async () => {
    for (const record of file.agreements) {
      const name = `data/agreements/${record.id}.json`;
      expect(existsSync(path.join(fixtureSite(), name)), name).toBe(true);
      expect(JSON.parse(await readSite(name))).toEqual(record);
    }
  });

  it('explains every CSV column on the data page', async () => {
    const [header] = parseCsv(await readSite('data/agreements.csv'), { to_line: 1 }) as string[][];
    const rows = new Set(
      pageIn(pages, '/data/')
        .document.querySelectorAll('table.dictionary th[scope="row"]')
        .map((cell) => cell.text.trim()),
    );
    expect(header?.length).toBe(25);
    for (const column of header ?? []) expect(rows.has(column), column).toBe(true);
  });
});

describe('metadata for sharing and indexing', () => {
  it('gives every page a canonical URL, Open Graph and Twitter card tags', () => {
    for (const page of pages.values()) {
      const canonical = page.document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, page.url).toMatch(/^https:\/\/accord-atlas\.github\.io\//);
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
      const block = pageIn(pages, url).document.querySelector('script[type="application/ld+json"]');
      return (JSON.parse(block?.text ?? 'null') as { '@type'?: string } | null)?.['@type'];
    };
    expect(typeOf('/')).toBe('WebSite');
    expect(typeOf('/agreements/')).toBe('CollectionPage');
    expect(typeOf('/data/')).toBe('Dataset');
    expect(typeOf('/agreements/digital-trust-charter-2023/')).toBe('WebPage');
    for (const url of ['/countries/eu/', '/agencies/kappa-digital-bureau/', '/topics/data-flows/']) {
      expect(typeOf(url), url).toBe('CollectionPage');
    }
  });

  it('lists every indexable page in the sitemap, and no redirect or not-found page', async () => {
    const sitemap = await sitemapPaths(fixtureSite());
    expect(sitemap).toContain('/agreements/alpha-beta-identity-renewal-2024/');
    expect(sitemap).toContain('/ja/agencies/kappa-digital-bureau/');
    expect(sitemap).not.toContain('/agreements/alpha-beta-identity-extension-2024/');
    expect(sitemap).not.toContain('/404/');
    const indexable = [...pages.values()]
      .filter((page) => !redirectTarget(page) && !isNoindex(page) && !/^(\/ja)?\/404(\.html|\/)$/.test(page.url))
      .map((page) => page.url)
      .sort();
    expect([...sitemap].sort()).toEqual(indexable);
  });

  it('points every redirect page at an existing page, as its canonical URL and a visible link', () => {
    const redirects = [...pages.values()].filter((page) => redirectTarget(page));
    expect(redirects.map((page) => page.url).sort()).toEqual([
      '/agreements/alpha-beta-identity-extension-2024/',
      '/ja/agreements/alpha-beta-identity-extension-2024/',
    ]);
    for (const page of redirects) {
      const target = redirectTarget(page) ?? '';
      expect(target).toMatch(/^(\/ja)?\/agreements\/alpha-beta-identity-renewal-2024\/$/);
      expect(redirectTarget(pageIn(pages, target)), target).toBeUndefined();
      const canonical = page.document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(new URL(canonical).pathname).toBe(target);
      expect(page.document.querySelector(`main a[href="${target}"]`), page.url).toBeTruthy();
      expect(isNoindex(page), page.url).toBe(true);
    }
  });
});

describe('the citation block', () => {
  it('offers plain text, BibTeX and CSL-JSON on every agreement page without scripts', () => {
    for (const id of agreements) {
      const cite = pageIn(pages, `/agreements/${id}/`).document.querySelector('section.cite');
      // node-html-parser keeps a <pre>'s content as raw HTML; parse it again for its text.
      const blocks = (cite?.querySelectorAll('details pre') ?? []).map((block) => parse(block.text).text);
      expect(blocks, id).toHaveLength(3);
      expect(blocks[0]).toContain(`https://accord-atlas.github.io/agreements/${id}/`);
      expect(blocks[1]).toMatch(new RegExp(`^@misc\\{accord-atlas-${id},`));
      expect(JSON.parse(blocks[2] ?? '')).toMatchObject([{ id: `accord-atlas-${id}`, type: 'webpage' }]);
      expect(cite?.querySelector(`a[href="/data/agreements/${id}.json"]`), id).toBeTruthy();
    }
  });
});

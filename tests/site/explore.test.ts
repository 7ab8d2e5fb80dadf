import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { readContent } from '../../src/catalogue/read-files.ts';
import { isOrganisationCode } from '../../src/countries.ts';
import { builtPages, type BuiltPage } from '../support/site.ts';

let pages: Map<string, BuiltPage>;
let catalogue: Catalogue;

beforeAll(async () => {
  pages = new Map((await builtPages()).map((page) => [page.url, page]));
  const { input } = await readContent(process.env['ACCORD_CONTENT_DIR'] ?? 'content');
  catalogue = deriveCatalogue(input, '2026-11-22');
});

function page(url: string): BuiltPage {
  const found = pages.get(url);
  if (!found) throw new Error(`no page at ${url}`);
  return found;
}

const mapPages = () => [
  '/countries/',
  ...catalogue.countries.map((country) => `/countries/${country.code.toLowerCase()}/`),
];

describe('the timeline', () => {
  it('lists the signing of every agreement exactly once, linked to its page', () => {
    const timeline = page('/timeline/').document;
    for (const agreement of catalogue.agreements) {
      const items = timeline.querySelectorAll(`li[data-timeline="signing"][data-agreement="${agreement.id}"]`);
      expect(items, agreement.id).toHaveLength(1);
      expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(`/agreements/${agreement.id}/`);
    }
  });

  it('lists every dated event of every agreement', () => {
    const timeline = page('/timeline/').document;
    for (const agreement of catalogue.agreements) {
      const events = agreement.data.events.filter(
        (event) => !(event.kind === 'signed' && event.date.iso === agreement.data.signed.iso),
      );
      const items = timeline.querySelectorAll(`li[data-timeline="event"][data-agreement="${agreement.id}"]`);
      expect(items, agreement.id).toHaveLength(events.length);
    }
  });

  it('has a filter page for every country and every topic with agreements, linked from the timeline', () => {
    const links = new Set(
      page('/timeline/')
        .document.querySelectorAll('nav a[href]')
        .map((link) => link.getAttribute('href')),
    );
    const expected = [
      ...catalogue.countries.map((country) => `/timeline/country/${country.code.toLowerCase()}/`),
      ...catalogue.topics.filter((topic) => topic.agreements.length > 0).map((topic) => `/timeline/topic/${topic.id}/`),
    ];
    for (const url of expected) {
      expect(pages.has(url), url).toBe(true);
      expect(links.has(url), `/timeline/ links to ${url}`).toBe(true);
    }
  });

  it("shows on a country's timeline only that country's agreements", () => {
    for (const country of catalogue.countries) {
      const ids = new Set(
        page(`/timeline/country/${country.code.toLowerCase()}/`)
          .document.querySelectorAll('li[data-agreement]')
          .map((item) => item.getAttribute('data-agreement')),
      );
      expect([...ids].sort()).toEqual(country.agreements.map((agreement) => agreement.id).sort());
    }
  });

  it('is in the main navigation', () => {
    const nav = page('/')
      .document.querySelectorAll('header nav a')
      .map((link) => link.getAttribute('href'));
    expect(nav).toContain('/timeline/');
  });
});

describe('the world map', () => {
  it('links every shaded country to an existing page, with an accessible name', () => {
    for (const url of mapPages()) {
      const links = page(url).document.querySelectorAll('.world-map svg a');
      // Organisations (the EU, ASEAN, the G7 …) are parties but not regions of the map.
      expect(links.length, url).toBe(catalogue.countries.filter((country) => !isOrganisationCode(country.code)).length);
      for (const link of links) {
        const href = link.getAttribute('href') ?? '';
        expect(pages.has(href), `${url} map links to ${href}`).toBe(true);
        expect(link.getAttribute('aria-label'), href).toMatch(/: \d+ agreements?$/);
      }
    }
  });

  it('gives the same figures as a table of countries', () => {
    const document = page('/countries/').document;
    const rows = document.querySelectorAll('main table tbody tr');
    expect(rows).toHaveLength(catalogue.countries.length);
    for (const country of catalogue.countries) {
      const row = rows.find(
        (item) => item.querySelector('a')?.getAttribute('href') === `/countries/${country.code.toLowerCase()}/`,
      );
      expect(row?.querySelectorAll('td')[1]?.text, country.code).toBe(String(country.agreements.length));
    }
  });

  it("marks the country and its partners on a country's map", () => {
    for (const country of catalogue.countries) {
      const svg = page(`/countries/${country.code.toLowerCase()}/`).document.querySelector('.world-map svg');
      const hrefOf = (selector: string) =>
        (svg?.querySelectorAll(selector) ?? []).map((shape) => shape.parentNode?.getAttribute('href'));
      expect(hrefOf('.role-focus')).toEqual(
        isOrganisationCode(country.code) ? [] : [`/countries/${country.code.toLowerCase()}/`],
      );
      expect(hrefOf('.role-partner').sort()).toEqual(
        country.partners
          .filter(({ item }) => !isOrganisationCode(item))
          .map(({ item }) => `/countries/${item.toLowerCase()}/`)
          .sort(),
      );
    }
  });

  // 63 kB with 85 countries shaded (30 kB with 4); the budget catches a return to per-shape
  // styles or unsimplified shapes, which doubled it.
  it('uses no inline style attribute and stays under 80 kB', () => {
    for (const url of mapPages()) {
      const svg = page(url).document.querySelector('.world-map svg');
      expect(svg, url).not.toBeNull();
      expect(svg?.querySelectorAll('[style]')).toHaveLength(0);
      expect(svg?.outerHTML.length).toBeLessThan(80_000);
    }
  });
});

describe('the family of an agreement', () => {
  it('names the agreement itself without linking it, and links every other member', () => {
    for (const agreement of catalogue.agreements) {
      const tree = page(`/agreements/${agreement.id}/`).document.querySelector('.family-tree');
      if (!tree) continue;
      expect(tree.querySelector('[aria-current="page"]')?.text, agreement.id).toContain(
        agreement.data.shortTitle ?? agreement.data.title,
      );
      for (const link of tree.querySelectorAll('a')) {
        expect(pages.has(link.getAttribute('href') ?? ''), link.getAttribute('href')).toBe(true);
        expect(link.getAttribute('href')).not.toBe(`/agreements/${agreement.id}/`);
      }
    }
  });

  it('shows the tree on the pages of agreements with relatives beyond their direct relations', () => {
    const hasTree = (id: string) => page(`/agreements/${id}/`).document.querySelector('.family-tree') !== null;
    const withRelations = catalogue.agreements.filter((agreement) => agreement.relations.length > 0);
    expect(withRelations.some((agreement) => hasTree(agreement.id))).toBe(true);
    for (const agreement of catalogue.agreements.filter((item) => item.relations.length === 0)) {
      expect(hasTree(agreement.id), agreement.id).toBe(false);
    }
  });
});

describe('partner networks', () => {
  it('draws every partner country and partner agency as a link to its page', () => {
    const networks = [
      ...catalogue.countries.map((country) => ({
        url: `/countries/${country.code.toLowerCase()}/`,
        expected: country.partners.map(({ item }) => `/countries/${item.toLowerCase()}/`),
      })),
      ...catalogue.agencies.map((agency) => ({
        url: `/agencies/${agency.id}/`,
        expected: agency.partners.map(({ item }) => `/agencies/${item.id}/`),
      })),
    ];
    for (const { url, expected } of networks) {
      const links = page(url)
        .document.querySelectorAll('.partner-network svg a')
        .map((link) => link.getAttribute('href') ?? '');
      expect(links, url).toEqual(expected);
      for (const href of links) expect(pages.has(href), `${url} -> ${href}`).toBe(true);
    }
  });
});

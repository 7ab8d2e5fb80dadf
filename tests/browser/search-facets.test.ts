import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Agreement, type Catalogue } from '../../src/catalogue/derive.ts';
import { readContent } from '../../src/catalogue/read-files.ts';
import { searchFacets } from '../../src/catalogue/search-facets.ts';
import { agreementDateKey, searchRowKey } from '../../src/search/rows.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';
import { shortList } from '../../src/search/facet-limits.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { openSearchSite } from '../support/search-site.ts';
import { assertBuilt, distDir } from '../support/site.ts';

describe('the sort keys that pair Pagefind pages with the facet index', () => {
  it('come back from Pagefind in the order JavaScript sorts them, digits, capitals and accents included', async () => {
    // Ids whose order differs between byte order and natural order ("9" before "10"), and between
    // case-sensitive and case-insensitive order, as raw sort keys would; agreements on one day.
    const ids = ['item-10', 'item-9', 'item-100', 'Item-2', 'ítem', 'b', 'a-b', 'a', 'z-2024', 'z-2023-b'];
    const dates = ['2022-12', '2022-12-05', '2022', '2023-01-02', '2022-12-05'];
    const agreement = (id: string, signed: string) =>
      ({ id, data: { signed: parsePartialDate(signed) } }) as unknown as Agreement;
    const pages = [
      ...ids.map((id) => ({ sort: 'row', key: searchRowKey('agency', id) })),
      ...ids.map((id, n) => ({ sort: 'date', key: agreementDateKey(agreement(id, dates[n % dates.length]!)) })),
    ].map((page, n) => ({ ...page, url: `/p${n}/` }));
    const html = ({ sort, key }: { sort: string; key: string }) =>
      `<!doctype html><html lang="en"><head><title>${key}</title></head><body><main data-pagefind-body><h1>Page ${key}</h1><span data-pagefind-sort="${sort}:${key}"></span></main></body></html>`;
    const site = await openSearchSite(
      Object.fromEntries(pages.map((page) => [page.url, html(page)])),
      '<!doctype html><html lang="en"><head><title>Home</title></head><body></body></html>',
    );
    try {
      for (const sort of ['row', 'date']) {
        const expected = pages
          .filter((page) => page.sort === sort)
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map(({ url }) => url);
        expect(await site.search(null, { sort: { [sort]: 'asc' } }), sort).toEqual(expected);
      }
    } finally {
      await site.close();
    }
  });
});

describe('facets of a catalogue too large for the page', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let catalogue: Catalogue;
  const errors: string[] = [];
  const fetched: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    const { input } = await readContent(process.env['ACCORD_CONTENT_DIR'] ?? 'content');
    catalogue = deriveCatalogue(input, '2026-11-22');
    server = await serveStatic(distDir);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const status = () => page.locator('#search-status');
  const announced = async () => Number((await status().innerText()).replace(/[^\d]/g, '') || -1);

  async function open(path: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await status()
      .filter({ hasText: /\d|No results|該当/ })
      .waitFor();
  }

  /** The agency with the fewest agreements: never one of the common values the page carries. */
  const rareAgency = () =>
    [...catalogue.agencies]
      .filter((agency) => agency.agreements.length > 0)
      .sort((a, b) => a.agreements.length - b.agreements.length || a.id.localeCompare(b.id))[0]!;

  it('carries at most the ten most common values of each facet in the page', async () => {
    await page.goto(`${server.url}/search/`);
    for (const facet of searchFacets) {
      const values = await page.locator(`fieldset[data-facet="${facet}"] .facet-values label`).count();
      expect(values, facet).toBeLessThanOrEqual(shortList);
    }
    expect(catalogue.agencies.length, 'the catalogue has more agencies than the page carries').toBeGreaterThan(
      shortList,
    );
  });

  it('finds a value the page does not carry by typing in its facet box, and filters by it', async () => {
    const agency = rareAgency();
    await open('/search/?type=agreement');
    const checkbox = page.locator(`fieldset[data-facet="agency"] input[value="${agency.id}"]`);
    expect(await checkbox.count()).toBe(0);
    await page.getByLabel('Agency: type to narrow the list').fill(agency.data.name);
    await checkbox.check();
    await page.waitForURL(new RegExp(`agency=${agency.id}`));
    await expect.poll(announced).toBe(agency.agreements.length);
    expect(fetched).toContain('/search/agency.json');
    expect(await page.locator('fieldset[data-facet="agency"] [data-facet-matches]').textContent()).toMatch(/match/);
  });

  it('shows a ticked value from a link although the page does not carry it', async () => {
    const agency = rareAgency();
    await open(`/search/?agency=${agency.id}`);
    const checkbox = page.locator(`fieldset[data-facet="agency"] input[value="${agency.id}"]`);
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    expect(await checkbox.isVisible()).toBe(true);
    expect(await announced()).toBe(agency.agreements.length);
  });

  it('counts the values of a search made with words alone once the facet index is in', async () => {
    await open('/search/?q=digital');
    const results = await announced();
    const typeTotal = async () =>
      (await page.locator('fieldset[data-facet="type"] .facet-count').allInnerTexts())
        .map((text) => Number(text.replace(/\D/g, '')))
        .reduce((sum, count) => sum + count, 0);
    // Every page has exactly one type, so the type counts add up to the results.
    await expect.poll(typeTotal).toBe(results);
  });

  it('filters the Japanese edition with the same codes and Japanese labels', async () => {
    const japan = catalogue.countryByCode.get('JP')!;
    await open('/ja/search/?country=JP');
    expect(await announced()).toBe(japan.agreements.length);
    const checkbox = page.locator('fieldset[data-facet="country"] input[value="JP"]');
    expect(await checkbox.isChecked()).toBe(true);
    expect(await checkbox.locator('xpath=..').innerText()).toContain('日本');
  });

  it('logs no error in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

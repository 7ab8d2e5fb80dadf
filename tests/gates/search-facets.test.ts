/**
 * The search page's facets on the real built site: a catalogue with more agencies, people and
 * countries than the page carries, which the small fixture site is not. Expectations come from
 * the catalogue the site was built from, as the other gates check the real content.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { readContent } from '../../src/checker/read-content.ts';
import { contentRoot } from '../../src/content-root.ts';
import { searchFacets } from '../../src/catalogue/search-facets.ts';
import { shortList } from '../../src/search/facet-limits.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { assertBuilt, defaultOutDir } from '../../scripts/lib/built-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

const distDir = defaultOutDir();

describe('facets of a catalogue too large for the page', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  let catalogue: Catalogue;
  const errors: string[] = [];
  const fetched: string[] = [];

  beforeAll(async () => {
    assertBuilt(distDir);
    const { input } = await readContent(contentRoot);
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

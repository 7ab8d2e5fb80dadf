import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { fixtureSite } from '../support/fixture-site.ts';

let browser: Browser;
let server: StaticServer;
let page: Page;
const errors: string[] = [];

// The fixture site (tests/fixtures/catalogue with tests/fixtures/site over it): the words searched
// for below appear in one entry each.
beforeAll(async () => {
  server = await serveStatic(fixtureSite());
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the search page with a query string and waits for the results to settle. */
async function search(query: string): Promise<void> {
  await page.goto(`${server.url}/search/${query}`);
  await page
    .locator('#search-status')
    .filter({ hasText: /result/ })
    .waitFor();
}

/** A country's checkbox, typed into the country facet's filter box first as a reader would. */
async function countryBox(name: string) {
  await page.getByLabel('Country: type to narrow the list').fill(name);
  return page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
}

const resultLinks = () => page.locator('#search-results li h3 a');
const resultCount = async () => Number((await page.locator('#search-status').innerText()).match(/\d+/)?.[0] ?? 0);

describe('search', () => {
  it('finds the Japan-Belgium memorandum for "archiving"', async () => {
    await search('?q=archiving&type=agreement');
    expect(await resultLinks().first().getAttribute('href')).toBe('/agreements/japan-belgium-einvoicing-moc-2022/');
  });

  it('finds the Singapore-Japan memorandum for "wallets"', async () => {
    await search('?q=wallets&type=agreement');
    expect(await resultLinks().first().getAttribute('href')).toBe('/agreements/singapore-japan-wallets-moc-2023/');
  });

  it("finds a signatory's agreements by their name", async () => {
    await search('?q=Takeshima');
    const hrefs = await resultLinks().evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/agreements/singapore-japan-wallets-moc-2023/');
    expect(hrefs).toContain('/people/takeshima-hana/');
  });

  it('shows the date, parties and an excerpt with each agreement result', async () => {
    await search('?q=archiving&type=agreement');
    const first = page.locator('#search-results li').first();
    expect(await first.locator('.meta').innerText()).toContain('5 December 2022');
    expect(await first.locator('.meta').innerText()).toContain('Belgium');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
  });

  it('narrows the results when a filter is chosen, and keeps it in the URL', async () => {
    await search('?q=digital');
    const before = await resultCount();
    await (await countryBox('Belgium')).check();
    await page.waitForURL(/country=BE/);
    // While the new results load, the status reads "Searching…", which counts as no result: wait for
    // the count, which is written together with the new list.
    await page
      .locator('#search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    await expect.poll(resultCount).toBeLessThan(before);
    const metas = await page.locator('#search-results li .meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain('Belgium');
  });

  it('restores the previous view with the back button', async () => {
    await search('?q=digital');
    const before = await resultCount();
    await (await countryBox('Singapore')).check();
    await page.waitForURL(/country=SG/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('country='));
    await expect.poll(resultCount).toBe(before);
    expect(await (await countryBox('Singapore')).isChecked()).toBe(false);
  });

  it('is reached from the search box in the header of any page', async () => {
    await page.goto(`${server.url}/about/`);
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('archiving');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=archiving/);
    await page
      .locator('#search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    expect(await resultLinks().count()).toBeGreaterThan(0);
  });

  it('logs no error in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

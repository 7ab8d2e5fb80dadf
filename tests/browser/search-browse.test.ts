import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { fixtureSite } from '../support/fixture-site.ts';

let browser: Browser;
let server: StaticServer;
let page: Page;
let pagefindRequests: string[] = [];

// The fixture site (tests/fixtures/catalogue with tests/fixtures/site over it): seven agreements,
// signed from 2021 to 2025; Belgium is party to one (2022), Japan to three, Singapore to two.
beforeAll(async () => {
  server = await serveStatic(fixtureSite());
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
  });
});

beforeEach(() => {
  pagefindRequests = [];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const status = () => page.locator('#search-status');
const resultLinks = () => page.locator('#search-results li h3 a');

/** Opens the search page with a query string and waits for the announced count. */
async function open(query: string): Promise<void> {
  await page.goto(`${server.url}/search/${query}`);
  await status()
    .filter({ hasText: /result/ })
    .waitFor();
}

const announced = async () => Number((await status().innerText()).match(/\d+/)?.[0] ?? -1);
const hrefs = () => resultLinks().evaluateAll((links) => links.map((link) => link.getAttribute('href')));
/**
 * A facet value's checkbox. Long facets show their most common values until the reader types in
 * their filter box, so the value's name is typed there first, as a reader would.
 */
async function facetBox(facet: string, name: string) {
  const filter = page.getByLabel(`${facet}: type to narrow the list`);
  if ((await filter.count()) > 0) await filter.fill(name);
  return page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
}

const countOf = async (facet: string, name: string) =>
  (await facetBox(facet, name))
    .locator('xpath=..')
    .locator('.facet-count')
    .innerText()
    .then((text) => Number(text.replace(/\D/g, '')));

describe('browsing and sorting on the search page', () => {
  it('fetches no search index until the reader uses the form', async () => {
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState('networkidle');
    expect(pagefindRequests).toEqual([]);
    expect(await countOf('Country', 'Belgium')).toBe(1);
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).first().focus();
    await page.locator('#search-input').focus();
    await expect.poll(() => pagefindRequests.some((url) => url.endsWith('pagefind.js'))).toBe(true);
  });

  it('lists agreements by filters alone, with no search words', async () => {
    await open('?country=JP');
    expect(await announced()).toBe(3);
    // Without a sort the order is Pagefind's own, so only the set is compared.
    expect((await hrefs()).sort()).toEqual([
      '/agreements/digital-trust-charter-2023/',
      '/agreements/japan-belgium-einvoicing-moc-2022/',
      '/agreements/singapore-japan-wallets-moc-2023/',
    ]);
  });

  it('widens with two values of one facet and narrows with a second facet', async () => {
    // Belgium's one agreement and Singapore's two.
    await open('?country=BE&country=SG');
    expect(await announced()).toBe(3);

    // Japan's agreements of 2023: the charter and the Singapore memorandum.
    await open('?country=JP&year=2023');
    expect(await announced()).toBe(2);
  });

  it('updates the count beside every filter value to what the current results hold', async () => {
    await open('?country=BE');
    expect(await countOf('Year signed', '2022')).toBe(1);
    expect(await countOf('Year signed', '2023')).toBe(0);
    expect(await countOf('Country', 'Japan')).toBe(1);
  });

  it('sorts by newest and oldest signing', async () => {
    await open('?type=agreement&sort=newest');
    expect((await hrefs())[0]).toBe('/agreements/alpha-beta-credential-pilots-arrangement-2025/');
    await open('?type=agreement&sort=oldest');
    expect((await hrefs())[0]).toBe('/agreements/alpha-beta-identity-moc-2021/');
  });

  it('keeps the search in the language switcher, so the other edition opens the same view', async () => {
    await open('?q=digital&country=JP&sort=oldest');
    const link = page.locator('a[data-language-switch]');
    expect(await link.getAttribute('href')).toMatch(/\/ja\/search\/\?q=digital&country=JP&sort=oldest$/);
  });

  it('reproduces a whole view from its link: words, filters and sort', async () => {
    await open('?q=digital&country=JP&sort=oldest');
    expect(await page.locator('#search-input').inputValue()).toBe('digital');
    expect(await (await facetBox('Country', 'Japan')).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('oldest');
  });

  it('puts a change of sort in the history, so Back restores the previous order', async () => {
    await open('?type=agreement&sort=newest');
    const newest = await hrefs();
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
    await page.waitForURL(/sort=oldest/);
    await expect.poll(async () => (await hrefs())[0]).not.toBe(newest[0]);
    await page.goBack();
    await page.waitForURL(/sort=newest/);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('newest');
    await expect.poll(hrefs).toEqual(newest);
  });

  it('announces the number of results politely, in the singular for one', async () => {
    expect(await status().getAttribute('aria-live')).toBe('polite');
    await open('?country=BE');
    expect(await status().innerText()).toBe('1 result');
    await open('?type=agreement');
    expect(await status().innerText()).toBe('7 results');
    expect(await page.getByRole('list', { name: 'Results' }).count()).toBe(1);
  });

  it('works by keyboard alone, keeping focus on a filter after it is ticked', async () => {
    await page.goto(`${server.url}/search/`);
    await page.locator('#search-input').focus();
    await page.keyboard.type('digital');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=digital/);
    // The facet lists are redrawn with the counts when the results arrive: a box focused before
    // that could be replaced under the key press.
    await status()
      .filter({ hasText: /result/ })
      .waitFor();
    const box = await facetBox('Country', 'Japan');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/country=JP/);
    await status()
      .filter({ hasText: /result/ })
      .waitFor();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('points to the browse pages when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${server.url}/search/`);
    for (const href of ['/agreements/', '/countries/', '/agencies/', '/topics/', '/timeline/']) {
      expect(await plain.locator(`main a[href="${href}"]`).count(), href).toBe(1);
    }
    expect(await plain.locator('#search-controls').isVisible()).toBe(false);
    await context.close();
  });
});

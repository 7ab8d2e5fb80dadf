import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { onePerType } from '../../scripts/lib/page-types.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { builtPages, defaultOutDir } from '../../scripts/lib/built-site.ts';

// The gates check the real built site (`npm run build`, or ACCORD_OUT_DIR).
const distDir = defaultOutDir();
let browser: Browser;
let server: StaticServer;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchChromium();
  page = await browser.newPage();
  // Violations of a <meta> policy reach the page as events, not always as console messages.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pages under the content security policy', () => {
  it('load one page of each type with no console error, page error or policy violation', async () => {
    problems.length = 0;
    const samples = onePerType((await builtPages(distDir)).map((built) => built.url));
    expect(samples.size).toBeGreaterThan(8);
    for (const url of samples.values()) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), url).toBe(1);
    }
    expect(problems).toEqual([]);
  });

  it('run a search with results and filters, Pagefind and its WebAssembly included', async () => {
    problems.length = 0;
    await page.goto(`${server.url}/search/?q=digital`);
    await page.locator('#search-results li').first().waitFor();
    await page.locator('#search-facets input').first().check();
    await page.waitForURL(/&\w+=/);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

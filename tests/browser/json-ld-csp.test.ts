import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { fixtureSite } from '../support/fixture-site.ts';

/**
 * JSON-LD is an inline `<script>` element that carries no hash. Browsers treat a script whose
 * type is not JavaScript as a data block and never execute it, so the site's hash-based CSP
 * (`script-src 'self'` plus hashes of the scripts Astro renders) does not apply to it. This test
 * serves a page under the strictest script policy and checks that the browser reports nothing.
 */
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(fixtureSite());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('JSON-LD under a strict Content Security Policy', () => {
  it('is neither blocked nor reported, and stays readable as data', async () => {
    const page = await browser.newPage();
    const reports: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) reports.push(message.text());
    });
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "script-src 'self'; object-src 'none'" },
      });
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${server.url}/`);
    const data = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(data ?? 'null')).toMatchObject({ '@type': 'WebSite' });
    await page.goto(`${server.url}/countries/`);
    expect(reports).toEqual([]);
    // Flags load lazily and may still be on their way through the route when the page closes.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  it('would report an ordinary inline script under the same policy', async () => {
    // The control: the same policy catches an executable inline script beside the data block,
    // and only that one.
    const page = await browser.newPage();
    const reports: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('csp-report')) reports.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`csp-report ${event.violatedDirective} ${event.sample}`);
      });
    });
    await page.route('**/csp-control', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "script-src 'self'" },
        body: '<!doctype html><title>x</title><script type="application/ld+json">{}</script><script>1</script><p>x</p>',
      }),
    );
    await page.goto(`${server.url}/csp-control`);
    expect(reports).toHaveLength(1);
    await page.close();
  });
});

/**
 * A tiny site indexed by Pagefind the way the real one is, served on loopback and open in
 * Chromium, for tests of how search treats what readers type (accents, Japanese).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

export interface SearchSite {
  /** The URLs Pagefind returns for a query (null for every page) and search options, in its order. */
  search(query: string | null, options?: Record<string, unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Indexes `pages` (URL to HTML) with the given Pagefind options, writes `home` as the page the
 * browser opens, and returns a search function that runs in that page.
 */
export async function openSearchSite(
  pages: Readonly<Record<string, string>>,
  home: string,
  options: { forceLanguage?: string } = {},
): Promise<SearchSite> {
  const folder = await mkdtemp(path.join(tmpdir(), 'accord-search-site-'));
  const { index, errors } = await createIndex(options);
  if (!index) throw new Error(errors.join('\n'));
  for (const [url, content] of Object.entries(pages)) await index.addHTMLFile({ url, content });
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await close();
  await writeFile(path.join(folder, 'index.html'), home);
  const server: StaticServer = await serveStatic(folder);
  const browser: Browser = await launchChromium();
  const page: Page = await browser.newPage();
  await page.goto(`${server.url}/`);
  return {
    // The script is passed as text because the test runner would rewrite a dynamic import()
    // inside a function body.
    search: (query, options = {}) =>
      page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const found = await pagefind.search(${JSON.stringify(query)}, ${JSON.stringify(options)});
        return Promise.all(found.results.map(async (result) => (await result.data()).url));
      })()`),
    close: async () => {
      await browser.close();
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

// A tiny site indexed the way the real one is (forced English), to show how Pagefind treats
// accents and case in the queries readers type.
let folder: string;
let browser: Browser;
let server: StaticServer;
let page: Page;

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'accord-accents-'));
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('\n'));
  await index.addHTMLFile({
    url: '/ivory/',
    content: html('Alpha and Côte d’Ivoire', "A fixture memorandum between Alpha and Côte d'Ivoire on e-invoicing."),
  });
  await index.addHTMLFile({
    url: '/other/',
    content: html('Alpha and Beta', 'A fixture memorandum between Alpha and Beta on digital identity.'),
  });
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await close();
  await writeFile(path.join(folder, 'index.html'), html('Fixture', 'Search fixture'));
  server = await serveStatic(folder);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/**
 * The URLs Pagefind returns for a query, in its order. The script is passed as text because the
 * test runner would rewrite a dynamic import() inside a function body.
 */
function search(query: string): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (result) => (await result.data()).url));
  })()`);
}

describe('search across accents and case', () => {
  it('finds "Côte d\'Ivoire" when the reader types "Cote d\'Ivoire" without the accent', async () => {
    expect(await search("Cote d'Ivoire")).toEqual(['/ivory/']);
  });

  it('finds it in lower case and with the accent too', async () => {
    expect(await search('côte')).toEqual(['/ivory/']);
    expect(await search('COTE')).toEqual(['/ivory/']);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { searchSegments } from '../../src/i18n/segments.ts';

// A tiny Japanese site indexed as the real one is (each page's language from <html lang>), with
// the same markup the entity and agreement pages carry for their Japanese names.
let folder: string;
let browser: Browser;
let server: StaticServer;
let page: Page;

const html = (title: string, body: string, names: readonly string[] = []) => {
  const segments = searchSegments(names);
  const extra = segments
    ? `<span hidden data-pagefind-index-attrs="data-segments" data-segments="${segments}"></span>`
    : '';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p>${extra}</main></body></html>`;
};

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'accord-search-ja-'));
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  // The control: the compound in the text alone, as a page without the extra search words.
  await index.addHTMLFile({
    url: '/ja/plain/',
    content: html('デジタル庁のガバメントクラウド', '日英の協力覚書に署名しました。'),
  });
  await index.addHTMLFile({
    url: '/ja/segmented/',
    content: html('ガバメントクラウド', 'デジタル庁が整備する基盤。', ['ガバメントクラウド', 'デジタル庁']),
  });
  await index.addHTMLFile({
    url: '/ja/agency/',
    content: html('デジタル庁', '日本の行政機関。', ['デジタル庁']),
  });
  await index.writeFiles({ outputPath: path.join(folder, 'pagefind') });
  await close();
  await writeFile(path.join(folder, 'index.html'), html('検索', '検索の試験'));
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

/** The URLs Pagefind returns for a query on the Japanese page (script passed as text, as in accents.test.ts). */
function search(query: string): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (result) => (await result.data()).url));
  })()`);
}

describe('Japanese search', () => {
  it('misses a katakana compound typed whole on a page without its search words (the control)', async () => {
    expect(await search('ガバメントクラウド')).not.toContain('/ja/plain/');
  });

  it('finds a katakana compound typed whole on a page that carries its search words', async () => {
    expect(await search('ガバメントクラウド')).toContain('/ja/segmented/');
  });

  it('finds a name in kanji, and a part of a compound', async () => {
    expect(await search('デジタル庁')).toEqual(expect.arrayContaining(['/ja/agency/', '/ja/segmented/']));
    expect(await search('クラウド')).toEqual(expect.arrayContaining(['/ja/plain/', '/ja/segmented/']));
  });
});

import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/serve.ts';
import { buildSite, type ProcessResult } from '../support/build.ts';

/**
 * Builds the fixture catalogue for a site served from a sub-folder, as a GitHub Pages project
 * site is (`BASE_PATH=/accord-atlas/`), and checks that no address escapes that folder.
 */
const base = '/accord-atlas/';
let work: string;
let root: string;
let build: ProcessResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-base-path-'));
  // The built site goes where a host serving the sub-folder would find it.
  root = path.join(work, 'www');
  const content = path.join(work, 'content');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  build = buildSite(
    { content, outDir: path.join(root, base), cacheDir: path.join(work, 'cache') },
    { BASE_PATH: base },
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).map((entry) => path.join(folder, entry));
}

describe('a site served from a sub-folder', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('keeps every site-relative address inside the sub-folder', async () => {
    const escaping: string[] = [];
    for (const file of await htmlFiles(path.join(root, base))) {
      const html = await readFile(file, 'utf8');
      for (const [, address] of html.matchAll(/(?:href|src|action|data-pagefind-url)="(\/[^"]*)"/g)) {
        if (address && !address.startsWith(base)) escaping.push(`${path.relative(root, file)}: ${address}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  it('links search results inside the sub-folder', async () => {
    const server = await serveStatic(root);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}${base}search/?q=identity`);
      const links = page.locator('#search-results a');
      await links.first().waitFor();
      const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^\/accord-atlas\//);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

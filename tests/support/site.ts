import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** The built site the site and browser tests run against. */
export const distDir = process.env['DIST_DIR'] ?? 'dist';

/** One built page: its URL path and parsed document. */
export interface BuiltPage {
  readonly url: string;
  readonly file: string;
  readonly document: HTMLElement;
}

/** Fails with a clear message, rather than passing vacuously, when the site has not been built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No built site in ${distDir}/: run \`npm run build\` before the site tests (npm test does).`);
  }
}

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The URL path a file is served at: `dist/agreements/x/index.html` is `/agreements/x/`. */
export function urlOf(file: string): string {
  const relative = path.relative(distDir, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Every HTML page of the built site, parsed. */
export async function builtPages(): Promise<BuiltPage[]> {
  assertBuilt();
  const files = await htmlFiles(distDir);
  return Promise.all(
    files.map(async (file) => ({ url: urlOf(file), file, document: parse(await readFile(file, 'utf8')) })),
  );
}

/** Internal link targets of a page (href values that stay on the site), resolved against its URL. */
export function internalLinks(page: BuiltPage): URL[] {
  const base = new URL(page.url, 'http://site.invalid');
  return page.document
    .querySelectorAll('a[href], link[href], script[src], img[src]')
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
    .map((href) => new URL(href, base))
    .filter((url) => url.origin === base.origin);
}

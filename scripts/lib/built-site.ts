/**
 * A built site in a folder: its pages, the URL each file is served at, and the links a page
 * makes. The gates, the screenshot and benchmark tools and the site tests all read a built site
 * through this module, always naming the folder, so `--dist` means the same folder everywhere.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import pMap from 'p-map';

/**
 * The folder `astro build` writes to: `ACCORD_OUT_DIR` (read by astro.config.mjs too), else
 * `dist`. Read when called, never at import time, so a tool can set it from its flags first.
 */
export function defaultOutDir(): string {
  return process.env['ACCORD_OUT_DIR'] ?? 'dist';
}

/** One built page: its URL path, its file and its parsed document. */
export interface BuiltPage {
  readonly url: string;
  readonly file: string;
  readonly document: HTMLElement;
}

/** Fails with a clear message, rather than passing vacuously, when the folder holds no built site. */
export function assertBuilt(dir: string): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}/: run \`npm run build\` first (npm test does).`);
  }
}

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The URL path a file of the site in `dir` is served at: `dir/agreements/x/index.html` is `/agreements/x/`. */
export function urlOf(dir: string, file: string): string {
  const relative = path.relative(dir, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Files read at once. Read all at once, the 33,000 pages of a large build failed with "too many
 * open files"; parsing, not reading, takes the time, so a few dozen reads keep the parser busy.
 */
const readsAtOnce = 64;

/** Every HTML page of the site built in `dir`, parsed, in the order of their files. */
export async function builtPages(dir: string): Promise<BuiltPage[]> {
  assertBuilt(dir);
  const files = await htmlFiles(dir);
  return pMap(files, async (file) => ({ url: urlOf(dir, file), file, document: parse(await readFile(file, 'utf8')) }), {
    concurrency: readsAtOnce,
  });
}

/** The file a site path is served from, as a static host resolves it (`/x/` is `x/index.html`), if any. */
export function fileFor(dir: string, pathname: string): string | undefined {
  const target = path.join(dir, decodeURIComponent(pathname));
  for (const candidate of [target, path.join(target, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

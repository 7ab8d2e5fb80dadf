import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A digest of a content file's text, which changes whenever the text does: the key of the file in
 * the check cache (so an edit always misses, whatever its time stamp) and in the build's store.
 */
export const digestOf = (extension: string, text: string): string =>
  createHash('sha256').update(extension).update('\0').update(text).digest('base64url');

/**
 * What `npm run check` remembers between runs: for each content file's text that was read
 * without a problem, by its digest, its YAML as plain data and what its body cites. Parsing YAML
 * and bodies is most of the cost of a check, and most runs see few changed files.
 */
export interface ParseCache {
  get(key: string): unknown;
  set(key: string, data: unknown): void;
}

/** A cache held in memory; `entries` are the ones used or added, for saving. */
export function memoryCache(initial: ReadonlyMap<string, unknown> = new Map()): ParseCache & {
  readonly used: ReadonlyMap<string, unknown>;
  readonly changed: () => boolean;
} {
  const used = new Map<string, unknown>();
  let added = 0;
  return {
    get(key) {
      const data = initial.get(key);
      if (data !== undefined) used.set(key, data);
      return data;
    },
    set(key, data) {
      // Only plain JSON survives the round trip unchanged; anything else is parsed every time.
      if (!isPlainJson(data)) return;
      used.set(key, data);
      added++;
    },
    used,
    changed: () => added > 0 || used.size !== initial.size,
  };
}

/** True for data that JSON stores and restores exactly: no dates, no infinities, no undefined. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).every(isPlainJson);
  return false;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A digest of the code whose result is cached (file reading, the MDX check, the parsers'
 * versions), so a change to any of them empties the cache rather than trusting old results.
 */
export function checkerVersion(): Promise<string> {
  codeVersion ??= digestCheckerCode();
  return codeVersion;
}

let codeVersion: Promise<string> | undefined;

async function digestCheckerCode(): Promise<string> {
  const hash = createHash('sha256');
  const folders = [here, path.join(here, '..', 'markdown')];
  for (const folder of folders) {
    for (const name of (await readdir(folder)).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(await readFile(path.join(folder, name)));
    }
  }
  hash.update(await readFile(path.join(here, '..', '..', 'package-lock.json')).catch(() => Buffer.from('')));
  return hash.digest('base64url');
}

/** Where the check keeps what it remembers: ACCORD_CHECK_CACHE_DIR, or a folder in node_modules. */
export const checkCacheDirectory = (): string =>
  process.env['ACCORD_CHECK_CACHE_DIR'] ?? 'node_modules/.cache/accord-atlas';

/** The cache file of one content folder. */
function cacheFile(directory: string, contentRoot: string): string {
  const name = createHash('sha256').update(path.resolve(contentRoot)).digest('base64url').slice(0, 16);
  return path.join(directory, `check-${name}.json`);
}

interface StoredCache {
  readonly version: string;
  readonly entries: Record<string, unknown>;
}

/** The check cache of one run: its entries, and how to write back the ones the run used. */
export interface CheckCacheRun {
  readonly cache: ParseCache;
  save(): Promise<void>;
  /**
   * The cache of the next run in the same process (`astro dev` after an edit): this run's
   * entries, without reading the file again. Saving it writes this run's changes too, when they
   * were not saved yet.
   */
  next(): CheckCacheRun;
}

function cacheRun(
  directory: string,
  file: string,
  version: string,
  initial: ReadonlyMap<string, unknown>,
  unsaved: boolean,
): CheckCacheRun {
  const cache = memoryCache(initial);
  let saved = false;
  const changed = (): boolean => !saved && (unsaved || cache.changed());
  return {
    cache,
    save: async () => {
      if (!changed()) return;
      await mkdir(directory, { recursive: true });
      const stored: StoredCache = { version, entries: Object.fromEntries(cache.used) };
      // Written aside and renamed, so a check stopped halfway never leaves half a cache.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(stored));
      await rename(temporary, file);
      saved = true;
    },
    next: () => cacheRun(directory, file, version, cache.used, changed()),
  };
}

/**
 * Opens the check cache of a content folder in `directory`; `save` writes back the entries this
 * run used, so the file never holds more than the catalogue. A missing, unreadable or outdated
 * file gives an empty cache.
 */
export async function openCheckCache(directory: string, contentRoot: string): Promise<CheckCacheRun> {
  const file = cacheFile(directory, contentRoot);
  const version = await checkerVersion();
  let initial = new Map<string, unknown>();
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredCache;
    if (stored.version === version) initial = new Map(Object.entries(stored.entries));
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  return cacheRun(directory, file, version, initial, false);
}

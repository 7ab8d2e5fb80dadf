import type { AstroIntegration } from 'astro';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultLocale, locales, localePrefix } from '../i18n/locales.ts';

const run = promisify(execFile);

/** Where the search index lives in the built site. */
const indexFolder = 'pagefind';

/**
 * The pages of each edition as a Pagefind glob: an edition under a prefix is its folder; the
 * default edition is everything else at the root.
 */
export async function editionGlobs(site: string): Promise<{ locale: string; glob: string }[]> {
  const prefixed = new Set<string>(locales.filter((locale) => locale !== defaultLocale));
  const top = await readdir(site, { withFileTypes: true });
  const rootParts = top
    .filter((entry) => entry.name !== indexFolder && !prefixed.has(entry.name))
    .flatMap((entry) =>
      entry.isDirectory() ? [`${entry.name}/**/*.html`] : entry.name.endsWith('.html') ? [entry.name] : [],
    );
  return locales.flatMap((locale) => {
    if (locale === defaultLocale) return rootParts.length > 0 ? [{ locale, glob: `{${rootParts.join(',')}}` }] : [];
    const folder = localePrefix(locale).slice(1);
    return existsSync(path.join(site, folder)) ? [{ locale, glob: `${folder}/**/*.html` }] : [];
  });
}

/** The index manifest Pagefind writes: one entry per language. */
interface PagefindEntry {
  readonly version: string;
  readonly languages: Record<string, unknown>;
  readonly include_characters: readonly string[];
}

/**
 * Builds the Pagefind search index of a built site in `site/pagefind/`; returns the pages read.
 *
 * Pagefind indexes on one core, and its index files are per language, so each edition is
 * indexed by a Pagefind process of its own, side by side, and the outputs are put together: the
 * files are the same, byte for byte, as one Pagefind run over the whole site (tested), and on
 * two cores the index takes about half the time.
 */
export async function buildSearchIndex(site: string): Promise<number> {
  const worker = fileURLToPath(new URL('./pagefind-edition.ts', import.meta.url));
  const scratch = await mkdtemp(path.join(tmpdir(), 'accord-pagefind-'));
  try {
    const editions = await editionGlobs(site);
    const parts = await Promise.all(
      editions.map(async ({ locale, glob }) => {
        const output = path.join(scratch, locale);
        const { stdout } = await run(process.execPath, [worker, site, glob, output], { maxBuffer: 1 << 24 }).catch(
          (error: { stderr?: string; message: string }) => {
            throw new Error(`The search index of the "${locale}" edition failed: ${error.stderr || error.message}`);
          },
        );
        const entry = JSON.parse(await readFile(path.join(output, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        return { locale, output, entry, pages: Number(stdout.trim().split('\n').at(-1)) };
      }),
    );
    const languages: Record<string, unknown> = {};
    for (const { locale, entry } of parts) {
      for (const [language, value] of Object.entries(entry.languages)) {
        if (language in languages)
          throw new Error(
            `Pages in the language "${language}" were found in more than one edition (the "${locale}" edition's among them): each page's <html lang> must be its edition's.`,
          );
        languages[language] = value;
      }
    }
    const target = path.join(site, indexFolder);
    await rm(target, { recursive: true, force: true });
    for (const { output } of parts) await cp(output, target, { recursive: true });
    const [first] = parts;
    if (first) {
      const merged: PagefindEntry = { ...first.entry, languages };
      await writeFile(path.join(target, 'pagefind-entry.json'), JSON.stringify(merged));
    }
    return parts.reduce((sum, part) => sum + part.pages, 0);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Whether the index is left to `npm run index-search` after `astro build` has exited. Pagefind's
 * memory then no longer adds to the build's: on a 10,000-entry catalogue the build holds about
 * 4 GiB when it finishes and Pagefind needs about 2 GiB more.
 */
export const separateSearchIndex = (): boolean => process.env['ACCORD_SEARCH_INDEX'] === 'separate';

/**
 * Builds the Pagefind search index over the finished site at the end of `astro build`, so the
 * one build command yields a searchable site. Reports the number of pages indexed and the time.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'accord-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (separateSearchIndex()) {
          logger.info('Search index left to `npm run index-search` (ACCORD_SEARCH_INDEX=separate).');
          return;
        }
        const started = performance.now();
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}

import type { AstroIntegration } from 'astro';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Formats a Pagefind error list for a thrown error. */
function failure(step: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** The folder of a built site that holds its search index. */
export const searchIndexFolder = 'pagefind';

/**
 * Builds the Pagefind search index of a built site in `site/pagefind/`; returns the pages indexed.
 * The index is written beside the last one and replaces it whole once complete: Pagefind names
 * its files by their content and never deletes one, so writing over the last index would leave
 * every file of a changed or removed page behind, and a site served meanwhile would mix both.
 */
export async function buildSearchIndex(site: string): Promise<number> {
  const folder = path.join(site, searchIndexFolder);
  const partial = `${folder}.partial`;
  const previous = `${folder}.previous`;
  // What a stopped run left.
  await Promise.all([partial, previous].map((leftover) => rm(leftover, { recursive: true, force: true })));
  // Each page's language comes from its <html lang>: Pagefind writes one index per language, and
  // the search page loads the index of its own.
  const { index, errors } = await createIndex({});
  if (!index) throw failure('start', errors);
  let pages: number;
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw failure('index the site', added.errors);
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw failure('write the index', written.errors);
    pages = added.page_count;
  } finally {
    await close();
  }
  await rename(folder, previous).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  });
  await rename(partial, folder);
  await rm(previous, { recursive: true, force: true });
  return pages;
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

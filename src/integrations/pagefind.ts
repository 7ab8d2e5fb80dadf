import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Formats a Pagefind error list for a thrown error. */
function failure(step: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** Builds the Pagefind search index of a built site in `site/pagefind/`; returns the pages indexed. */
export async function buildSearchIndex(site: string): Promise<number> {
  // Each page's language comes from its <html lang>: Pagefind writes one index per language, and
  // the search page loads the index of its own.
  const { index, errors } = await createIndex({});
  if (!index) throw failure('start', errors);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw failure('index the site', added.errors);
    const written = await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw failure('write the index', written.errors);
    return added.page_count;
  } finally {
    await close();
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

import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Formats a Pagefind error list for a thrown error. */
function failure(step: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Builds the Pagefind search index over the finished site at the end of `astro build`, so the
 * one build command yields a searchable site. Reports the number of pages indexed and the time.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'accord-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw failure('start', errors);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw failure('index the site', added.errors);
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length > 0) throw failure('write the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms.`);
        } finally {
          await close();
        }
      },
    },
  };
}

/**
 * `npm run index-search -- [--site DIR]`: builds the Pagefind search index of a built site (the
 * output folder, `dist/` unless ACCORD_OUT_DIR or --site says otherwise). `astro build` does this
 * itself unless ACCORD_SEARCH_INDEX=separate; run as its own step, Pagefind's memory does not add
 * to the build's.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
const site = path.resolve(values.site ?? process.env['ACCORD_OUT_DIR'] ?? 'dist');
const started = performance.now();
try {
  const pages = await buildSearchIndex(site);
  console.log(`Indexed ${pages} pages in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

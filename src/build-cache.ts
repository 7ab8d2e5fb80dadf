import path from 'node:path';

/**
 * Astro's cache folder (its content store and the pages of the last build): ACCORD_CACHE_DIR, as
 * CI, the deploy and the benchmark set it, or a folder in node_modules.
 */
export const astroCacheDir: string = process.env['ACCORD_CACHE_DIR'] ?? 'node_modules/.astro';

/**
 * The rendered body of the agreement stored under `digest` (its file's and the renderer's). The
 * content loader writes bodies here rather than into Astro's content store: the store is bundled
 * into the build as one JavaScript module, and at 10,000 agreements their HTML was most of its
 * 86 MB, compiled and held in memory on every build. A page reads only its own body.
 */
export const renderedBodyFile = (digest: string): string =>
  path.resolve(astroCacheDir, 'rendered-bodies', `${digest}.html`);

// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { readFormerIds } from './src/catalogue/former-ids.ts';
import { contentRoot } from './src/content-root.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { remarkSafeContent } from './src/markdown/safe-mdx.ts';

// The public address; set SITE_URL (and BASE_PATH for a sub-folder) when deploying elsewhere.
const site = process.env.SITE_URL ?? 'https://accord-atlas.github.io';
const base = process.env.BASE_PATH ?? '/';

// Pages that are not content of their own: the old addresses of renamed agreements (they
// redirect) and the not-found page. They stay out of the sitemap.
const notIndexed = new Set(
  [...(await readFormerIds(contentRoot)).map((id) => `agreements/${id}/`), '404/'].map(
    (path) => new URL(path, new URL(base.endsWith('/') ? base : `${base}/`, site)).href,
  ),
);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Markdown and MDX go through remark and rehype, so content plugins are ordinary unified
  // plugins that can be tested on their own. Contributed entries under the content folder are
  // checked for unsafe MDX (imports, expressions, scripts, unsafe URLs) while they are parsed,
  // before any of their code could run; pages under src/ keep full MDX.
  markdown: {
    processor: unified({ remarkPlugins: [[remarkSafeContent, { contentRoot }]] }),
  },
  integrations: [mdx(), sitemap({ filter: (page) => !notIndexed.has(page) }), pagefindIndex()],
  // Tests and the benchmark build other catalogues side by side without touching dist/.
  outDir: process.env.ACCORD_OUT_DIR ?? 'dist',
  cacheDir: process.env.ACCORD_CACHE_DIR ?? 'node_modules/.astro',
  build: {
    format: 'directory',
  },
});

// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { astroCacheDir } from './src/build-cache.ts';
import { readFormerIds } from './src/checker/former-ids.ts';
import { contentRoot } from './src/content-root.ts';
import { unwatchedFiles } from './src/dev-watch.ts';
import { cspDirectives, scriptSources, styleSources } from './src/content-security-policy.ts';
import { defaultLocale, locales } from './src/i18n/locales.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { sitemapAlternates } from './src/integrations/sitemap-alternates.ts';
import { staleOutput } from './src/integrations/stale-output.ts';
import { rehypeSafeContent, remarkSafeContent } from './src/markdown/safe-mdx.ts';

// The public address; set SITE_URL (and BASE_PATH for a sub-folder) when deploying elsewhere.
const site = process.env.SITE_URL ?? 'https://accord-atlas.github.io';
const base = process.env.BASE_PATH ?? '/';

// Pages that are not content of their own: the old addresses of renamed agreements (they
// redirect) and the not-found page, in every edition. They stay out of the sitemap.
const unindexedPaths = [...(await readFormerIds(contentRoot)).map((id) => `agreements/${id}/`), '404/'];
const siteRoot = new URL(base.endsWith('/') ? base : `${base}/`, site).href;
const notIndexed = new Set(
  locales
    .map((locale) => (locale === defaultLocale ? '' : `${locale}/`))
    .flatMap((prefix) => unindexedPaths.map((path) => prefix + path))
    .map((path) => new URL(path, siteRoot).href),
);

// The output folder, read here for `outDir` and for what `astro dev` leaves unwatched.
const outDir = process.env.ACCORD_OUT_DIR ?? 'dist';

// Built sites, caches and the benchmark's folder are not sources for `astro dev` to watch.
const notWatched = unwatchedFiles({
  content: contentRoot,
  unwatched: [outDir, astroCacheDir, '.bench', 'screenshots', 'coverage'],
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // English at the root, every other edition under its prefix with the same slugs (/ja/...).
  // Pages live under src/pages/[...lang]/ and list one path per edition.
  i18n: { locales: [...locales], defaultLocale, routing: { prefixDefaultLocale: false } },
  // Markdown and MDX go through remark and rehype, so content plugins are ordinary unified
  // plugins that can be tested on their own. Entries are never compiled here: the content loader
  // renders each body with these plugins (src/markdown/render.ts). Should an entry under the
  // content folder ever reach this compiler, the same checks refuse unsafe MDX (imports,
  // expressions, scripts, unsafe URLs) before any of its code could run; pages under src/ keep
  // full MDX.
  markdown: {
    processor: unified({
      remarkPlugins: [[remarkSafeContent, { contentRoot }]],
      // Code blocks of entries become escaped text, and their headings get ids of their own.
      rehypePlugins: [[rehypeSafeContent, { contentRoot }]],
      // Curly-quote conversion was a quarter of the build time at 1,000 entries (29.1 s -> 21.9 s
      // without it), and straight quotes in the text match what readers type into search.
      smartypants: false,
    }),
    // No highlighter: the site styles no tokens, and Prism turned code in a language it did not
    // know into live markup (issue 9). Entries' code blocks are plain escaped text.
    syntaxHighlight: false,
  },
  integrations: [
    mdx(),
    // Each page lists its other editions as hreflang alternates, and x-default points search
    // engines that match no edition to the English one. The sitemap lists this build's pages, not
    // what is on disk.
    sitemap(sitemapAlternates(siteRoot, notIndexed)),
    // After the sitemap, which would otherwise be swept and written again, and before the index, so
    // that the pages of removed entries are gone before Pagefind reads the folder.
    staleOutput(),
    pagefindIndex(),
  ],
  // Tests and the benchmark build other catalogues side by side without touching dist/.
  outDir,
  cacheDir: astroCacheDir,
  build: {
    format: 'directory',
  },
  experimental: {
    // A page whose cacheKey (src/catalogue/page-keys.ts) and code are unchanged since the last
    // build is copied from the cache in cacheDir, not rendered: a rebuild after one entry's edit
    // renders that entry's pages and the lists. Off when build.concurrency is above 1.
    incrementalBuild: true,
  },
  vite: {
    server: { watch: { ignored: [notWatched] } },
    // Scripts stay external files, never inlined: the page-weight gate recognises the one
    // allowed script on every page by its file, and the CSP allows scripts from 'self' only.
    build: {
      // The output folder is kept between builds and swept of what a build did not write
      // (src/integrations/stale-output.ts): emptying it cost more than the rest of a rebuild.
      emptyOutDir: false,
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro's own head-injection marker in every MDX module trips a bundler warning that
        // tells contributors nothing: https://github.com/withastro/astro/issues/18087
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // The policy and why each directive is there: src/content-security-policy.ts.
  security: {
    csp: {
      directives: [...cspDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
});

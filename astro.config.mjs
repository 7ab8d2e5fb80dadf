// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind.ts';

// The public address; set SITE_URL (and BASE_PATH for a sub-folder) when deploying elsewhere.
const site = process.env.SITE_URL ?? 'https://accord-atlas.github.io';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Markdown and MDX go through remark and rehype, so content plugins are ordinary unified
  // plugins that can be tested on their own.
  markdown: {
    processor: unified(),
  },
  integrations: [mdx(), pagefindIndex()],
  build: {
    format: 'directory',
  },
});

/**
 * A bare Astro site that renders the same bodies as plain Markdown: one content collection read by
 * Astro's own `glob()` loader (which renders each file once and keeps the HTML in its store), one
 * page per body, no layout, no checks, no other pages, no search index. It is the fastest Astro
 * goes on those bodies, the benchmark's yardstick for the site's own build.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';

const config = `export default { outDir: process.env.BARE_OUT_DIR, cacheDir: process.env.BARE_CACHE_DIR };\n`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { bodies: defineCollection({ loader: glob({ pattern: '*.md', base: './bodies' }) }) };
`;

const page = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('bodies')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><Content /></body></html>
`;

/** Writes the site into `folder`, with one Markdown file per body (`title` and text). */
export async function writeBareSite(
  folder: string,
  bodies: ReadonlyMap<string, { readonly title: string; readonly body: string }>,
): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.join(folder, 'bodies'), { recursive: true });
  await mkdir(path.join(folder, 'src', 'pages'), { recursive: true });
  await symlink(path.resolve('node_modules'), path.join(folder, 'node_modules'));
  await writeFile(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  await writeFile(path.join(folder, 'astro.config.mjs'), config);
  await writeFile(path.join(folder, 'src', 'content.config.ts'), contentConfig);
  await writeFile(path.join(folder, 'src', 'pages', '[id].astro'), page);
  // A bounded number of writes at a time: ten thousand at once would exhaust file handles.
  await pMap(
    bodies,
    ([id, { title, body }]) =>
      writeFile(path.join(folder, 'bodies', `${id}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`),
    { concurrency: 32 },
  );
}

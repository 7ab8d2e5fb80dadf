import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from './read-files.ts';

/**
 * The former ids of every agreement under `root`, read from the frontmatter alone. The site
 * configuration needs them before the content collections exist (to keep the old addresses out of
 * the sitemap); the content check validates them properly at the start of every build.
 */
export async function readFormerIds(root: string): Promise<string[]> {
  const folder = path.join(root, 'agreements');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx'));
  const lists = await Promise.all(
    files.map(async (name) => {
      const text = await readFile(path.join(folder, name), 'utf8');
      // Few entries were ever renamed: parse the YAML only of those that mention the field.
      if (!text.includes('formerIds')) return [];
      const frontmatter = splitFrontmatter(text);
      const data: unknown = frontmatter ? parse(frontmatter.yaml) : undefined;
      const former: unknown = data && typeof data === 'object' ? (data as Record<string, unknown>)['formerIds'] : [];
      return Array.isArray(former) ? former.filter((id): id is string => typeof id === 'string') : [];
    }),
  );
  return lists.flat().sort();
}

import { readFrontmatter } from './frontmatter.ts';
import { listContentFiles } from './list-files.ts';
import { readContentText } from './read-file.ts';
import { readStrictYaml } from './strict-yaml.ts';

/** A file's text as the check reads it, or undefined when reading it failed in any way. */
function readOrSkip(filePath: string): ReturnType<typeof readContentText> | undefined {
  try {
    return readContentText(filePath);
  } catch {
    return undefined;
  }
}

/**
 * The former ids of every agreement under `root`, read from the frontmatter alone. The site
 * configuration needs them before the content collections exist (to keep the old addresses out of
 * the sitemap). Files are listed and read as the check reads them (no symbolic links, the one
 * strict YAML parser), and a file that cannot be read is skipped without a word: the content
 * loader refuses it, with its problems, a moment later.
 */
export async function readFormerIds(root: string): Promise<string[]> {
  const { files } = await listContentFiles(root).catch(() => ({ files: [] }));
  const lists = files
    .filter((file) => file.collection === 'agreements')
    .map((file) => {
      const read = readOrSkip(file.filePath);
      // Few entries were ever renamed: parse the YAML only of those that mention the field.
      if (!read || !('text' in read) || !read.text.includes('formerIds')) return [];
      const split = readFrontmatter(read.text);
      const yaml = 'yaml' in split ? readStrictYaml(split.yaml) : undefined;
      const data = yaml && 'data' in yaml ? yaml.data : undefined;
      const former: unknown =
        data && typeof data === 'object' ? (data as Record<string, unknown>)['formerIds'] : undefined;
      return Array.isArray(former) ? former.filter((id): id is string => typeof id === 'string') : [];
    });
  return lists.flat().sort();
}

import type { FileProblem } from './read-file.ts';

/**
 * Splits an MDX file into its frontmatter and body, or says what is wrong with its frontmatter
 * block. The block opens with a first line `---` and closes with the next line `---` (spaces after
 * either are allowed); no other line in it may start with `---`, so that every reader of the file,
 * Astro's included, ends the block on the same line.
 */
export function readFrontmatter(
  text: string,
): { yaml: string; body: string; bodyOffset: number } | { problem: FileProblem } {
  const lines = text.split('\n');
  const marker = (line: string | undefined): boolean => line !== undefined && /^---[ \t]*\r?$/.test(line);
  if (!marker(lines[0])) {
    return {
      problem: {
        field: '',
        line: 1,
        message: 'has no frontmatter: the file must start with a line "---", the YAML fields, and another "---".',
      },
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.startsWith('---'));
  if (close === -1) {
    return {
      problem: {
        field: '',
        line: 1,
        message: 'has no end to its frontmatter.',
        hint: 'Add a line "---" after the last field.',
      },
    };
  }
  if (!marker(lines[close])) {
    return {
      problem: {
        field: '',
        line: close + 1,
        message: 'has a line starting with "---" inside its frontmatter.',
        hint: 'Close the frontmatter with a line holding only "---".',
      },
    };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    /** Lines before the body. */
    bodyOffset: close + 1,
  };
}

/** Splits an MDX file into frontmatter and body; undefined when its frontmatter block is not well formed. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const split = readFrontmatter(text);
  return 'problem' in split ? undefined : { yaml: split.yaml, body: split.body };
}

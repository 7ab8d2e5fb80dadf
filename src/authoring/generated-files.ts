/**
 * Everything `npm run schemas` writes: the JSON Schemas in `schemas/`, the field reference in
 * CONTRIBUTING.md and the editor settings that apply the schemas to the content files. Computed in
 * memory so a unit test can compare them with the committed files.
 */
import { readFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { fieldRows, fieldTable, replaceFieldSection } from './field-reference.ts';
import { inputJsonSchema, schemaFile, schemaTargets, toJsonSchema } from './json-schemas.ts';

export const contributingFile = 'CONTRIBUTING.md';

const editorSettingsFile = '.vscode/settings.json';

const headings = {
  agreement: 'Agreement frontmatter',
  agency: 'Agency',
  topic: 'Topic',
  person: 'Person',
} as const;

/** The field reference section: one table per kind of file. */
export function fieldReference(): string {
  return schemaTargets
    .map((target) =>
      [
        `### ${headings[target.name]} (\`${target.files}\`)`,
        `Schema: [\`${schemaFile(target.name)}\`](${schemaFile(target.name)}).`,
        fieldTable(fieldRows(inputJsonSchema(target))),
      ].join('\n\n'),
    )
    .join('\n\n');
}

/**
 * The editor settings: each YAML collection's files checked against its schema as they are typed.
 * The file patterns come from the table of collections, like the schemas' titles.
 */
function editorSettings(): string {
  const yamlSchemas = Object.fromEntries(
    schemaTargets
      .filter((target) => target.files.endsWith('.yaml'))
      .map((target) => [`./${schemaFile(target.name)}`, target.files]),
  );
  return [
    '{',
    '  // Written by `npm run schemas`. The YAML extension validates content data files against the',
    '  // schemas it writes. It does not read MDX frontmatter, so agreements are checked by',
    '  // `npm run check` instead.',
    `  "yaml.schemas": ${JSON.stringify(yamlSchemas)},`,
    '  "files.associations": { "*.mdx": "mdx" },',
    '  "editor.defaultFormatter": "esbenp.prettier-vscode",',
    '  "editor.formatOnSave": true',
    '}',
  ].join('\n');
}

/** Formats a generated file as Prettier would, so `npm run lint` accepts it unchanged. */
async function formatLike(file: string, text: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(text, { ...options, filepath: file });
}

/**
 * The generated files, by path relative to `root`, with their expected contents. CONTRIBUTING.md
 * is read from `root` and only its field section is replaced.
 */
export async function generatedFiles(root = '.'): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const target of schemaTargets) {
    const file = schemaFile(target.name);
    files.set(file, await formatLike(file, JSON.stringify(toJsonSchema(target), null, 2)));
  }
  const contributing = await readFile(`${root}/${contributingFile}`, 'utf8');
  files.set(contributingFile, await formatLike(contributingFile, replaceFieldSection(contributing, fieldReference())));
  files.set(editorSettingsFile, await formatLike(editorSettingsFile, editorSettings()));
  return files;
}

/**
 * The field reference in CONTRIBUTING.md, written from the JSON Schemas of the input (with each
 * field's description, guidance and values apart) so the prose a contributor reads is the schema
 * the checker applies.
 */
import { partialDatePattern } from '../schemas/date.ts';
import { idPattern, languagePattern } from '../schemas/common.ts';
import { longestListShown } from '../schemas/field-meta.ts';

type JsonObject = Record<string, unknown>;

/** One row of the reference: a field's path, whether it is required, what it accepts and why. */
export interface FieldRow {
  readonly field: string;
  readonly required: boolean;
  readonly accepts: string;
  readonly description: string;
}

const asObject = (value: unknown): JsonObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;

/** What a field accepts, in a few words: "date", "id", "one of: a, b", "list of ids". */
export function describeAccepted(schema: JsonObject): string {
  const values = schema['enum'];
  if (Array.isArray(values)) {
    return values.length > longestListShown
      ? 'country code'
      : `one of: ${values.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  if ('const' in schema) return `\`${JSON.stringify(schema['const'])}\``;
  const options = schema['anyOf'];
  if (Array.isArray(options)) {
    if (options.some((option) => asObject(option)?.['pattern'] === partialDatePattern.source))
      return 'date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`';
    // "`true` or `false` or `"unknown"`" reads better as a list: "`true`, `false` or `"unknown"`".
    return options
      .map((option) => describeAccepted(asObject(option) ?? {}))
      .join(' or ')
      .replace(/ or (?=.* or )/g, ', ');
  }
  const type = schema['type'];
  if (type === 'array') {
    const items = asObject(schema['items']) ?? {};
    const item = items['type'] === 'object' ? 'entries (below)' : `${describeAccepted(items)} values`;
    const least = typeof schema['minItems'] === 'number' ? `, at least ${schema['minItems']}` : '';
    return `list of ${item}${least}`;
  }
  if (type === 'string') {
    if (schema['pattern'] === idPattern.source) return 'id';
    if (schema['pattern'] === languagePattern.source) return 'language tag';
    if (schema['format'] === 'uri') return 'web address';
    if (typeof schema['maxLength'] === 'number') return `text, at most ${schema['maxLength']} characters`;
    return 'text';
  }
  if (type === 'integer') return 'whole number';
  if (type === 'boolean') return '`true` or `false`';
  if (type === 'object') return 'group of fields (below)';
  return typeof type === 'string' ? type : 'any';
}

/** What a field means and how to fill it in; its allowed values have the "accepts" column. */
function meaning(field: JsonObject): string {
  return [field['description'], field['guidance']].filter((part) => typeof part === 'string').join(' ');
}

/** Every field of a JSON Schema object, depth first, with `[]` marking list items. */
export function fieldRows(schema: JsonObject, prefix = ''): FieldRow[] {
  const properties = asObject(schema['properties']) ?? {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const rows: FieldRow[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const field = asObject(value) ?? {};
    const path = `${prefix}${name}`;
    rows.push({
      field: path,
      required: required.has(name),
      accepts: describeAccepted(field),
      description: meaning(field),
    });
    const items = asObject(field['items']);
    if (field['type'] === 'object') rows.push(...fieldRows(field, `${path}.`));
    else if (items?.['type'] === 'object') rows.push(...fieldRows(items, `${path}[].`));
  }
  return rows;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table of fields. */
export function fieldTable(rows: readonly FieldRow[]): string {
  const lines = ['| field | required | accepts | meaning |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(
      `| \`${row.field}\` | ${row.required ? 'yes' : 'no'} | ${cell(row.accepts)} | ${cell(row.description)} |`,
    );
  }
  return lines.join('\n');
}

export const fieldsStart = '<!-- fields:start -->';
export const fieldsEnd = '<!-- fields:end -->';

/** Replaces what lies between the field markers; throws when the markers are missing. */
export function replaceFieldSection(document: string, section: string): string {
  const start = document.indexOf(fieldsStart);
  const end = document.indexOf(fieldsEnd);
  if (start === -1 || end < start) throw new Error(`CONTRIBUTING.md needs the markers ${fieldsStart} and ${fieldsEnd}`);
  return `${document.slice(0, start + fieldsStart.length)}\n\n${section}\n\n${document.slice(end)}`;
}

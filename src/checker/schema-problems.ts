import type { z } from 'zod';
import { closestIds } from '../suggest.ts';
import { partyFieldFor } from './misplaced-keys.ts';
import { formatPath } from './problems.ts';
import type { FileProblem } from './read-file.ts';
import { lineOf, writtenAs, type YamlSource } from './yaml-positions.ts';

/** A file whose data a schema refused: its YAML (for lines) and its data. */
export interface RefusedFile extends YamlSource {
  readonly data: unknown;
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const fieldNameCache = new WeakMap<object, Set<string>>();

/** Every field name a schema accepts at any depth, for "did you mean" on a misspelt key. */
function fieldNames(schema: z.ZodType): Set<string> {
  const cached = fieldNameCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def['shape'];
    if (shape && typeof shape === 'object') {
      for (const [key, value] of Object.entries(shape)) {
        names.add(key);
        walk(value);
      }
    }
    for (const key of ['element', 'innerType', 'in', 'out', 'schema']) walk(def[key]);
    const options = def['options'];
    if (Array.isArray(options)) options.forEach(walk);
  };
  walk(schema);
  fieldNameCache.set(schema, names);
  return names;
}

/** Turns one Zod issue into a problem naming the field, the value found and what is allowed. */
export function problemFromIssue(file: RefusedFile, schema: z.ZodType, issue: z.core.$ZodIssue): FileProblem {
  const { data } = file;
  const line = lineOf(file, issue.path);
  const base = { field: formatPath(issue.path), ...(line ? { line } : {}) };
  if (issue.code === 'unrecognized_keys') {
    const inAgreement = issue.path.length === 0 && fieldNames(schema).has('parties');
    const names = [...fieldNames(schema)].map((id) => ({ id }));
    // One hint per key, since Zod reports all unknown keys of an object together.
    const hints = issue.keys.map((key) => {
      const misplaced = inAgreement ? partyFieldFor(key) : undefined;
      if (misplaced) return `"${key}" is recorded per party: use \`${misplaced}\`.`;
      const [closest] = closestIds(key, names, 1);
      return closest ? `Did you mean "${closest}"?` : undefined;
    });
    const keyLine = lineOf(file, [...issue.path, issue.keys[0] ?? '']) ?? line;
    const known = hints.filter((hint) => hint !== undefined);
    return {
      ...base,
      field: issue.keys.map((key) => formatPath([...issue.path, key])).join(', '),
      ...(keyLine ? { line: keyLine } : {}),
      message: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: this field is not part of the schema.`,
      hint: known.length > 0 ? known.join(' ') : 'Check the field reference in CONTRIBUTING.md, or remove it.',
    };
  }
  const found = valueAt(data, issue.path);
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => `"${String(value)}"`);
    const closest = closestIds(
      String(found),
      issue.values.map((value) => ({ id: String(value) })),
      1,
    );
    return {
      ...base,
      message: `found ${describeValue(found)}; allowed: ${allowed.join(', ')}.`,
      ...(closest[0] ? { hint: `Did you mean "${closest[0]}"?` } : {}),
    };
  }
  if (found === undefined && issue.code === 'invalid_type') {
    return { ...base, message: `is required and missing (${issue.message}).` };
  }
  const written = writtenAs(file, issue.path, found);
  if (written !== undefined) {
    return {
      ...base,
      message: `found ${written}, which YAML reads as the ${typeof found === 'number' ? 'number' : 'value'} ${describeValue(found)}: ${issue.message}.`,
      hint: /must be a date/.test(issue.message)
        ? 'Write a real date, only as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD, such as 2026-11-01.'
        : 'Put the value in quotes if it is text.',
    };
  }
  return { ...base, message: `found ${describeValue(found)}: ${issue.message}.` };
}

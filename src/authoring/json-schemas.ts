/**
 * JSON Schemas for editors, generated from the Zod schemas so the two never disagree. Zod validates
 * what a contributor writes (its input), so the JSON Schemas describe the input side: dates as text
 * or a bare year, `binding` as true, false or "unknown", lists that default to empty as optional.
 */
import { z } from 'zod';
import { collectionGlob, collectionNames, collections, type EntryName } from '../collections.ts';
import { countryCodes, countryCodeSchema } from '../schemas/common.ts';
import { partialDatePattern } from '../schemas/date.ts';
import { termSchema } from '../schemas/agreement.ts';
import { longestListShown, withValues } from '../schemas/field-meta.ts';

/** One generated schema: the collection it describes, where its files live and its file name. */
export interface SchemaTarget {
  readonly name: EntryName;
  /** The files it applies to, relative to the repository root. */
  readonly files: string;
  readonly schema: z.ZodType;
}

export const schemaTargets: readonly SchemaTarget[] = collectionNames.map((collection) => ({
  name: collections[collection].entry,
  files: collectionGlob(collection),
  schema: collections[collection].schema,
}));

/** The path of a generated schema file, relative to the repository root. */
export const schemaFile = (name: SchemaTarget['name']): string => `schemas/${name}.schema.json`;

type JsonObject = Record<string, unknown>;

/** True when `schema` is `base` or a copy of it made by `.describe()` or `.meta()`. */
function derivesFrom(schema: unknown, base: z.ZodType): boolean {
  for (
    let node = schema as { _zod?: { parent?: unknown } } | undefined;
    node;
    node = node._zod?.parent as typeof node
  ) {
    if (node === base) return true;
  }
  return false;
}

/**
 * Fills in what a refinement or preprocessing step checks but JSON Schema cannot see: the country
 * list (a refinement against the country library), the bare-year form YAML gives an unquoted
 * `2022`, and the term's "years, months or both".
 */
function describeRefinements(context: { zodSchema: unknown; jsonSchema: JsonObject }): void {
  const { zodSchema, jsonSchema } = context;
  const shape = (zodSchema as { _zod?: { def?: { type?: string; shape?: Record<string, z.ZodType> } } })._zod?.def;
  if (shape?.type === 'object' && shape.shape) {
    // A preprocessed field (a date) accepts any input type, so Zod calls it optional; a field is
    // required exactly when leaving it out fails.
    const required = Object.entries(shape.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([key]) => key);
    if (required.length > 0) jsonSchema['required'] = required;
    else delete jsonSchema['required'];
  }
  if (derivesFrom(zodSchema, countryCodeSchema)) {
    jsonSchema['enum'] = [...countryCodes];
  }
  if (derivesFrom(zodSchema, termSchema)) {
    jsonSchema['minProperties'] = 1;
  }
  if (jsonSchema['type'] === 'string' && jsonSchema['pattern'] === partialDatePattern.source) {
    delete jsonSchema['type'];
    delete jsonSchema['pattern'];
    jsonSchema['anyOf'] = [
      { type: 'string', pattern: partialDatePattern.source },
      { type: 'integer', minimum: 1000, maximum: 9999 },
    ];
  }
}

/**
 * The JSON Schema of one collection's input, with each field's parts apart as the schema gives
 * them (`description`, `guidance`, `enum`): the field reference lays them out in its own columns.
 */
export function inputJsonSchema(target: SchemaTarget): JsonObject {
  const generated = z.toJSONSchema(target.schema, {
    io: 'input',
    // Refinements and transforms have no JSON Schema form; the Zod schema still checks them.
    unrepresentable: 'any',
    override: (context) => describeRefinements(context as unknown as { zodSchema: unknown; jsonSchema: JsonObject }),
  }) as JsonObject;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Accord Atlas ${target.name} (${target.files})`,
    ...rest,
  };
}

const asObject = (value: unknown): JsonObject | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;

/**
 * Folds a node's parts into the one description an editor shows on hover: the description, the
 * allowed values when a list is short enough to read, then the guidance. Done on the finished
 * JSON Schema rather than in Zod's `override`, which visits a wrapped field (`.optional()`) once
 * per wrapper and would add the values twice.
 */
function describeForEditors(node: JsonObject): void {
  const { description, guidance, enum: values } = node;
  const parts = [
    typeof description === 'string' && Array.isArray(values) && values.length <= longestListShown
      ? withValues(description, values)
      : description,
    guidance,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length > 0) node['description'] = parts.join(' ');
  delete node['guidance'];
  const children = [
    ...Object.values(asObject(node['properties']) ?? {}),
    node['items'],
    node['additionalProperties'],
    ...(Array.isArray(node['anyOf']) ? node['anyOf'] : []),
  ];
  for (const child of children) {
    const schema = asObject(child);
    if (schema) describeForEditors(schema);
  }
}

/** The JSON Schema of one collection's input as editors use it: one description per field. */
export function toJsonSchema(target: SchemaTarget): JsonObject {
  const schema = inputJsonSchema(target);
  describeForEditors(schema);
  return schema;
}

import { useStrings } from '../i18n/index.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { agreementColumns, type AgreementColumn, type ComposedColumn, type CsvColumn } from './csv.ts';
import { catalogueJsonSchema } from './schema.ts';

/** One documented field of a JSON document. */
export interface FieldDescription {
  /** Where the field is: `agreements[].parties[].country`. */
  readonly path: string;
  /** Its JSON type, with the format or the allowed values where the schema gives them. */
  readonly type: string;
  readonly description: string;
  readonly required: boolean;
}

interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' | ');
  const type = typeof node.type === 'string' ? node.type : (node.type?.join(' | ') ?? 'any');
  if (type === 'array' && node.items) return `array of ${typeOf(node.items)}`;
  return node.format ? `${type} (${node.format})` : type;
}

/**
 * Lists every field of a JSON Schema, depth first, with its description: the data dictionary is
 * read from the same schema that validates the data, so the two cannot drift apart.
 */
export function describeFields(schema: JsonSchemaNode, prefix = ''): FieldDescription[] {
  const fields: FieldDescription[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, node] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    fields.push({ path, type: typeOf(node), description: node.description ?? '', required: required.has(name) });
    if (node.properties) fields.push(...describeFields(node, path));
    if (node.items?.properties) fields.push(...describeFields(node.items, `${path}[]`));
  }
  return fields;
}

/**
 * Every field of `catalogue.json` with its meaning in an edition: in English the schema's own
 * description, in any other the edition's dictionary (`data.fields`, by path). Throws when the
 * dictionary lacks a field, naming it, so an edition never shows a field unexplained.
 */
export function catalogueFields(locale: Locale): FieldDescription[] {
  const fields = describeFields(catalogueJsonSchema(''));
  if (locale === defaultLocale) return fields;
  const { t } = useStrings(locale);
  return fields.map((field) => {
    const description = t.data.fields[field.path];
    if (!description)
      throw new Error(
        `src/i18n/${locale}.ts: data.fields has no meaning for "${field.path}", a field of catalogue.json; add one, translating "${field.description}"`,
      );
    return { ...field, description };
  });
}

/** One column of `agreements.csv` as the data dictionary shows it. */
export interface ColumnDescription {
  readonly header: string;
  readonly description: string;
}

/** True for a column the dictionaries describe, because it holds no single field as it is. */
const isComposed = (key: AgreementColumn): key is ComposedColumn =>
  (agreementColumns[key] as CsvColumn).field === undefined;

/**
 * The columns of `agreements.csv` with their meaning in an edition: a column that holds one field
 * of an agreement means what that field means; the others are described by the dictionary.
 */
export function csvColumns(locale: Locale): ColumnDescription[] {
  const { t } = useStrings(locale);
  const meanings = new Map(catalogueFields(locale).map((field) => [field.path, field.description]));
  return (Object.keys(agreementColumns) as AgreementColumn[]).map((key) => {
    const column: CsvColumn = agreementColumns[key];
    const description = isComposed(key) ? t.data.columns[key] : meanings.get(`agreements[].${column.field}`);
    if (description === undefined)
      throw new Error(`agreementColumns.${key}: "agreements[].${column.field}" is no field of catalogue.json`);
    return { header: column.header, description };
  });
}

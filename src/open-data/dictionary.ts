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

import type { z } from 'zod';

/**
 * What a field means is written once, at its schema, as Zod metadata: `description` says what the
 * field holds, in words that suit a contributor and a reader of the open data alike; `guidance`,
 * for contributors only, says how to fill it in (its form, an example, what the check requires).
 * The allowed values of a vocabulary stay in the enum. Each place that shows a field formats these
 * parts for itself: the editors' JSON Schemas and the field reference in CONTRIBUTING.md
 * (`src/authoring/`), the open data's JSON Schema and data dictionary (`src/open-data/schema.ts`,
 * through `meaningOf`).
 */
declare module 'zod' {
  interface GlobalMeta {
    /** For contributors only: how to fill the field in, shown after its description. */
    guidance?: string;
  }
}

/**
 * Lists longer than this are named rather than spelt out (the 270-odd country and organisation
 * codes); the longest vocabulary, the kinds of instrument, has 16 values.
 */
export const longestListShown = 40;

/** A description followed by the values a field allows: "What happened: signed, visit." */
export function withValues(description: string, values: readonly unknown[]): string {
  return `${description.replace(/\.$/, '')}: ${values.map(String).join(', ')}.`;
}

/** The schema a wrapper (`.optional()`, `.default()`, a preprocessing step) holds, if any. */
function innerOf(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  return def.innerType ?? def.in;
}

/**
 * The description of a content field, for a field of the open data that holds the same fact:
 * `.meta(meaningOf(agreementSchema.shape.title))`. Guidance stays behind, since it speaks to
 * contributors. Throws for a field without a description, so a derived one is never empty.
 */
export function meaningOf(field: z.ZodType): { description: string } {
  for (let node: z.ZodType | undefined = field; node; node = innerOf(node)) {
    const description = node.meta()?.description;
    if (description) return { description };
  }
  throw new Error('meaningOf: the field has no description; give it one with .describe() or .meta()');
}

import { z } from 'zod';
import { idSchema, languageSchema, textSchema, urlSchema } from './common.ts';
import { partialDateSchema } from './date.ts';

/** A public document that supports the facts of an entry. */
export const sourceSchema = z
  .strictObject({
    /** A short id, unique within the entry, by which facts, events, readings and the body cite this source. */
    id: idSchema.describe(
      'Short id, unique within the entry, by which facts (`cite`, `sources`), events, readings and `<Cite>` in the body name this source (for example "computer-weekly-2022").',
    ),
    /** Where the document is published. */
    url: urlSchema.describe('The full address of the document, starting with https:// (http:// is refused).'),
    /** The document's own title, as published. */
    title: textSchema.describe("The document's title as published."),
    /** Who published it: a government department, a news outlet. */
    publisher: textSchema.describe('Who published it, for example "Digital Agency" or "Computer Weekly".'),
    /** When it was published, as precisely as the document says. */
    published: partialDateSchema.optional().describe('When it was published, only as precisely as the document says.'),
    /** The document's language. */
    language: languageSchema,
  })
  .describe('A public document that supports facts in the entry.');

export type Source = z.output<typeof sourceSchema>;

/**
 * A public page that states the name of an agency or a person, in their own file: usually the
 * source of the agreement that brought them into the catalogue.
 */
export const nameSourceSchema = z
  .strictObject({
    url: urlSchema.describe('The address of a public page that states the name, starting with https://.'),
    title: textSchema.describe("The page's title as published."),
    publisher: textSchema.describe('Who published it.'),
  })
  .describe('A public page that states the name.');

export type NameSource = z.output<typeof nameSourceSchema>;

import { z } from 'zod';
import { idSchema, languageSchema, textSchema, urlSchema } from './common.ts';
import { partialDateSchema } from './date.ts';

/** A public document that supports the facts of an entry. */
export const sourceSchema = z
  .strictObject({
    /** A short id, unique within the entry, that events use to cite this source. */
    id: idSchema.describe('Short id, unique within the entry, that events cite (for example "computer-weekly-2022").'),
    /** Where the document is published. */
    url: urlSchema.describe(
      'The full address of the document, starting with https:// (or http:// where the publisher has no secure address).',
    ),
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

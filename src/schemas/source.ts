import { z } from 'zod';
import { idSchema, languageSchema, textSchema, urlSchema } from './common.ts';
import { partialDateSchema } from './date.ts';

/** A public document that supports the facts of an entry. */
export const sourceSchema = z
  .strictObject({
    id: idSchema.meta({
      description: 'Id of the source within the entry.',
      guidance:
        'Short and unique within the entry: facts (`cite`, `sources`), events, readings and `<Cite>` in the body name the source by it, for example "computer-weekly-2022".',
    }),
    url: urlSchema.meta({
      description: 'Where the document is published.',
      guidance: 'Its full address, starting with https:// (http:// is refused).',
    }),
    title: textSchema.describe('The document’s title as published.'),
    publisher: textSchema.meta({
      description: 'Who published it.',
      guidance: 'For example "Digital Agency" or "Computer Weekly".',
    }),
    published: partialDateSchema.optional().describe('When it was published, only as precisely as the document says.'),
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
    url: urlSchema.meta({
      description: 'The page’s address.',
      guidance: 'The page must be public and state the name; its address starts with https://.',
    }),
    title: textSchema.describe('Its title as published.'),
    publisher: textSchema.describe('Who published it.'),
  })
  .describe('A public page that states the name.');

export type NameSource = z.output<typeof nameSourceSchema>;

/** Kana only: hiragana, katakana, the long-vowel mark and spaces. */
const kanaPattern = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ \u3000]+$/u;

/**
 * A Japanese name, with the Japanese page that gives it. The reading (in kana) is for sorting
 * names written in kanji, as Japanese lists sort by reading; leave it out for kana names.
 */
export const japaneseNameSchema = z
  .strictObject({
    text: textSchema.meta({
      description: 'The name as the Japanese page writes it.',
      guidance: 'For example "デジタル庁".',
    }),
    reading: z
      .string()
      .regex(kanaPattern, 'must be kana (hiragana or katakana), for example "でじたるちょう"')
      .optional()
      .meta({ description: 'Its reading in kana, for sorting.', guidance: 'Only for names with kanji.' }),
    source: nameSourceSchema.meta({
      description: 'The Japanese page.',
      guidance: 'A public page in Japanese that gives the name as `text` writes it.',
    }),
  })
  .describe('The Japanese name, where a Japanese source gives one.');

import { z } from 'zod';
import { countryCodeSchema, textSchema } from './common.ts';
import { japaneseNameSchema, nameSourceSchema } from './source.ts';

/** Someone who signed or took part in an agreement, `content/people/<id>.yaml`. */
export const personSchema = z
  .strictObject({
    name: textSchema.meta({
      description: 'The name as commonly written in English sources.',
      guidance:
        'Write it in full, as the English sources of their government do: Japanese, Chinese and Korean names family name first ("Kono Taro"), others as their government writes them. Never a surname alone.',
    }),
    nameJa: japaneseNameSchema.optional(),
    country: countryCodeSchema.optional().meta({
      description: 'The country the person acted for.',
      guidance: 'An ISO 3166-1 alpha-2 code in upper case, such as "JP".',
    }),
    sources: z
      .array(nameSourceSchema)
      .optional()
      .describe('Public pages that state the name, usually the source of the agreement that brought them in.'),
  })
  .describe('A person named by a source as signing or taking part.');

export type PersonData = z.output<typeof personSchema>;

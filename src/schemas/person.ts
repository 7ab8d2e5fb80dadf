import { z } from 'zod';
import { countryCodeSchema, textSchema } from './common.ts';
import { nameSourceSchema } from './source.ts';

/** Someone who signed or took part in an agreement, `content/people/<id>.yaml`. */
export const personSchema = z
  .strictObject({
    name: textSchema.describe(
      'The full name as the English sources of their government write it: Japanese, Chinese and Korean names family name first ("Kono Taro"), others as their government writes them. Never a surname alone.',
    ),
    country: countryCodeSchema
      .optional()
      .describe('The country the person acted for, as an ISO 3166-1 alpha-2 code such as "JP".'),
    sources: z
      .array(nameSourceSchema)
      .optional()
      .describe('Public pages that state the name, usually the source of the agreement that brought them in.'),
  })
  .describe('A person named by a source as signing or taking part.');

export type PersonData = z.output<typeof personSchema>;

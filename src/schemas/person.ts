import { z } from 'zod';
import { countryCodeSchema, textSchema } from './common.ts';

/** Someone who signed or took part in an agreement, `content/people/<id>.yaml`. */
export const personSchema = z
  .strictObject({
    name: textSchema.describe('The name as commonly written in English sources, for example "Kono Taro".'),
    country: countryCodeSchema
      .optional()
      .describe('The country the person acted for, as an ISO 3166-1 alpha-2 code such as "JP".'),
  })
  .describe('A person named by a source as signing or taking part.');

export type PersonData = z.output<typeof personSchema>;

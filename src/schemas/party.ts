import { z } from 'zod';
import { countryCodeSchema, idSchema, textSchema } from './common.ts';

/** A person who signed or took part, with the office they held at that moment. */
export const personRoleSchema = z
  .strictObject({
    /** The person's id in `content/people/`. */
    person: idSchema.describe('Id of the person in content/people/.'),
    /** The office they held at the time, as the source names it. */
    role: textSchema
      .optional()
      .describe(
        'The office they held at the time, as a source names it, for example "Minister for Digital". Leave out when no source says.',
      ),
  })
  .describe('A person and the role they held at the time.');

export type PersonRole = z.output<typeof personRoleSchema>;

/** One side of an agreement: a country (or the EU) and who acted for it. */
export const partySchema = z
  .strictObject({
    /** ISO 3166-1 alpha-2 code of the country, or EU. */
    country: countryCodeSchema,
    /** Ids of the agencies that act for this party, in `content/agencies/`. */
    agencies: z.array(idSchema).default([]).describe('Ids of the agencies acting for this party.'),
    /** Who signed for this party, where a source names them. */
    signatories: z
      .array(personRoleSchema)
      .default([])
      .describe('Who signed for this party, only where a source says so.'),
    /** Who took part without signing: witnesses, delegation leads, ministers attending remotely. */
    participants: z
      .array(personRoleSchema)
      .default([])
      .describe('Who took part in the signing without signing: witnesses, delegations.'),
  })
  .describe('A party to the agreement: a country and the agencies and people acting for it.');

export type Party = z.output<typeof partySchema>;

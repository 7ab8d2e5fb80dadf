import { z } from 'zod';
import { countryCodeSchema, idSchema, sourceIdsSchema, textSchema } from './common.ts';
import { partialDateSchema } from './date.ts';

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
    /** The sources that say this person signed (or took part) in this role. Required by the check. */
    sources: sourceIdsSchema
      .optional()
      .describe(
        "Ids of the entry's sources that name this person in this capacity (and role), for example [moc-text]. Required.",
      ),
  })
  .describe('A person and the role they held at the time.');

export type PersonRole = z.output<typeof personRoleSchema>;

/** One side of an agreement: a country (or an organisation) and who acted for it. */
export const partySchema = z
  .strictObject({
    /** ISO 3166-1 alpha-2 code of the country, or an organisation code such as EU. */
    country: countryCodeSchema,
    /** Ids of the agencies that act for this party, in `content/agencies/`. */
    agencies: z.array(idSchema).default([]).describe('Ids of the agencies acting for this party.'),
    /** The sources that state this party (with these agencies) is a party. Required by the check. */
    sources: sourceIdsSchema
      .optional()
      .describe(
        "Ids of the entry's sources that name this party, with its agencies, as a party (and the date it joined, if given). Required.",
      ),
    /** For a party that joined after the first signing (an accession): when, as precisely as a source says. */
    joined: partialDateSchema
      .optional()
      .describe(
        'When this party joined, for a party that joined after the first signing (an accession); supported by the party’s sources.',
      ),
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
  .describe('A party to the agreement: a country or organisation and the agencies and people acting for it.');

export type Party = z.output<typeof partySchema>;

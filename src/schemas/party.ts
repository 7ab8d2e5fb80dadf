import { z } from 'zod';
import { countryCodeSchema, idSchema, sourceIdsSchema, textSchema } from './common.ts';
import { partialDateSchema } from './date.ts';

/** A person who signed or took part, with the office they held at that moment. */
export const personRoleSchema = z
  .strictObject({
    person: idSchema.describe('Id of the person in content/people/.'),
    role: textSchema.optional().meta({
      description: 'The office they held at the time, where a source names it.',
      guidance: 'For example "Minister for Digital". Leave it out when no source says.',
    }),
    sources: sourceIdsSchema.optional().meta({
      description: 'Ids of the sources that name this person in this capacity and role.',
      guidance: 'For example [moc-text]. Required by the check.',
    }),
  })
  .describe('A person and the role they held at the time.');

export type PersonRole = z.output<typeof personRoleSchema>;

/** One side of an agreement: a country (or an organisation) and who acted for it. */
export const partySchema = z
  .strictObject({
    country: countryCodeSchema,
    agencies: z.array(idSchema).default([]).meta({
      description: 'The agencies acting for this party.',
      guidance: 'Ids of agencies in content/agencies/.',
    }),
    sources: sourceIdsSchema.optional().meta({
      description: 'Ids of the sources that name this party, with its agencies, as a party.',
      guidance: 'They give the date it joined too, if one is given. Required by the check.',
    }),
    joined: partialDateSchema.optional().meta({
      description: 'When the party joined, for one that joined after the first signing.',
      guidance: 'An accession: the party’s sources give the date, as precisely as they say.',
    }),
    signatories: z
      .array(personRoleSchema)
      .default([])
      .describe('Who signed for this party, where a source names them.'),
    participants: z.array(personRoleSchema).default([]).meta({
      description: 'Who took part without signing.',
      guidance: 'Witnesses, delegation leads, ministers attending remotely.',
    }),
  })
  .describe('A party to the agreement: a country or organisation and the agencies and people acting for it.');

export type Party = z.output<typeof partySchema>;

import { z } from 'zod';
import { agencyKinds } from '../vocabulary.ts';
import { countryCodeSchema, idSchema, textSchema, urlSchema } from './common.ts';
import { japaneseNameSchema, nameSourceSchema } from './source.ts';

/** A government body that signs or acts under agreements, `content/agencies/<id>.yaml`. */
export const agencySchema = z
  .strictObject({
    name: textSchema.meta({ description: 'The English name.', guidance: 'As the body writes it.' }),
    nameJa: japaneseNameSchema.optional(),
    acronym: textSchema.optional().meta({ description: 'The usual short form.', guidance: 'For example "GDS".' }),
    country: countryCodeSchema.meta({
      description: 'The country the body belongs to; for a body of an international organisation, the organisation.',
      guidance: 'An ISO 3166-1 alpha-2 code in upper case, such as "JP", or an organisation’s code, such as "EU".',
    }),
    kind: z.enum(agencyKinds).describe('What sort of body.'),
    parent: idSchema.optional().describe('Id of the body it belongs to.'),
    website: urlSchema
      .optional()
      .meta({ description: 'Its website.', guidance: 'The official one, starting with https://.' }),
    description: textSchema.meta({ description: 'What the body does.', guidance: 'One or two sentences.' }),
    sources: z
      .array(nameSourceSchema)
      .optional()
      .describe('Public pages that state the name, usually the source of the agreement that brought it in.'),
  })
  .describe('A government body, agency or ministry, or a company or foundation acting beside governments.');

export type AgencyData = z.output<typeof agencySchema>;

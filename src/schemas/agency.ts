import { z } from 'zod';
import { agencyKinds } from '../vocabulary.ts';
import { countryCodeSchema, idSchema, textSchema, urlSchema } from './common.ts';
import { nameSourceSchema } from './source.ts';

/** A government body that signs or acts under agreements, `content/agencies/<id>.yaml`. */
export const agencySchema = z
  .strictObject({
    name: textSchema.describe('The English name, as the body writes it.'),
    acronym: textSchema.optional().describe('The usual short form, for example "GDS".'),
    country: countryCodeSchema.describe(
      'The country the body belongs to, as an ISO 3166-1 alpha-2 code such as "JP"; for a body of an international organisation, its code, such as "EU".',
    ),
    kind: z.enum(agencyKinds).describe(`What sort of body: ${agencyKinds.join(', ')}.`),
    parent: idSchema.optional().describe('Id of the body it belongs to, if any.'),
    website: urlSchema.optional().describe("The body's official website, starting with https://."),
    description: textSchema.describe('One or two sentences on what the body does.'),
    sources: z
      .array(nameSourceSchema)
      .optional()
      .describe('Public pages that state the name, usually the source of the agreement that brought it in.'),
  })
  .describe('A government body, agency or ministry, or a company or foundation acting beside governments.');

export type AgencyData = z.output<typeof agencySchema>;

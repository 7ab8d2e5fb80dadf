import { z } from 'zod';
import { agreementKinds, agreementStatuses, eventKinds, relationKinds } from '../vocabulary.ts';
import { countryCodeSchema, idSchema, textSchema } from './common.ts';
import { partialDateSchema } from './date.ts';
import { partySchema } from './party.ts';
import { sourceSchema } from './source.ts';

/** A fixed duration, such as a three-year term. */
export const termSchema = z
  .strictObject({
    years: z.int().positive().optional().describe('Whole years of the term, as the source states them.'),
    months: z.int().positive().optional().describe('Months of the term, alone or on top of the years.'),
  })
  .refine((term) => term.years !== undefined || term.months !== undefined, 'give years, months or both')
  .describe('A fixed term, for example { years: 3 }.');

export type Term = z.output<typeof termSchema>;

/** A dated milestone, each with its own source. */
export const eventSchema = z
  .strictObject({
    date: partialDateSchema,
    kind: z.enum(eventKinds).describe(`What happened: ${eventKinds.join(', ')}.`),
    /** A short description in our own words. */
    title: textSchema.describe('What happened, in a short phrase of our own words.'),
    /** Where it happened, if a source says. */
    place: textSchema.optional().describe('Where it happened, if a source says.'),
    /** The id of one of this entry's `sources` that reports the event. */
    source: idSchema.describe("Id of the entry's source that reports this event."),
    /** Set when the event falls outside the agreement's life on purpose (an announcement before signing). */
    outsideTerm: z
      .boolean()
      .default(false)
      .describe(
        'True when the event lies outside the agreement’s life on purpose, for example an announcement before signing.',
      ),
  })
  .describe('A dated milestone with its source.');

export type AgreementEvent = z.output<typeof eventSchema>;

/** A link to another agreement. */
export const relationSchema = z
  .strictObject({
    agreement: idSchema.describe('Id of the related agreement.'),
    relation: z.enum(relationKinds).describe(`How this entry relates to it: ${relationKinds.join(', ')}.`),
  })
  .describe('A relation from this agreement to another one.');

export type Relation = z.output<typeof relationSchema>;

/** Where an agreement was signed. */
export const placeSchema = z
  .strictObject({
    city: textSchema.describe('The city, as the source names it.'),
    country: countryCodeSchema,
  })
  .describe('Where the agreement was signed.');

/**
 * Frontmatter of an agreement, `content/agreements/<id>.mdx`. The body, in MDX, describes what was
 * agreed, in our own words.
 */
export const agreementSchema = z
  .strictObject({
    title: textSchema.describe('The full title, as the parties or the main source give it.'),
    shortTitle: textSchema.optional().describe('A short name for lists and cards.'),
    aliases: z.array(textSchema).default([]).describe('Other names people search for.'),
    kind: z.enum(agreementKinds).describe(`The kind of instrument: ${agreementKinds.join(', ')}.`),
    binding: z
      .union([z.boolean(), z.literal('unknown')], { error: 'must be true, false or "unknown"' })
      .transform((value) => (value === 'unknown' ? 'unknown' : value ? 'yes' : 'no'))
      .describe('Whether the instrument is legally binding: true, false or "unknown".'),
    parties: z
      .array(partySchema)
      .min(2, 'an agreement needs at least two parties')
      .describe('The parties, two or more.'),
    signed: partialDateSchema.describe(
      'When it was signed; for a joint statement, when it was issued; for an announcement, when it was announced.',
    ),
    inForce: partialDateSchema.optional().describe('When it entered into force, if a source says.'),
    expires: partialDateSchema.optional().describe('When it expires, if a source says.'),
    term: termSchema.optional(),
    place: placeSchema.optional(),
    status: z.enum(agreementStatuses).describe(`Where it stands: ${agreementStatuses.join(', ')}.`),
    topics: z.array(idSchema).min(1, 'give at least one topic').describe('Ids of topics in content/topics/.'),
    summary: textSchema
      .max(320, 'keep the summary to one or two sentences (320 characters at most)')
      .describe('One or two sentences, shown on cards and in search results.'),
    sources: z
      .array(sourceSchema)
      .min(1, 'cite at least one source')
      .describe('The public documents the entry rests on.'),
    events: z.array(eventSchema).default([]).describe('Dated milestones, each with its source.'),
    related: z.array(relationSchema).default([]).describe('Relations to other agreements.'),
    verified: partialDateSchema.describe('The day the entry was last checked against its sources (YYYY-MM-DD).'),
    /** Ids this entry had before it was renamed; their old addresses keep working as redirects. */
    formerIds: z
      .array(idSchema)
      .default([])
      .describe(
        'Ids (file names) this entry had before it was renamed. The old pages redirect here, so links and citations keep working. Never reuse one for another entry.',
      ),
  })
  .describe('An international digital-government agreement.');

export type AgreementData = z.output<typeof agreementSchema>;

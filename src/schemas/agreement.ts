import { z } from 'zod';
import {
  agreementKinds,
  agreementStatuses,
  eventKinds,
  readingFacts,
  relationKinds,
  type ReadingFact,
} from '../vocabulary.ts';
import { countryCodeSchema, idSchema, sourceIdsSchema, textSchema } from './common.ts';
import { partialDateSchema } from './date.ts';
import { partySchema } from './party.ts';
import { sourceSchema } from './source.ts';

const termFields = {
  years: z
    .int()
    .positive()
    .optional()
    .meta({ description: 'Years of the term.', guidance: 'Whole years, as the source states them.' }),
  months: z.int().positive().optional().describe('Months of the term (besides the years).'),
};
const hasLength = (term: { years?: number | undefined; months?: number | undefined }) =>
  term.years !== undefined || term.months !== undefined;

/** A fixed duration, such as a three-year term, with the sources that state it. */
export const termSchema = z
  .strictObject({
    ...termFields,
    sources: sourceIdsSchema
      .optional()
      .meta({ description: 'Ids of the sources that state the term.', guidance: 'Required by the check.' }),
  })
  .refine(hasLength, 'give years, months or both')
  .meta({
    description: 'A fixed term, if a source gives one.',
    guidance: 'Years, months or both, for example { years: 3, sources: [moc-text] }.',
  });

export type Term = z.output<typeof termSchema>;

/** A dated milestone, each with its own source. */
export const eventSchema = z
  .strictObject({
    date: partialDateSchema,
    kind: z.enum(eventKinds).describe('What happened.'),
    title: textSchema.meta({ description: 'What happened, in a short phrase.', guidance: 'In our own words.' }),
    place: textSchema.optional().meta({ description: 'Where it happened.', guidance: 'Only where a source says.' }),
    source: idSchema.describe('Id of the source that reports it (see `sources`).'),
    outsideTerm: z
      .boolean()
      .default(false)
      .describe(
        'True when the event lies outside the agreement’s life on purpose, for example an announcement before signing.',
      ),
  })
  .describe('A dated milestone with its source.');

export type AgreementEvent = z.output<typeof eventSchema>;

/** A relation from this agreement to another one, as the entry declares it. */
export const relationSchema = z
  .strictObject({
    agreement: idSchema.describe('Id of the related agreement.'),
    relation: z.enum(relationKinds).describe('How this entry relates to it.'),
    sources: sourceIdsSchema.optional().meta({
      description: "Ids of the entry's sources that state this relation between the two instruments.",
      guidance: 'Required by the check.',
    }),
  })
  .describe('A relation from this agreement to another one.');

export type Relation = z.output<typeof relationSchema>;

const placeFields = {
  city: textSchema.describe('The city, as the source names it.'),
  country: countryCodeSchema,
};

/** Where an agreement was signed, with the sources that say so. */
export const placeSchema = z
  .strictObject({
    ...placeFields,
    sources: sourceIdsSchema
      .optional()
      .meta({ description: 'Ids of the sources that give the place.', guidance: 'Required by the check.' }),
  })
  .describe('Where it was signed.');

const bindingSchema = z
  .union([z.boolean(), z.literal('unknown')], { error: 'must be true, false or "unknown"' })
  .transform((value) => (value === 'unknown' ? 'unknown' : value ? 'yes' : 'no'));

/**
 * The top-level facts and the sources that state each, by source id. A fact recorded as unknown
 * (`binding: unknown`, `status: unknown`, an optional field left out) needs none; `npm run check`
 * refuses any other fact without one.
 */
export const citeSchema = z
  .strictObject({
    title: sourceIdsSchema.optional().describe('Sources that give the title.'),
    titleJa: sourceIdsSchema.optional().describe('Japanese sources that give the Japanese title.'),
    aliases: sourceIdsSchema.optional().describe('Sources that use the other names in `aliases`.'),
    kind: sourceIdsSchema.optional().describe('Sources that name the kind of instrument.'),
    binding: sourceIdsSchema.optional().describe('Sources that say whether it is binding (unless "unknown").'),
    signed: sourceIdsSchema.optional().describe('Sources that give the date signed (or announced).'),
    inForce: sourceIdsSchema.optional().describe('Sources that give the date it entered into force.'),
    expires: sourceIdsSchema.optional().describe('Sources that give the expiry date.'),
    status: sourceIdsSchema.optional().describe('Sources that state where it stands (unless "unknown").'),
    summary: sourceIdsSchema.optional().describe('Sources the summary rests on.'),
  })
  .describe('For each top-level fact, the ids of the sources that state it, for example { signed: [moc-text] }.');

export type Cite = z.output<typeof citeSchema>;

/** How the other reading of each fact is written: exactly as the fact itself. */
const readingValueSchemas = {
  title: textSchema,
  kind: z.enum(agreementKinds),
  binding: bindingSchema,
  signed: partialDateSchema,
  inForce: partialDateSchema,
  expires: partialDateSchema,
  status: z.enum(agreementStatuses),
  place: z.strictObject(placeFields),
  term: z.strictObject(termFields).refine(hasLength, 'give years, months or both'),
} as const satisfies Record<ReadingFact, z.ZodType>;

type ReadingValues = { [F in ReadingFact]: z.output<(typeof readingValueSchemas)[F]> };

/** Another reading of a fact, as the sources that disagree with the entry give it. */
export type Reading = {
  [F in ReadingFact]: {
    readonly fact: F;
    readonly value: ReadingValues[F];
    readonly sources: string[];
    readonly note?: string | undefined;
  };
}[ReadingFact];

/**
 * Where sources disagree on a fact: the entry states one reading (with its sources) and records
 * each other reading here, with the sources that give it. The value is checked by the schema of
 * its fact, so `value: 2020-09` for `signed` is a date at month precision.
 */
export const readingInputSchema = z
  .strictObject({
    fact: z.enum(readingFacts).describe('The fact the sources disagree on.'),
    value: z
      .unknown()
      .refine((value) => value !== undefined, 'give the other reading, written as the fact itself is written')
      .describe('The other reading, written as the fact itself is written (a date, a kind, { city, country }, ...).'),
    sources: sourceIdsSchema.describe('Ids of the sources that give this other reading.'),
    note: textSchema.optional().meta({
      description: 'How the sources differ, in the catalogue’s own words.',
      guidance: 'Say too why the entry follows the reading it states.',
    }),
  })
  .describe('Another reading of a fact, given by sources that disagree with the entry.');

/** A reading as written in the entry, then its value read by the schema of its fact. */
export const readingSchema = readingInputSchema.transform((reading, context): Reading => {
  const parsed = readingValueSchemas[reading.fact].safeParse(reading.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      context.addIssue({
        code: 'custom',
        path: ['value', ...issue.path],
        message: `as a reading of ${reading.fact}: ${issue.message}`,
      });
    }
    return z.NEVER;
  }
  return { ...reading, value: parsed.data } as Reading;
});

/**
 * Frontmatter of an agreement, `content/agreements/<id>.mdx`. The body, in MDX, describes what was
 * agreed, in our own words.
 */
export const agreementSchema = z
  .strictObject({
    title: textSchema.describe('The full title, as the parties or the main source give it.'),
    titleJa: textSchema
      .optional()
      .describe('The title in Japanese, where a Japanese source gives one (its sources are in cite.titleJa).'),
    shortTitle: textSchema
      .optional()
      .meta({ description: 'A short name for lists.', guidance: 'Our own, for lists and cards: it needs no source.' }),
    aliases: z
      .array(textSchema)
      .default([])
      .meta({ description: 'Other names people search for.', guidance: 'Only names a cited source uses.' }),
    kind: z.enum(agreementKinds).describe('The kind of instrument.'),
    binding: bindingSchema.meta({
      description: 'Whether the instrument is legally binding.',
      guidance: 'Write true or false as a source says, or "unknown" when none says.',
    }),
    parties: z
      .array(partySchema)
      .min(2, 'an agreement needs at least two parties')
      .describe('The parties, two or more.'),
    signed: partialDateSchema.meta({
      description: 'When it was signed (or issued, for a joint statement).',
      guidance:
        'For an announcement (or the status announced or under-negotiation), when it was announced or talks were launched.',
    }),
    inForce: partialDateSchema.optional().describe('When it entered into force, if a source says.'),
    expires: partialDateSchema.optional().describe('When it expires, if a source says.'),
    term: termSchema.optional(),
    place: placeSchema.optional(),
    status: z.enum(agreementStatuses).describe('Where it stands, as the sources report it.'),
    topics: z
      .array(idSchema)
      .min(1, 'give at least one topic')
      .meta({ description: 'The subjects of cooperation.', guidance: 'Ids of topics in content/topics/.' }),
    summary: textSchema.max(320, 'keep the summary to one or two sentences (320 characters at most)').meta({
      description: 'One or two sentences on what was agreed.',
      guidance: 'In our own words; shown on cards and in search results.',
    }),
    sources: z
      .array(sourceSchema)
      .min(1, 'cite at least one source')
      .describe('The public documents the entry rests on; facts, events, readings and the body cite them by id.'),
    cite: citeSchema.default({}),
    readings: z
      .array(readingSchema)
      .default([])
      .describe(
        'Where sources disagree on a fact: the entry states the reading it follows (with its references) and lists each other reading here, with the sources that give it.',
      ),
    events: z.array(eventSchema).default([]).describe('Dated milestones, each with its source.'),
    related: z.array(relationSchema).default([]).describe('Relations to other agreements.'),
    verified: partialDateSchema.meta({
      description: 'The day the entry was last checked against its sources.',
      guidance: 'The day itself: YYYY-MM-DD.',
    }),
    formerIds: z.array(idSchema).default([]).meta({
      description: 'Ids the entry had before; their old URLs redirect to this entry.',
      guidance:
        'The file names it had before it was renamed, so links and citations keep working. Never reuse one for another entry.',
    }),
  })
  .describe('An international digital-government agreement.');

export type AgreementData = z.output<typeof agreementSchema>;

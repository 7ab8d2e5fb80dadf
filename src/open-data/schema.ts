import { z } from 'zod';
import {
  agencyKinds,
  agreementKinds,
  agreementStatuses,
  bindingValues,
  citedFacts,
  eventKinds,
  readingFacts,
  relationKinds,
} from '../vocabulary.ts';
import {
  agreementSchema,
  eventSchema,
  placeSchema,
  readingInputSchema,
  relationSchema,
  termSchema,
} from '../schemas/agreement.ts';
import { agencySchema } from '../schemas/agency.ts';
import { countryCodeSchema, idPattern, sourceIdsSchema } from '../schemas/common.ts';
import { partialDatePattern, partialDateSchema } from '../schemas/date.ts';
import { meaningOf, withValues } from '../schemas/field-meta.ts';
import { partySchema, personRoleSchema } from '../schemas/party.ts';
import { personSchema } from '../schemas/person.ts';
import { japaneseNameSchema, nameSourceSchema, sourceSchema } from '../schemas/source.ts';
import { topicSchema } from '../schemas/topic.ts';

/**
 * The shape of the published open data (`/data/catalogue.json` and `/data/agreements/<id>.json`).
 * It is the single source of the JSON Schema published beside the data and of the English data
 * dictionary on the `/data/` page. A field that holds a fact of the content takes its meaning from
 * the content schema (`meaningOf`), where it is written once; what only the published record has
 * (page URLs, labels, resolved names, the computed end, the dates of changes) is described here.
 * Codes come with their English labels so the file can be read without the vocabularies.
 */

const agreement = agreementSchema.shape;
const party = partySchema.shape;
const personRole = personRoleSchema.shape;
const source = sourceSchema.shape;
const nameSource = nameSourceSchema.shape;
const japanese = japaneseNameSchema.shape;

const isoDate = z.string().regex(partialDatePattern).meta(meaningOf(partialDateSchema));

const id = z.string().regex(idPattern);
const countryCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}$/)
  .meta(meaningOf(countryCodeSchema));

/**
 * The references of a fact: ids of the entry's `sources` that state it. Every fact the entry
 * states has at least one; a fact recorded as unknown has none.
 */
const references = z.array(z.string()).min(1).meta(meaningOf(sourceIdsSchema));
const pageUrl = z.url().describe('The page on the Accord Atlas website.');

const labelled = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .strictObject({
      code: z.enum(values).describe(withValues(`The code of the ${what}.`, values)),
      label: z.string().describe(`The English label of the ${what}.`),
    })
    .describe(`The ${what}, as a code and its label.`);

const personRoleRecord = z.strictObject({
  id: id.describe('Id of the person (see `people`).'),
  name: z.string().describe('The person’s name.'),
  role: z.string().optional().meta(meaningOf(personRole.role)),
  sources: references.meta(meaningOf(personRole.sources)),
});

export const partyRecordSchema = z
  .strictObject({
    country: countryCode,
    countryName: z.string().describe('The English name of the country.'),
    agencies: z
      .array(
        z.strictObject({
          id: id.describe('Id of the agency (see `agencies`).'),
          name: z.string().describe('The agency’s name.'),
        }),
      )
      .meta(meaningOf(party.agencies)),
    joined: isoDate.optional().meta(meaningOf(party.joined)),
    sources: references.meta(meaningOf(party.sources)),
    signatories: z.array(personRoleRecord).meta(meaningOf(party.signatories)),
    participants: z.array(personRoleRecord).meta(meaningOf(party.participants)),
  })
  .describe('One party to the agreement.');

export const sourceRecordSchema = z
  .strictObject({
    id: z.string().meta(meaningOf(source.id)),
    url: z.url().meta(meaningOf(source.url)),
    title: z.string().meta(meaningOf(source.title)),
    publisher: z.string().meta(meaningOf(source.publisher)),
    published: isoDate.optional(),
    language: z.string().meta(meaningOf(source.language)),
  })
  .describe('A public document the entry rests on.');

export const agreementRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the entry; also its file name and the last part of its URL.'),
    url: pageUrl,
    formerIds: z.array(id).meta(meaningOf(agreement.formerIds)),
    title: z.string().meta(meaningOf(agreement.title)),
    titleJa: z.string().optional().meta(meaningOf(agreement.titleJa)),
    shortTitle: z.string().optional().meta(meaningOf(agreement.shortTitle)),
    aliases: z.array(z.string()).meta(meaningOf(agreement.aliases)),
    kind: labelled(agreementKinds, 'kind of instrument'),
    binding: labelled(bindingValues, 'legal force (whether the instrument is legally binding)'),
    status: labelled(agreementStatuses, 'status, as the sources report it'),
    parties: z.array(partyRecordSchema).min(2).meta(meaningOf(agreement.parties)),
    signed: isoDate.meta(meaningOf(agreement.signed)),
    inForce: isoDate.optional().meta(meaningOf(agreement.inForce)),
    expires: isoDate.optional().meta(meaningOf(agreement.expires)),
    term: z
      .strictObject({
        years: z.int().positive().optional().meta(meaningOf(termSchema.shape.years)),
        months: z.int().positive().optional().meta(meaningOf(termSchema.shape.months)),
        sources: references.meta(meaningOf(termSchema.shape.sources)),
      })
      .optional()
      .meta(meaningOf(termSchema)),
    end: z
      .strictObject({
        date: isoDate,
        computed: z.boolean().describe('True when the date is the signing (or entry into force) plus the term.'),
      })
      .optional()
      .describe('The end of the agreement’s life: its expiry, or computed from its term.'),
    place: z
      .strictObject({
        city: z.string().meta(meaningOf(placeSchema.shape.city)),
        country: countryCode,
        countryName: z.string().describe('The English name of the country.'),
        sources: references.meta(meaningOf(placeSchema.shape.sources)),
      })
      .optional()
      .meta(meaningOf(placeSchema)),
    topics: z
      .array(
        z.strictObject({
          id: id.describe('Id of the topic (see `topics`).'),
          name: z.string().describe('The topic’s name.'),
        }),
      )
      .meta(meaningOf(agreement.topics)),
    summary: z.string().meta(meaningOf(agreement.summary)),
    cite: z
      .strictObject(
        Object.fromEntries(citedFacts.map((fact) => [fact, references.optional()])) as Record<
          (typeof citedFacts)[number],
          z.ZodOptional<typeof references>
        >,
      )
      .describe(
        `The references of the top-level facts: for each of ${citedFacts.join(', ')} that the entry states, the ids of the sources that state it. A fact recorded as unknown (binding or status "unknown", an absent date) has none. The other facts carry their references in their own \`sources\`.`,
      ),
    readings: z
      .array(
        z.strictObject({
          fact: z
            .enum(readingFacts)
            .describe(withValues(meaningOf(readingInputSchema.shape.fact).description, readingFacts)),
          value: z
            .string()
            .describe(
              'The other reading, as text: an ISO date for dates, a code for kind, binding and status, "City, Country" for the place, "3 years" for the term, the title for the title.',
            ),
          sources: references.meta(meaningOf(readingInputSchema.shape.sources)),
          note: z.string().optional().meta(meaningOf(readingInputSchema.shape.note)),
        }),
      )
      .meta(meaningOf(agreement.readings)),
    sources: z.array(sourceRecordSchema).min(1).meta(meaningOf(agreement.sources)),
    events: z
      .array(
        z.strictObject({
          date: isoDate,
          kind: labelled(eventKinds, 'kind of event'),
          title: z.string().meta(meaningOf(eventSchema.shape.title)),
          place: z.string().optional().meta(meaningOf(eventSchema.shape.place)),
          source: z.string().meta(meaningOf(eventSchema.shape.source)),
        }),
      )
      .meta(meaningOf(agreement.events)),
    related: z
      .array(
        z.strictObject({
          id: id.meta(meaningOf(relationSchema.shape.agreement)),
          title: z.string().describe('Its title.'),
          relation: labelled(relationKinds, 'relation'),
          direction: z
            .enum(['outgoing', 'incoming'])
            .describe('"outgoing" when this entry declares the relation, "incoming" when the other entry does.'),
          sources: references
            .optional()
            .describe(
              'Ids of this entry’s sources that state the relation; outgoing relations only (an incoming one is sourced in the other entry).',
            ),
        }),
      )
      .describe('Relations to other agreements, in both directions.'),
    verified: isoDate.meta(meaningOf(agreement.verified)),
    lastChanged: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('The day the entry’s file was last committed to the repository; absent without git history.'),
    updated: isoDate.describe(
      'The date feeds use for the entry: `lastChanged` where known, otherwise `verified`. It says when the entry changed, not the agreement.',
    ),
  })
  .describe('An agreement, with every reference resolved to a name.');

export type AgreementRecord = z.output<typeof agreementRecordSchema>;

const nameSources = z
  .array(
    z.strictObject({
      url: z.url().meta(meaningOf(nameSource.url)),
      title: z.string().meta(meaningOf(nameSource.title)),
      publisher: z.string().meta(meaningOf(nameSource.publisher)),
    }),
  )
  .describe('Public pages that state the name, where the entry lists them (empty otherwise).');

/** A Japanese name with the page that gives it, as the Japanese edition shows it. */
const japaneseName = z
  .strictObject({
    text: z.string().meta(meaningOf(japanese.text)),
    reading: z.string().optional().meta(meaningOf(japanese.reading)),
    source: z
      .strictObject({
        url: z.url().describe('The address of the Japanese page that gives the name.'),
        title: z.string().describe('The page’s title as published.'),
        publisher: z.string().meta(meaningOf(nameSource.publisher)),
      })
      .meta(meaningOf(japanese.source)),
  })
  .optional()
  .meta(meaningOf(japaneseNameSchema));

export const agencyRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the agency.'),
    url: pageUrl,
    name: z.string().meta(meaningOf(agencySchema.shape.name)),
    nameJa: japaneseName,
    acronym: z.string().optional().meta(meaningOf(agencySchema.shape.acronym)),
    country: countryCode,
    countryName: z.string().describe('The English name of the country.'),
    kind: labelled(agencyKinds, 'kind of body'),
    parent: id.optional().meta(meaningOf(agencySchema.shape.parent)),
    website: z.url().optional().meta(meaningOf(agencySchema.shape.website)),
    description: z.string().meta(meaningOf(agencySchema.shape.description)),
    sources: nameSources,
    agreements: z.array(id).describe('Ids of the agreements it acts under.'),
  })
  .describe('A government body, agency or ministry.');

export const topicRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the topic.'),
    url: pageUrl,
    name: z.string().meta(meaningOf(topicSchema.shape.name)),
    nameJa: z.string().optional().meta(meaningOf(topicSchema.shape.nameJa)),
    description: z.string().meta(meaningOf(topicSchema.shape.description)),
    agreements: z.array(id).describe('Ids of the agreements that cover it.'),
  })
  .describe('A subject of cooperation.');

export const personRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the person.'),
    url: pageUrl,
    name: z.string().meta(meaningOf(personSchema.shape.name)),
    nameJa: japaneseName,
    country: countryCode.optional(),
    sources: nameSources,
    agreements: z.array(id).describe('Ids of the agreements they signed or took part in.'),
  })
  .describe('A person a source names as signing or taking part.');

export const licenceRecordSchema = z
  .strictObject({
    name: z.string().describe('The short name of the licence.'),
    url: z.url().describe('The licence text.'),
    attribution: z.string().optional().describe('Whom to credit.'),
  })
  .describe('A licence.');

export const catalogueFileSchema = z
  .strictObject({
    title: z.string().describe('The name of the catalogue.'),
    description: z.string().describe('What the file holds.'),
    url: z.url().describe('The website of the catalogue.'),
    licence: z
      .strictObject({
        data: licenceRecordSchema.describe('The licence of this data.'),
        code: licenceRecordSchema.describe('The licence of the software that builds the website.'),
      })
      .describe('Under which terms the data and the code may be reused.'),
    agreements: z.array(agreementRecordSchema).describe('Every agreement, newest signing first.'),
    agencies: z.array(agencyRecordSchema).describe('Every agency, by name.'),
    topics: z.array(topicRecordSchema).describe('Every topic, by name.'),
    people: z.array(personRecordSchema).describe('Every person, by name.'),
  })
  .describe('The Accord Atlas catalogue as open data.');

export type CatalogueFile = z.output<typeof catalogueFileSchema>;

/** The JSON Schema (draft 2020-12) of `catalogue.json`, generated from the Zod schema above. */
export function catalogueJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(catalogueFileSchema, { target: 'draft-2020-12' }), $id: id };
}

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

/**
 * The shape of the published open data (`/data/catalogue.json` and `/data/agreements/<id>.json`).
 * It is the single source of the JSON Schema published beside the data and of the data dictionary
 * on the `/data/` page, so every field is described here, once. Codes come with their English
 * labels so the file can be read without the vocabularies.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
  .describe('An ISO 8601 date at the precision the sources support: YYYY, YYYY-MM or YYYY-MM-DD.');

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const countryCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}$/)
  .describe(
    'ISO 3166-1 alpha-2 country code; or the code of an international organisation or group that is a party, such as "EU", "ASEAN" or "OECD".',
  );

/**
 * The references of a fact: ids of the entry's `sources` that state it. Every fact the entry
 * states has at least one; a fact recorded as unknown has none.
 */
const references = z.array(z.string()).min(1).describe('Ids of the sources (see `sources[].id`) that state this fact.');
const pageUrl = z.url().describe('The page on the Accord Atlas website.');

const labelled = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .strictObject({
      code: z.enum(values).describe(`The code of the ${what}: ${values.join(', ')}.`),
      label: z.string().describe(`The English label of the ${what}.`),
    })
    .describe(`The ${what}, as a code and its label.`);

const personRoleRecord = z.strictObject({
  id: id.describe('Id of the person (see `people`).'),
  name: z.string().describe('The person’s name.'),
  role: z.string().optional().describe('The office they held at the time, where a source names it.'),
  sources: references.describe('Ids of the sources that name this person in this capacity and role.'),
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
      .describe('The agencies acting for this party.'),
    joined: isoDate.optional().describe('When the party joined, for one that joined after the first signing.'),
    sources: references.describe('Ids of the sources that name this party, with its agencies, as a party.'),
    signatories: z.array(personRoleRecord).describe('Who signed for this party, where a source names them.'),
    participants: z.array(personRoleRecord).describe('Who took part without signing.'),
  })
  .describe('One party to the agreement.');

export const sourceRecordSchema = z
  .strictObject({
    id: z.string().describe('Id of the source within the entry.'),
    url: z.url().describe('Where the document is published.'),
    title: z.string().describe('The document’s title as published.'),
    publisher: z.string().describe('Who published it.'),
    published: isoDate.optional(),
    language: z.string().describe('The document’s language as a BCP 47 tag.'),
  })
  .describe('A public document the entry rests on.');

export const agreementRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the entry; also its file name and the last part of its URL.'),
    url: pageUrl,
    formerIds: z.array(id).describe('Ids the entry had before; their old URLs redirect to this entry.'),
    title: z.string().describe('The full title, as the parties or the main source give it.'),
    shortTitle: z.string().optional().describe('A short name for lists.'),
    aliases: z.array(z.string()).describe('Other names people search for.'),
    kind: labelled(agreementKinds, 'kind of instrument'),
    binding: labelled(bindingValues, 'legal force (whether the instrument is legally binding)'),
    status: labelled(agreementStatuses, 'status, as the sources report it'),
    parties: z.array(partyRecordSchema).min(2).describe('The parties, two or more.'),
    signed: isoDate.describe('When it was signed (or issued, for a joint statement).'),
    inForce: isoDate.optional().describe('When it entered into force, if a source says.'),
    expires: isoDate.optional().describe('When it expires, if a source says.'),
    term: z
      .strictObject({
        years: z.int().positive().optional().describe('Years of the term.'),
        months: z.int().positive().optional().describe('Months of the term (besides the years).'),
        sources: references.describe('Ids of the sources that state the term.'),
      })
      .optional()
      .describe('A fixed term, if a source gives one.'),
    end: z
      .strictObject({
        date: isoDate,
        computed: z.boolean().describe('True when the date is the signing (or entry into force) plus the term.'),
      })
      .optional()
      .describe('The end of the agreement’s life: its expiry, or computed from its term.'),
    place: z
      .strictObject({
        city: z.string().describe('The city, as the source names it.'),
        country: countryCode,
        countryName: z.string().describe('The English name of the country.'),
        sources: references.describe('Ids of the sources that give the place.'),
      })
      .optional()
      .describe('Where it was signed.'),
    topics: z
      .array(
        z.strictObject({
          id: id.describe('Id of the topic (see `topics`).'),
          name: z.string().describe('The topic’s name.'),
        }),
      )
      .describe('The subjects of cooperation.'),
    summary: z.string().describe('One or two sentences on what was agreed.'),
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
          fact: z.enum(readingFacts).describe(`The fact the sources disagree on: ${readingFacts.join(', ')}.`),
          value: z
            .string()
            .describe(
              'The other reading, as text: an ISO date for dates, a code for kind, binding and status, "City, Country" for the place, "3 years" for the term, the title for the title.',
            ),
          sources: references.describe('Ids of the sources that give this other reading.'),
          note: z.string().optional().describe('How the sources differ, in the catalogue’s own words.'),
        }),
      )
      .describe(
        'Where sources disagree on a fact: the entry states the reading it follows (with its references) and lists each other reading here, with the sources that give it.',
      ),
    sources: z
      .array(sourceRecordSchema)
      .min(1)
      .describe('The public documents the entry rests on; facts, events, readings and the body cite them by id.'),
    events: z
      .array(
        z.strictObject({
          date: isoDate,
          kind: labelled(eventKinds, 'kind of event'),
          title: z.string().describe('What happened, in a short phrase.'),
          place: z.string().optional().describe('Where it happened.'),
          source: z.string().describe('Id of the source that reports it (see `sources`).'),
        }),
      )
      .describe('Dated milestones, each with its source.'),
    related: z
      .array(
        z.strictObject({
          id: id.describe('Id of the related agreement.'),
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
    verified: isoDate.describe('The day the entry was last checked against its sources.'),
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
      url: z.url().describe('The page’s address.'),
      title: z.string().describe('Its title as published.'),
      publisher: z.string().describe('Who published it.'),
    }),
  )
  .describe('Public pages that state the name, where the entry lists them (empty otherwise).');

export const agencyRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the agency.'),
    url: pageUrl,
    name: z.string().describe('The English name.'),
    acronym: z.string().optional().describe('The usual short form.'),
    country: countryCode,
    countryName: z.string().describe('The English name of the country.'),
    kind: labelled(agencyKinds, 'kind of body'),
    parent: id.optional().describe('Id of the body it belongs to.'),
    website: z.url().optional().describe('Its website.'),
    description: z.string().describe('What the body does.'),
    sources: nameSources,
    agreements: z.array(id).describe('Ids of the agreements it acts under.'),
  })
  .describe('A government body, agency or ministry.');

export const topicRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the topic.'),
    url: pageUrl,
    name: z.string().describe('The topic name.'),
    description: z.string().describe('What belongs under it.'),
    agreements: z.array(id).describe('Ids of the agreements that cover it.'),
  })
  .describe('A subject of cooperation.');

export const personRecordSchema = z
  .strictObject({
    id: id.describe('The stable id of the person.'),
    url: pageUrl,
    name: z.string().describe('The name as commonly written in English sources.'),
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

/**
 * The questions of `npm run new` in a terminal, for whatever the flags left out: the sources
 * first, then every fact with the sources that state it, offering what the catalogue knows.
 *
 *   sources -> title, kind, status, dates, term -> parties and people -> place, topics, summary
 *     -> events, relations -> id
 */
import * as prompts from '@clack/prompts';
import type {
  AgreementAnswers,
  EventAnswers,
  NewPerson,
  RelationAnswers,
} from '../../src/authoring/new-agreement/answers.ts';
import {
  parseAll,
  parseEvent,
  parseNewAgency,
  parseNewPerson,
  parsePerson,
  parsePlace,
  parseRelated,
} from '../../src/authoring/new-agreement/flag-values.ts';
import type { NewAgreementFlags } from '../../src/authoring/new-agreement/flags.ts';
import { agenciesByParty, suggestId } from '../../src/authoring/new-agreement/ids.ts';
import type { CatalogueInput } from '../../src/catalogue/input.ts';
import { agreementKinds, agreementStatuses, eventKinds, relationKinds } from '../../src/vocabulary.ts';
import { askAgencies, askCountries, askPeople, askPlace, partyQuestion } from './parties.ts';
import { answered, checks, choose, optionalText, repeatWhile, sourceOptions, text } from './prompt-kit.ts';
import { askSources, referencePrompts, type SourcesOf } from './sources.ts';

/** Asks for a fact unless its flag gave it; `undefined` flags mean "ask". */
const given = async <T>(flag: T | undefined, ask: () => Promise<T>): Promise<T> => flag ?? (await ask());

/** The title, names, kind, status, legal force, dates and term, each with its sources. */
async function askFacts(flags: NewAgreementFlags, sourcesOf: SourcesOf) {
  const title = await given(flags.title, () => text('Full title'));
  await sourcesOf('title', 'the title');
  const shortTitle =
    flags['short-title'] ?? (await optionalText('A short title for lists, our own (no source needed)'));
  const aliasText =
    flags.alias?.join('; ') ?? (await optionalText('Other names a source uses, separated by semicolons'));
  const aliases =
    aliasText
      ?.split(';')
      .map((alias) => alias.trim())
      .filter(Boolean) ?? [];
  if (aliases.length > 0) await sourcesOf('aliases', 'the other names');
  const kind = await given(flags.kind, () => choose('Kind of instrument, as the sources name it', agreementKinds));
  await sourcesOf('kind', 'the kind');
  const status = await given(flags.status, () =>
    choose('Status, as the sources report it', agreementStatuses, 'unknown'),
  );
  if (status !== 'unknown') await sourcesOf('status', 'the status');
  const binding = await given(flags.binding, () =>
    choose('Legally binding, as a source says?', ['unknown', 'true', 'false']),
  );
  if (binding !== 'unknown') await sourcesOf('binding', 'whether it is binding');
  const inForce =
    flags['in-force'] ?? (await optionalText('Entered into force (YYYY, YYYY-MM or YYYY-MM-DD)', checks.optionalDate));
  if (inForce) await sourcesOf('inForce', 'the date in force');
  const expires = flags.expires ?? (await optionalText('Expires (YYYY, YYYY-MM or YYYY-MM-DD)', checks.optionalDate));
  if (expires) await sourcesOf('expires', 'the expiry date');
  const years = flags['term-years'] ?? (await optionalText('A fixed term: whole years', checks.optionalWhole));
  const months =
    flags['term-months'] ?? (await optionalText('A fixed term: months (besides the years)', checks.optionalWhole));
  const term =
    years || months
      ? { ...(years ? { years: Number(years) } : {}), ...(months ? { months: Number(months) } : {}) }
      : undefined;
  if (term) await sourcesOf('term', 'the term');
  return {
    title,
    ...(shortTitle ? { shortTitle } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
    kind,
    status,
    binding,
    ...(inForce ? { inForce } : {}),
    ...(expires ? { expires } : {}),
    ...(term ? { term } : {}),
  };
}

/** A dated milestone and the source that reports it. */
async function askEvent(sources: AgreementAnswers['sources']): Promise<EventAnswers> {
  const date = await text('Its date, as precise as the source', checks.date);
  const kind = await choose('What happened', eventKinds);
  const title = await text('In a short phrase of your own words');
  const place = await optionalText('Where, if the source says');
  const source = answered(
    await prompts.select({ message: 'The source that reports it', options: sourceOptions(sources ?? []) }),
  );
  return { date, kind, title, source, ...(place ? { place } : {}) };
}

/** A relation a source states to an agreement in the catalogue, with the sources that state it. */
async function askRelation(known: CatalogueInput, sourcesOf: SourcesOf): Promise<RelationAnswers> {
  const agreement = answered(
    await prompts.autocomplete({
      message: 'Which agreement',
      options: known.agreements.map((entry) => ({ value: entry.id, label: entry.data.title, hint: entry.id })),
    }),
  );
  const relation = await choose('This new entry ... it', relationKinds);
  await sourcesOf(`related:${agreement}`, `that it ${relation} ${agreement}`);
  return { agreement, relation };
}

/** Asks for everything the flags left out, each fact with its sources, offering what the catalogue knows. */
export async function ask(flags: NewAgreementFlags, known: CatalogueInput, today: string): Promise<AgreementAnswers> {
  prompts.intro('New agreement');
  prompts.note(
    'Every fact must come from a source you cite, in your own words, dated only as precisely as the source. Leave out what no source says.',
    'Sourcing',
  );
  const signed = await given(flags.signed, () => text('Signed (YYYY, YYYY-MM or YYYY-MM-DD)', checks.date));
  const sources = await askSources(flags, signed);
  const { cite, sourcesOf } = referencePrompts(flags, sources);
  await sourcesOf('signed', 'the date signed');
  const facts = await askFacts(flags, sourcesOf);

  const countries = await given(flags.country, () => askCountries(known));
  for (const country of countries) await sourcesOf(`party:${country}`, partyQuestion(country));
  // Flags were checked by answersFromFlags before any question, so every value parses.
  const flagged = { agencies: flags.agency ?? [], newAgencies: parseAll(flags['new-agency'], parseNewAgency, []) };
  const { agencies, newAgencies } =
    flags.agency || flags['new-agency']
      ? { ...flagged, agencies: [...flagged.agencies, ...flagged.newAgencies.map((agency) => agency.id)] }
      : await askAgencies(known, countries);
  const newPeople: NewPerson[] = parseAll(flags['new-person'], parseNewPerson, []);
  const context = { known, countries, newPeople, sourcesOf };
  const signatories = flags.signatory ? flags.signatory.map(parsePerson) : await askPeople('signatory', context);
  const participants = flags.participant ? flags.participant.map(parsePerson) : await askPeople('participant', context);

  const [flaggedPlace] = parseAll(flags.place === undefined ? [] : [flags.place], parsePlace, []);
  const place = flags.place === undefined ? await askPlace(countries) : flaggedPlace;
  if (place) await sourcesOf('place', 'the place');
  const topics = await given(flags.topic, async () =>
    answered(
      await prompts.autocompleteMultiselect({
        message: 'Topics (our classification; no source needed)',
        options: known.topics.map((entry) => ({ value: entry.id, label: entry.data.name })),
        maxItems: 8,
        required: true,
      }),
    ),
  );
  const summary = await given(flags.summary, () => text('Summary: one or two sentences in your own words'));
  await sourcesOf('summary', 'what the summary says');

  const events = flags.event
    ? parseAll(flags.event, parseEvent, [])
    : await repeatWhile('Add a dated event (a meeting, an accession, ...)?', () => askEvent(sources));
  const related =
    flags.related || known.agreements.length === 0
      ? parseAll(flags.related, parseRelated, [])
      : await repeatWhile('Does a source relate it to an agreement in the catalogue?', () =>
          askRelation(known, sourcesOf),
        );

  const id = await given(flags.id, () =>
    text(
      'File name (id): the parties or their agencies, the kind, the year',
      checks.id,
      suggestId({ ...facts, countries, signed }, agenciesByParty(agencies, known, newAgencies)),
    ),
  );
  return {
    id,
    ...facts,
    signed,
    ...(place ? { place } : {}),
    countries,
    agencies,
    signatories,
    participants,
    topics,
    summary,
    sources,
    cite,
    events,
    related,
    newAgencies,
    newPeople,
    verified: flags.verified ?? today,
  };
}

/**
 * `npm run new`: creates a new agreement file (and any agency or person files it needs), then runs
 * the content check on the result. In a terminal it asks for what the flags did not give; in a
 * script every answer comes from flags.
 *
 *   npm run new
 *   npm run new -- --title "..." --kind memorandum-of-cooperation --signed 2022-11 \
 *     --country GB --country JP --agency digital-agency --topic digital-government --summary "..." \
 *     --source-url https://... --source-title "..." --source-publisher "..." --source-language en
 *
 * It never overwrites a file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prompts from '@clack/prompts';
import { formatReport } from '../src/checker/problems.ts';
import { readContent } from '../src/checker/read-content.ts';
import type { CatalogueInput } from '../src/catalogue/input.ts';
import { contentRoot as defaultRoot } from '../src/content-root.ts';
import { allPartyCodes, countryName } from '../src/countries.ts';
import {
  answersFromFlags,
  parseCite,
  parseEvent,
  parseNewAgency,
  parseNewAgreementFlags,
  parseNewPerson,
  parsePerson,
  planNewAgreement,
  slugify,
  sourcesFromFlags,
  suggestAgreementId,
  suggestIdFromFacts,
  suggestSourceId,
  type AgreementAnswers,
  type EventAnswers,
  type FactKey,
  type NewAgreementFlags,
  type PersonAnswers,
  type SourceAnswers,
} from '../src/authoring/new-agreement.ts';
import {
  agencyKinds,
  agreementKinds,
  agreementStatuses,
  citedFacts,
  eventKinds,
  relationKinds,
} from '../src/vocabulary.ts';
import { idPattern, isHttpsUrl } from '../src/schemas/common.ts';
import { parsePartialDate } from '../src/schemas/date.ts';

const usage = `Usage: npm run new [-- flags]

  --title TEXT               full title, as the parties or the main source give it
  --short-title TEXT         short name for lists (our own; it also makes the suggested id)
  --alias TEXT               another name a source uses; repeatable
  --id ID                    file name; suggested in the house style when left out
  --kind KIND                ${agreementKinds.join(', ')}
  --binding VALUE            true, false or unknown (default unknown)
  --status STATUS            ${agreementStatuses.join(', ')} (default unknown)
  --signed DATE              2022, 2022-05 or 2022-05-26: only as precise as the source
  --in-force DATE            when it entered into force, if a source says
  --expires DATE             when it expires, if a source says
  --term-years N, --term-months N   a fixed term, if a source gives one
  --place CITY:CC            where it was signed, such as Tokyo:JP
  --country CC               a party's code (a country, or an organisation such as EU); two or more
  --agency ID                an agency acting for the party of its country; repeatable
  --signatory ID[:ROLE]      a person a source says signed, with the role it gives them
  --participant ID[:ROLE]    a person who took part without signing
  --topic ID                 a topic id; repeatable
  --summary TEXT             one or two sentences in your own words
  --source URL|TITLE|PUBLISHER[|PUBLISHED[|LANGUAGE[|ID]]]   a source; repeatable
  --source-url URL, --source-title TEXT, --source-publisher TEXT,
  --source-published DATE, --source-language TAG, --source-id ID   the first source, field by field
  --cite FACT=ID[,ID]        the sources that state a fact; FACT is ${citedFacts.join(', ')},
                             place, term, party:CC, person:ID or related:ID. Needed with two or
                             more sources; with one, every fact names it.
  --event DATE|KIND|TITLE|SOURCE[|PLACE]   a dated milestone and the source id that reports it
  --related ID:RELATION      how it relates to an existing agreement (${relationKinds.join(', ')})
  --new-agency ID:CC:Name    create content/agencies/ID.yaml and use it
  --new-person ID:CC:Name    create content/people/ID.yaml
  --verified YYYY-MM-DD      the day you checked the sources (default today)
  --content DIR              another content folder with the same layout`;

function stop(message: string): never {
  prompts.cancel(message);
  process.exit(1);
}

/** Unwraps a prompt's answer, ending the run when the contributor cancels. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) stop('Nothing was written.');
  return value as Exclude<T, symbol>;
}

const required = (value: string | undefined): string | undefined =>
  value && value.trim() ? undefined : 'This is required.';
const dateCheck = (value: string | undefined): string | undefined =>
  value && parsePartialDate(value.trim()) ? undefined : 'Write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.';
const optionalDate = (value: string | undefined): string | undefined =>
  !value?.trim() || parsePartialDate(value.trim()) ? undefined : dateCheck(value);
const optionalWhole = (value: string | undefined): string | undefined =>
  !value?.trim() || /^[1-9]\d*$/.test(value.trim()) ? undefined : 'A whole number, or empty to skip.';
const idCheck = (value: string | undefined): string | undefined =>
  value && idPattern.test(value) ? undefined : 'Lower-case words and hyphens.';

/** A text answer that may be left empty: undefined when it is. */
async function optionalText(message: string, validate?: (value: string | undefined) => string | undefined) {
  const text = answered(
    await prompts.text({ message: `${message} (leave empty to skip)`, ...(validate ? { validate } : {}) }),
  );
  return text?.trim() ? text.trim() : undefined;
}

/** Asks for the sources, one after another, each with an id in the house style. */
async function askSources(flags: NewAgreementFlags, signed: string): Promise<SourceAnswers[]> {
  const sources = sourcesFromFlags(flags, []);
  if (sources.length > 0) return sources;
  prompts.note(
    'First the sources: every fact you enter next names the sources that state it. Give each page you will cite.',
    'Sources',
  );
  const taken = new Set<string>();
  do {
    const url = answered(
      await prompts.text({
        message: 'Source address (https://...)',
        validate: (value) => (value && isHttpsUrl(value) ? undefined : 'An https:// address.'),
      }),
    ).trim();
    const title = answered(await prompts.text({ message: 'Its title, exactly as published', validate: required }));
    const publisher = answered(await prompts.text({ message: 'Who published it', validate: required }));
    const published = await optionalText('When it was published, as precisely as it says', optionalDate);
    const language = answered(await prompts.text({ message: 'Its language (BCP 47)', initialValue: 'en' })).trim();
    const id = answered(
      await prompts.text({
        message: 'Its id in this entry',
        initialValue: suggestSourceId({ publisher, ...(published ? { published } : {}) }, signed, taken),
        validate: (value) => idCheck(value) ?? (value && taken.has(value) ? 'Already used.' : undefined),
      }),
    );
    taken.add(id);
    sources.push({ id, url, title, publisher, language, ...(published ? { published } : {}) });
  } while (answered(await prompts.confirm({ message: 'Add another source?', initialValue: false })));
  return sources;
}

/** Asks for everything the flags left out, each fact with its sources, offering what the catalogue knows. */
async function ask(flags: NewAgreementFlags, known: CatalogueInput, today: string): Promise<AgreementAnswers> {
  prompts.intro('New agreement');
  prompts.note(
    'Every fact must come from a source you cite, in your own words, dated only as precisely as the source. Leave out what no source says.',
    'Sourcing',
  );
  const signed =
    flags.signed ??
    answered(await prompts.text({ message: 'Signed (YYYY, YYYY-MM or YYYY-MM-DD)', validate: dateCheck })).trim();
  const sources = await askSources(flags, signed);
  const cite: Partial<Record<FactKey, string[]>> = Object.fromEntries(
    (flags.cite ?? []).map(parseCite).filter((item) => typeof item !== 'string'),
  );
  /** Asks which sources state a fact, unless there is only one or the flags said. */
  const sourcesOf = async (fact: FactKey, label: string): Promise<void> => {
    if (sources.length < 2 || cite[fact]) return;
    cite[fact] = answered(
      await prompts.multiselect({
        message: `Which sources state ${label}?`,
        options: sources.map((source, index) => ({
          value: source.id ?? `source-${index + 1}`,
          label: source.id ?? source.url,
          hint: source.title,
        })),
        required: true,
      }),
    );
  };
  await sourcesOf('signed', 'the date signed');
  const title = flags.title ?? answered(await prompts.text({ message: 'Full title', validate: required }));
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
  const kind =
    flags.kind ??
    answered(
      await prompts.select({
        message: 'Kind of instrument, as the sources name it',
        options: agreementKinds.map((value) => ({ value, label: value })),
      }),
    );
  await sourcesOf('kind', 'the kind');
  const status =
    flags.status ??
    answered(
      await prompts.select({
        message: 'Status, as the sources report it',
        options: agreementStatuses.map((value) => ({ value, label: value })),
        initialValue: 'unknown',
      }),
    );
  if (status !== 'unknown') await sourcesOf('status', 'the status');
  const binding =
    flags.binding ??
    answered(
      await prompts.select({
        message: 'Legally binding, as a source says?',
        options: ['unknown', 'true', 'false'].map((value) => ({ value, label: value })),
      }),
    );
  if (binding !== 'unknown') await sourcesOf('binding', 'whether it is binding');
  const inForce =
    flags['in-force'] ?? (await optionalText('Entered into force (YYYY, YYYY-MM or YYYY-MM-DD)', optionalDate));
  if (inForce) await sourcesOf('inForce', 'the date in force');
  const expires = flags.expires ?? (await optionalText('Expires (YYYY, YYYY-MM or YYYY-MM-DD)', optionalDate));
  if (expires) await sourcesOf('expires', 'the expiry date');
  const years = flags['term-years'] ?? (await optionalText('A fixed term: whole years', optionalWhole));
  const months =
    flags['term-months'] ?? (await optionalText('A fixed term: months (besides the years)', optionalWhole));
  const term =
    years || months
      ? { ...(years ? { years: Number(years) } : {}), ...(months ? { months: Number(months) } : {}) }
      : undefined;
  if (term) await sourcesOf('term', 'the term');

  const knownCountries = new Set(
    [...known.agencies, ...known.agreements.flatMap((entry) => entry.data.parties)].map((item) =>
      'data' in item ? item.data.country : item.country,
    ),
  );
  const countries =
    flags.country ??
    answered(
      await prompts.autocompleteMultiselect({
        message: 'Parties: countries or organisations (type to search; those in the catalogue come first)',
        options: [...allPartyCodes()]
          .sort((a, b) => Number(knownCountries.has(b)) - Number(knownCountries.has(a)) || a.localeCompare(b))
          .map((code) => ({ value: code, label: `${code} ${countryName(code)}` })),
        maxItems: 8,
        required: true,
      }),
    );
  for (const country of countries) await sourcesOf(`party:${country}`, `that ${countryName(country)} is a party`);
  // Flags already checked by answersFromFlags, so every value parses.
  const newAgencies = (flags['new-agency'] ?? []).map(parseNewAgency).filter((item) => typeof item !== 'string');
  const newPeople = (flags['new-person'] ?? []).map(parseNewPerson).filter((item) => typeof item !== 'string');
  let agencies = [...(flags.agency ?? []), ...newAgencies.map((agency) => agency.id)];
  if (!flags.agency && !flags['new-agency']) {
    const offered = known.agencies.filter((entry) => countries.includes(entry.data.country));
    if (offered.length > 0) {
      agencies = answered(
        await prompts.multiselect({
          message: 'Agencies acting for the parties (the party sources must name them)',
          options: offered.map((entry) => ({ value: entry.id, label: entry.data.name, hint: entry.data.country })),
          required: false,
        }),
      );
    }
    while (
      answered(
        await prompts.confirm({ message: 'Add an agency the catalogue does not have yet?', initialValue: false }),
      )
    ) {
      const name = answered(
        await prompts.text({ message: 'Its English name, as it writes it', validate: required }),
      ).trim();
      const id = answered(
        await prompts.text({ message: 'Its id (file name)', initialValue: slugify(name), validate: idCheck }),
      );
      const country = answered(
        await prompts.select({
          message: 'The party it acts for',
          options: countries.map((code) => ({ value: code, label: `${code} ${countryName(code)}` })),
        }),
      );
      const agencyKind = answered(
        await prompts.select({
          message: 'What sort of body',
          options: agencyKinds.map((value) => ({ value, label: value })),
        }),
      );
      const description = answered(
        await prompts.text({ message: 'What it does, in one sentence of your own words', validate: required }),
      );
      newAgencies.push({ id, name, country, kind: agencyKind, description });
      agencies = [...agencies, id];
    }
  }

  /** Asks for the people of one capacity: known ones, then new ones, each with a role and sources. */
  const askPeople = async (capacity: 'signatory' | 'participant'): Promise<PersonAnswers[]> => {
    const label =
      capacity === 'signatory'
        ? 'Signatories (only people a source says signed; none is fine)'
        : 'Participants: people a source says took part without signing (none is fine)';
    const offered = known.people.filter((entry) => entry.data.country && countries.includes(entry.data.country));
    const ids: string[] = [];
    if (offered.length > 0) {
      ids.push(
        ...answered(
          await prompts.multiselect({
            message: label,
            options: offered.map((entry) => ({
              value: entry.id,
              label: `${entry.data.name} (${entry.data.country ?? ''})`,
            })),
            required: false,
          }),
        ),
      );
    }
    while (
      answered(
        await prompts.confirm({ message: `Add a ${capacity} the catalogue does not have yet?`, initialValue: false }),
      )
    ) {
      const name = answered(
        await prompts.text({
          message: 'Their full name, as the English sources of their government write it (Kono Taro, Liz Truss)',
          validate: required,
        }),
      ).trim();
      const id = answered(
        await prompts.text({ message: 'Their id (file name)', initialValue: slugify(name), validate: idCheck }),
      );
      const country = answered(
        await prompts.select({
          message: 'The party they acted for',
          options: countries.map((code) => ({ value: code, label: `${code} ${countryName(code)}` })),
        }),
      );
      newPeople.push({ id, name, country });
      ids.push(id);
    }
    const people: PersonAnswers[] = [];
    for (const id of ids) {
      const name = known.people.find((entry) => entry.id === id)?.data.name ?? id;
      const role = await optionalText(`${name}'s role at the time, as a source gives it`);
      await sourcesOf(
        `person:${id}`,
        `that ${name} ${capacity === 'signatory' ? 'signed' : 'took part'}${role ? ` as ${role}` : ''}`,
      );
      people.push({ id, ...(role ? { role } : {}) });
    }
    return people;
  };
  const signatories = flags.signatory ? flags.signatory.map(parsePerson) : await askPeople('signatory');
  const participants = flags.participant ? flags.participant.map(parsePerson) : await askPeople('participant');

  let place: { city: string; country: string } | undefined;
  const placeFlag = flags.place?.split(':');
  if (placeFlag) place = { city: placeFlag[0] ?? '', country: placeFlag[1] ?? '' };
  else {
    const city = await optionalText('City where it was signed, as a source names it');
    if (city) {
      const country = answered(
        await prompts.autocomplete({
          message: 'Its country',
          options: [...countries, ...allPartyCodes().filter((code) => !countries.includes(code))].map((code) => ({
            value: code,
            label: `${code} ${countryName(code)}`,
          })),
        }),
      );
      place = { city, country };
    }
  }
  if (place) await sourcesOf('place', 'the place');

  const topics =
    flags.topic ??
    answered(
      await prompts.autocompleteMultiselect({
        message: 'Topics (our classification; no source needed)',
        options: known.topics.map((entry) => ({ value: entry.id, label: entry.data.name })),
        maxItems: 8,
        required: true,
      }),
    );
  const summary =
    flags.summary ??
    answered(await prompts.text({ message: 'Summary: one or two sentences in your own words', validate: required }));
  await sourcesOf('summary', 'what the summary says');

  const events: EventAnswers[] = (flags.event ?? []).map(parseEvent).filter((item) => typeof item !== 'string');
  if (!flags.event) {
    while (
      answered(
        await prompts.confirm({ message: 'Add a dated event (a meeting, an accession, ...)?', initialValue: false }),
      )
    ) {
      const date = answered(
        await prompts.text({ message: 'Its date, as precise as the source', validate: dateCheck }),
      ).trim();
      const eventKind = answered(
        await prompts.select({
          message: 'What happened',
          options: eventKinds.map((value) => ({ value, label: value })),
        }),
      );
      const eventTitle = answered(
        await prompts.text({ message: 'In a short phrase of your own words', validate: required }),
      );
      const eventPlace = await optionalText('Where, if the source says');
      const source = answered(
        await prompts.select({
          message: 'The source that reports it',
          options: sources.map((item, index) => ({
            value: item.id ?? `source-${index + 1}`,
            label: item.id ?? item.url,
            hint: item.title,
          })),
        }),
      );
      events.push({ date, kind: eventKind, title: eventTitle, source, ...(eventPlace ? { place: eventPlace } : {}) });
    }
  }
  const related: { agreement: string; relation: string }[] = (flags.related ?? []).flatMap((text) => {
    const [agreement = '', relation = ''] = text.split(':');
    return agreement && relation ? [{ agreement, relation }] : [];
  });
  if (!flags.related && known.agreements.length > 0) {
    while (
      answered(
        await prompts.confirm({
          message: 'Does a source relate it to an agreement in the catalogue?',
          initialValue: false,
        }),
      )
    ) {
      const agreement = answered(
        await prompts.autocomplete({
          message: 'Which agreement',
          options: known.agreements.map((entry) => ({ value: entry.id, label: entry.data.title, hint: entry.id })),
        }),
      );
      const relation = answered(
        await prompts.select({
          message: 'This new entry ... it',
          options: relationKinds.map((value) => ({ value, label: value })),
        }),
      );
      await sourcesOf(`related:${agreement}`, `that it ${relation} ${agreement}`);
      related.push({ agreement, relation });
    }
  }

  const firstAgencies = new Map<string, { id: string; acronym?: string | undefined }[]>();
  for (const agency of agencies) {
    const entry = known.agencies.find((item) => item.id === agency);
    const country = entry?.data.country ?? newAgencies.find((item) => item.id === agency)?.country;
    if (country)
      firstAgencies.set(country, [...(firstAgencies.get(country) ?? []), { id: agency, acronym: entry?.data.acronym }]);
  }
  const id =
    flags.id ??
    answered(
      await prompts.text({
        message: 'File name (id): the parties or their agencies, the kind, the year',
        initialValue: shortTitle
          ? suggestAgreementId(shortTitle, signed)
          : suggestIdFromFacts({ countries, kind, signed }, firstAgencies),
        validate: idCheck,
      }),
    );
  return {
    id,
    title,
    ...(shortTitle ? { shortTitle } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
    kind,
    binding,
    status,
    signed,
    ...(inForce ? { inForce } : {}),
    ...(expires ? { expires } : {}),
    ...(term ? { term } : {}),
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

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const parsedFlags = (() => {
  try {
    return parseNewAgreementFlags(process.argv.slice(2)).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
})();
if (parsedFlags.help) {
  console.log(usage);
  process.exit(0);
}
const root = parsedFlags.content ?? defaultRoot;
const today = new Date().toISOString().slice(0, 10);
const { input: known } = await readContent(root);

const fromFlags = answersFromFlags(parsedFlags, today);
let answers = fromFlags.answers;
if (fromFlags.errors.length > 0) stop(fromFlags.errors.join('\n'));
if (!answers) {
  if (!process.stdin.isTTY) stop(`Missing ${fromFlags.missing.join(', ')}.\n\n${usage}`);
  answers = await ask(parsedFlags, known, today);
}

const plan = planNewAgreement(answers, known, root);
if (!plan.ok) stop(`Nothing was written:\n${plan.errors.map((error) => `  - ${error}`).join('\n')}`);
for (const file of plan.files) {
  if (await exists(file.path)) stop(`${file.path} already exists; nothing was written.`);
}
for (const file of plan.files) {
  await mkdir(path.dirname(file.path), { recursive: true });
  // `wx` refuses to replace a file that appeared since the check above.
  await writeFile(file.path, file.text, { flag: 'wx' });
  prompts.log.success(`wrote ${file.path}`);
}

const { problems } = await readContent(root);
const written = new Set(plan.files.map((file) => file.path));
// A likely duplicate may be reported on the older entry; it concerns the new one all the same.
const mine = problems.filter(
  (problem) => written.has(problem.file) || [...written].some((file) => problem.message.includes(file)),
);
const errors = mine.filter((problem) => problem.severity === 'error').length;
if (mine.length > 0) console.log(formatReport(mine));
if (errors > 0) {
  prompts.outro(
    `The content check found ${errors} ${errors === 1 ? 'error' : 'errors'} in the new files; fix them and run npm run check.`,
  );
  process.exitCode = 1;
} else {
  prompts.outro(
    `The content check passes. Next: write the body of ${path.join(root, 'agreements', `${plan.id}.mdx`)} in your own words, ending each paragraph with <Cite source="<source id>" />, then npm run check and npm start.`,
  );
}

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
import { formatReport } from '../src/catalogue/problems.ts';
import { readContent } from '../src/catalogue/read-files.ts';
import type { CatalogueInput } from '../src/catalogue/input.ts';
import { contentRoot as defaultRoot } from '../src/content-root.ts';
import { allPartyCodes, countryName } from '../src/countries.ts';
import {
  answersFromFlags,
  parseNewAgency,
  parseNewAgreementFlags,
  parseNewPerson,
  planNewAgreement,
  suggestAgreementId,
  type AgreementAnswers,
  type NewAgreementFlags,
} from '../src/authoring/new-agreement.ts';
import { agencyKinds, agreementKinds, agreementStatuses } from '../src/vocabulary.ts';
import { idPattern } from '../src/schemas/common.ts';
import { parsePartialDate } from '../src/schemas/date.ts';

const usage = `Usage: npm run new [-- flags]

  --title TEXT               full title, as the parties or the main source give it
  --short-title TEXT         short name for lists
  --id ID                    file name; suggested from the title and year when left out
  --kind KIND                ${agreementKinds.join(', ')}
  --binding VALUE            true, false or unknown (default unknown)
  --status STATUS            ${agreementStatuses.join(', ')} (default unknown)
  --signed DATE              2022, 2022-05 or 2022-05-26: only as precise as the source
  --country CC               a party's country code; repeat for each party (two or more)
  --agency ID                an agency acting for the party of its country; repeatable
  --signatory ID             a person a source says signed, for the party of their country
  --participant ID           a person who took part without signing
  --topic ID                 a topic id; repeatable
  --summary TEXT             one or two sentences in your own words
  --source-url URL           the source document's address
  --source-title TEXT        its title as published
  --source-publisher TEXT    who published it
  --source-published DATE    when, only as precise as the document says
  --source-language TAG      its language, such as en or ja (default en)
  --new-agency ID:CC:Name    create content/agencies/ID.yaml and use it
  --new-person ID:CC:Name    create content/people/ID.yaml
  --verified YYYY-MM-DD      the day you checked the source (default today)
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

/** Asks for everything the flags left out, offering what the catalogue already knows. */
async function ask(flags: NewAgreementFlags, known: CatalogueInput, today: string): Promise<AgreementAnswers> {
  prompts.intro('New agreement');
  prompts.note('Every fact must come from the source you cite. Write in your own words.', 'Sourcing');
  const title = flags.title ?? answered(await prompts.text({ message: 'Full title', validate: required }));
  const kind =
    flags.kind ??
    answered(
      await prompts.select({
        message: 'Kind of instrument',
        options: agreementKinds.map((value) => ({ value, label: value })),
      }),
    );
  const signed =
    flags.signed ??
    answered(await prompts.text({ message: 'Signed (YYYY, YYYY-MM or YYYY-MM-DD)', validate: dateCheck })).trim();
  const status =
    flags.status ??
    answered(
      await prompts.select({
        message: 'Status, as the sources report it',
        options: agreementStatuses.map((value) => ({ value, label: value })),
        initialValue: 'unknown',
      }),
    );
  const binding =
    flags.binding ??
    answered(
      await prompts.select({
        message: 'Legally binding?',
        options: ['unknown', 'true', 'false'].map((value) => ({ value, label: value })),
      }),
    );
  const knownCountries = new Set(
    [...known.agencies, ...known.agreements.flatMap((entry) => entry.data.parties)].map((item) =>
      'data' in item ? item.data.country : item.country,
    ),
  );
  const countries =
    flags.country ??
    answered(
      await prompts.autocompleteMultiselect({
        message: 'Parties (type to search; countries already in the catalogue come first)',
        options: [...allPartyCodes()]
          .sort((a, b) => Number(knownCountries.has(b)) - Number(knownCountries.has(a)) || a.localeCompare(b))
          .map((code) => ({ value: code, label: `${code} ${countryName(code)}` })),
        maxItems: 8,
        required: true,
      }),
    );
  // Flags already checked by answersFromFlags, so every value parses.
  const newAgencies = (flags['new-agency'] ?? []).map(parseNewAgency).filter((item) => typeof item !== 'string');
  const newPeople = (flags['new-person'] ?? []).map(parseNewPerson).filter((item) => typeof item !== 'string');
  let agencies = [...(flags.agency ?? []), ...newAgencies.map((agency) => agency.id)];
  if (!flags.agency && !flags['new-agency']) {
    const offered = known.agencies.filter((entry) => countries.includes(entry.data.country));
    if (offered.length > 0) {
      agencies = answered(
        await prompts.multiselect({
          message: 'Agencies acting for the parties',
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
      const name = answered(await prompts.text({ message: 'Its English name', validate: required })).trim();
      const id = answered(
        await prompts.text({
          message: 'Its id (file name)',
          initialValue: suggestAgreementId(name, '').replace(/-$/, ''),
          validate: (value) => (value && idPattern.test(value) ? undefined : 'Lower-case words and hyphens.'),
        }),
      );
      const country = answered(
        await prompts.select({
          message: 'Its country',
          options: countries.map((code) => ({ value: code, label: code })),
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
  const offeredPeople = known.people.filter((entry) => entry.data.country && countries.includes(entry.data.country));
  const signatories: string[] = flags.signatory ? [...flags.signatory] : [];
  if (!flags.signatory && offeredPeople.length > 0) {
    signatories.push(
      ...answered(
        await prompts.multiselect({
          message: 'Signatories (only people a source says signed; none is fine)',
          options: offeredPeople.map((entry) => ({
            value: entry.id,
            label: `${entry.data.name} (${entry.data.country ?? ''})`,
          })),
          required: false,
        }),
      ),
    );
  }
  if (!flags['new-person']) {
    while (
      answered(
        await prompts.confirm({ message: 'Add a signatory the catalogue does not have yet?', initialValue: false }),
      )
    ) {
      const name = answered(
        await prompts.text({ message: 'Their name, as English sources write it', validate: required }),
      ).trim();
      const id = answered(
        await prompts.text({
          message: 'Their id (file name)',
          initialValue: suggestAgreementId(name, '').replace(/-$/, ''),
          validate: (value) => (value && idPattern.test(value) ? undefined : 'Lower-case words and hyphens.'),
        }),
      );
      const country = answered(
        await prompts.select({
          message: 'The party they signed for',
          options: countries.map((code) => ({ value: code, label: code })),
        }),
      );
      newPeople.push({ id, name, country });
      signatories.push(id);
    }
  }
  const topics =
    flags.topic ??
    answered(
      await prompts.autocompleteMultiselect({
        message: 'Topics',
        options: known.topics.map((entry) => ({ value: entry.id, label: entry.data.name })),
        maxItems: 8,
        required: true,
      }),
    );
  const summary =
    flags.summary ??
    answered(await prompts.text({ message: 'Summary: one or two sentences in your own words', validate: required }));
  const source = {
    url:
      flags['source-url'] ??
      answered(await prompts.text({ message: 'Source address (https://...)', validate: required })),
    title:
      flags['source-title'] ??
      answered(await prompts.text({ message: 'Source title, as published', validate: required })),
    publisher:
      flags['source-publisher'] ?? answered(await prompts.text({ message: 'Who published it', validate: required })),
    language:
      flags['source-language'] ??
      answered(await prompts.text({ message: 'Its language (BCP 47)', initialValue: 'en' })),
  };
  const published =
    flags['source-published'] ??
    answered(
      await prompts.text({
        message: 'When it was published (leave empty if it carries no date)',
        validate: (value) => (!value || parsePartialDate(value.trim()) ? undefined : dateCheck(value)),
      }),
    );
  const id =
    flags.id ??
    answered(
      await prompts.text({
        message: 'File name (id)',
        initialValue: suggestAgreementId(title, signed),
        validate: (value) => (value && idPattern.test(value) ? undefined : 'Lower-case words and hyphens.'),
      }),
    );
  return {
    id,
    title,
    kind,
    binding,
    status,
    signed,
    countries,
    agencies,
    signatories,
    participants: flags.participant ?? [],
    topics,
    summary,
    source: { ...source, ...(published ? { published: published.trim() } : {}) },
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
const mine = problems.filter((problem) => written.has(problem.file));
const errors = mine.filter((problem) => problem.severity === 'error').length;
if (mine.length > 0) console.log(formatReport(mine));
if (errors > 0) {
  prompts.outro(
    `The content check found ${errors} ${errors === 1 ? 'error' : 'errors'} in the new files; fix them and run npm run check.`,
  );
  process.exitCode = 1;
} else {
  prompts.outro(
    `The content check passes. Next: write the body of ${path.join(root, 'agreements', `${plan.id}.mdx`)} in your own words, add any other sources and events, then npm run check and npm start.`,
  );
}

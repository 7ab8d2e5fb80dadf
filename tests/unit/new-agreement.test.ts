import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AgreementAnswers } from '../../src/authoring/new-agreement/answers.ts';
import { answersFromFlags, parseNewAgency } from '../../src/authoring/new-agreement/flag-values.ts';
import {
  newAgreementOptions,
  newAgreementUsage,
  parseNewAgreementFlags,
} from '../../src/authoring/new-agreement/flags.ts';
import { suggestAgreementId, suggestIdFromFacts } from '../../src/authoring/new-agreement/ids.ts';
import { planNewAgreement } from '../../src/authoring/new-agreement/plan.ts';
import { splitFrontmatter } from '../../src/checker/frontmatter.ts';
import { agreementSchema } from '../../src/schemas/index.ts';
import { fixtureCatalogue } from '../support/fixtures.ts';

const run = promisify(execFile);

const flags = [
  '--title',
  'Fixture accord on e-invoicing between Alpha and Gamma',
  '--kind',
  'accord',
  '--signed',
  '2024-03',
  '--country',
  'FR',
  '--country',
  'IT',
  '--agency',
  'alpha-digital-office',
  '--agency',
  'gamma-agency',
  '--topic',
  'e-invoicing',
  '--summary',
  'A fixture accord on e-invoicing.',
  '--source-url',
  'https://example.org/fixture-accord',
  '--source-title',
  'Fixture accord release',
  '--source-publisher',
  'Example Publisher',
  '--source-published',
  '2024-03-02',
];

function answers(extra: string[] = []): AgreementAnswers {
  const result = answersFromFlags(parseNewAgreementFlags([...flags, ...extra]).values, '2026-11-23');
  if (!result.answers) throw new Error(`missing ${result.missing.join(', ')} ${result.errors.join(', ')}`);
  return result.answers;
}

describe('planning a new agreement', () => {
  it('suggests an id in the house style: a short title without filler words, kinds abbreviated, ending with the year', () => {
    expect(suggestAgreementId('GDS-Digital Agency MoC', '2022-11')).toBe('gds-digital-agency-moc-2022');
    expect(suggestAgreementId('Memorandum of Understanding on the Digital Government', '2019')).toBe(
      'mou-digital-government-2019',
    );
    expect(suggestAgreementId('Accord de coopération numérique', '2023')).toBe('accord-de-cooperation-numerique-2023');
  });

  it('suggests an id from the parties (by their agency) and the kind when there is no short title', () => {
    const agencies = new Map([
      ['GB', [{ id: 'government-digital-service', acronym: 'GDS' }]],
      ['JP', [{ id: 'digital-agency', acronym: 'JDA' }]],
    ]);
    expect(
      suggestIdFromFacts({ countries: ['GB', 'JP'], kind: 'memorandum-of-cooperation', signed: '2022-11' }, agencies),
    ).toBe('gds-digital-agency-moc-2022');
    expect(
      suggestIdFromFacts({ countries: ['GB', 'KR', 'ASEAN'], kind: 'partnership', signed: '2023' }, new Map()),
    ).toBe('uk-south-korea-asean-partnership-2023');
  });

  it('writes frontmatter the real schema accepts, with each agency under the party of its country', async () => {
    const plan = planNewAgreement(answers(), await fixtureCatalogue(), 'content');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.id).toBe('ado-gamma-agency-accord-2024');
    const [file] = plan.files;
    expect(file?.path).toBe(path.join('content', 'agreements', 'ado-gamma-agency-accord-2024.mdx'));
    const data = agreementSchema.parse(parse(splitFrontmatter(file!.text)!.yaml));
    expect(data.parties.map((party) => [party.country, party.agencies])).toEqual([
      ['FR', ['alpha-digital-office']],
      ['IT', ['gamma-agency']],
    ]);
    expect(data.signed.iso).toBe('2024-03');
    expect(data.sources[0]?.id).toBe('example-publisher-2024');
    expect(data.verified.iso).toBe('2026-11-23');
  });

  it('creates a new agency and person file when asked, and lists the person under their party', async () => {
    const plan = planNewAgreement(
      answers([
        '--new-agency',
        'gamma-tax-office:IT:Gamma Tax Office',
        '--new-person',
        'gina-test:IT:Gina Test',
        '--signatory',
        'gina-test',
      ]),
      await fixtureCatalogue(),
      'content',
    );
    expect(plan.ok && plan.files.map((file) => file.path)).toEqual([
      path.join('content', 'agencies', 'gamma-tax-office.yaml'),
      path.join('content', 'people', 'gina-test.yaml'),
      path.join('content', 'agreements', 'ado-gamma-agency-accord-2024.mdx'),
    ]);
    if (!plan.ok) return;
    expect(parse(plan.files[0]!.text)).toMatchObject({ name: 'Gamma Tax Office', country: 'IT', kind: 'agency' });
    expect(plan.files[2]?.text).toContain('signatories:\n      - person: gina-test');
  });

  it('writes every fact it is given with the sources that state it', async () => {
    const plan = planNewAgreement(
      answers([
        '--source',
        'https://example.org/second|Second release|Other Publisher|2024-04',
        '--cite',
        'title=example-publisher-2024',
        '--cite',
        'kind=example-publisher-2024,other-publisher-2024',
        '--cite',
        'signed=example-publisher-2024',
        '--cite',
        'summary=other-publisher-2024',
        '--cite',
        'party:FR=example-publisher-2024',
        '--cite',
        'party:IT=example-publisher-2024',
        '--cite',
        'person:ada-example=other-publisher-2024',
        '--cite',
        'place=other-publisher-2024',
        '--signatory',
        'ada-example:Fixture Minister',
        '--place',
        'Rome:IT',
        '--event',
        '2024-05|meeting|The first joint meeting|other-publisher-2024|Rome',
      ]),
      await fixtureCatalogue(),
      'content',
    );
    expect(plan.ok ? [] : plan.errors).toEqual([]);
    if (!plan.ok) return;
    const data = agreementSchema.parse(parse(splitFrontmatter(plan.files.at(-1)!.text)!.yaml));
    expect(data.cite).toEqual({
      title: ['example-publisher-2024'],
      kind: ['example-publisher-2024', 'other-publisher-2024'],
      signed: ['example-publisher-2024'],
      summary: ['other-publisher-2024'],
    });
    expect(data.parties[0]?.signatories).toEqual([
      { person: 'ada-example', role: 'Fixture Minister', sources: ['other-publisher-2024'] },
    ]);
    expect(data.place).toEqual({ city: 'Rome', country: 'IT', sources: ['other-publisher-2024'] });
    expect(data.events[0]).toMatchObject({ kind: 'meeting', source: 'other-publisher-2024', place: 'Rome' });
  });

  it('asks which source states each fact when there are several, and refuses a source that states nothing', async () => {
    const plan = planNewAgreement(
      answers(['--source', 'https://example.org/second|Second release|Other Publisher']),
      await fixtureCatalogue(),
      'content',
    );
    const errors = plan.ok ? [] : plan.errors;
    expect(errors).toContain(
      'say which source states the date signed: --cite signed=<source id> (one of "example-publisher-2024", "other-publisher-2024").',
    );
    expect(errors).toContain(
      'the source "other-publisher-2024" states none of the facts given; name it for the facts it states (--cite FACT=other-publisher-2024), or leave it out.',
    );
  });

  it('refuses an unknown agency and suggests the closest known one', async () => {
    const plan = planNewAgreement(answers(['--agency', 'alpha-digital-ofice']), await fixtureCatalogue(), 'content');
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.errors.join('\n')).toMatch(
      /unknown agency "alpha-digital-ofice"\. Did you mean "alpha-digital-office"\?/,
    );
  });

  it('refuses an agency whose country is not a party', async () => {
    const plan = planNewAgreement(answers(['--agency', 'beta-data-lab']), await fixtureCatalogue(), 'content');
    expect(!plan.ok && plan.errors.join('\n')).toMatch(/belongs to DE, which is not a party; add --country DE/);
  });

  it('refuses an id that an agreement already has, and a date the source cannot support', async () => {
    const plan = planNewAgreement(
      { ...answers(), id: 'alpha-beta-identity-moc-2021', signed: '2021-13' },
      await fixtureCatalogue(),
      'content',
    );
    expect(!plan.ok && plan.errors.join('\n')).toMatch(/already exists/);
    expect(!plan.ok && plan.errors.join('\n')).toMatch(/signed/);
  });

  it('names every missing flag in a scripted run', () => {
    const result = answersFromFlags(parseNewAgreementFlags(['--title', 'Only a title']).values, '2026-11-23');
    expect(result.answers).toBeUndefined();
    expect(result.missing).toEqual(
      expect.arrayContaining(['--kind', '--signed', '--country (two or more)', '--topic']),
    );
  });

  it('explains the form of a malformed new agency', () => {
    expect(parseNewAgency('gamma-tax-office')).toMatch(/must be id:CC:Name/);
  });

  it('explains every flag in its usage text, a field’s flag in the schema’s words', () => {
    const usage = newAgreementUsage();
    for (const flag of Object.keys(newAgreementOptions)) expect(usage).toContain(`--${flag}`);
    expect(usage).toMatch(/--title TEXT +The full title, as the parties or the main source give it\./);
    expect(usage).toMatch(/--alias TEXT .* Repeatable\./);
  });
});

describe('npm run new', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes a file the content check accepts, and never overwrites it on a second run', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'accord-new-'));
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const first = await run(process.execPath, ['scripts/new-agreement.ts', '--content', root, ...flags]);
    const file = path.join(root, 'agreements', 'ado-gamma-agency-accord-2024.mdx');
    expect(first.stdout).toContain('The content check passes');
    const check = await run(process.execPath, ['scripts/check-content.ts', '--content', root]);
    expect(check.stdout).toMatch(/4 valid agreements\) in \d+ ms: no errors/);

    await writeFile(file, `${await readFile(file, 'utf8')}\nThe contributor's own prose.\n`);
    const second = await run(process.execPath, ['scripts/new-agreement.ts', '--content', root, ...flags]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect('code' in second && second.code).toBe(1);
    expect(second.stdout + second.stderr).toMatch(/already exists/);
    expect(await readFile(file, 'utf8')).toContain("The contributor's own prose.");
    // Three runs of Node on a shared machine.
  }, 30_000);

  it('flags a reworded copy of an existing entry: same parties, kind, date and source address', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'accord-new-'));
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const copy = await run(process.execPath, [
      'scripts/new-agreement.ts',
      '--content',
      root,
      ...[
        '--title',
        'Memorandum on identity between the Alpha and Beta offices',
        '--kind',
        'memorandum-of-cooperation',
      ],
      ...['--signed', '2021-05-26', '--country', 'FR', '--country', 'DE', '--topic', 'digital-identity'],
      ...['--summary', 'The same memorandum in other words.', '--source-url', 'https://example.org/fixture-release'],
      ...['--source-title', 'Fixture release', '--source-publisher', 'Example Publisher'],
    ]);
    expect(copy.stdout).toMatch(/looks like a reworded copy of .*alpha-beta-identity-moc-2021\.mdx/);
  }, 30_000);
});

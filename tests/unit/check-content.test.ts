import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText, type FileJob } from '../../src/checker/check-file.ts';
import { checkTexts } from '../../src/checker/check-pool.ts';
import { listContentFiles } from '../../src/checker/list-files.ts';
import { readContent } from '../../src/checker/read-content.ts';
import { readContentText } from '../../src/checker/read-file.ts';
import { parsePath } from '../../src/checker/yaml-positions.ts';
import { formatProblem } from '../../src/checker/problems.ts';
import { fixtureContent } from '../support/fixtures.ts';

const run = promisify(execFile);
let invalid: string;

beforeAll(async () => {
  invalid = await fixtureContent('invalid');
});

afterAll(async () => {
  await rm(invalid, { recursive: true, force: true });
});

describe('reading a content folder', () => {
  it('reports every mistake in a run, each with its file, line, field and a fix', async () => {
    const { problems } = await readContent(invalid);
    const lines = problems.map(formatProblem);
    const expected = [
      'misspelt-fields-2022.mdx:3 kind: found "memorandum-of-cooperaton"',
      'Did you mean "memorandum-of-cooperation"?',
      'misspelt-fields-2022.mdx:4 binding: found "maybe": must be true, false or "unknown"',
      'misspelt-fields-2022.mdx:6 parties[0].country: found "UK"',
      'misspelt-fields-2022.mdx:9 signed: found "May 2022": must be a date written as YYYY, YYYY-MM or YYYY-MM-DD',
      'misspelt-fields-2022.mdx:15 sources[0].url: found "www.example.org/release"',
      'misspelt-fields-2022.mdx:19 verifed, signed_by',
      'Did you mean "verified"?',
      'verifed, signed_by: unknown keys "verifed", "signed_by"',
      '"signed_by" is recorded per party: use `parties[].signatories`.',
      'broken-references-2022.mdx:7 parties[0].agencies[0]: unknown agency "alpha-digital-ofice"',
      'broken-references-2022.mdx:9 parties[0].signatories[0].person: unknown person "ada-exampel"',
      'broken-references-2022.mdx:14 topics[0]: unknown topic "digital-identiy"',
      'insecure-source-2022.mdx:15 sources[0].url: found "http://example.org/release": must be an https:// address',
      'unsourced-facts-2022.mdx:4 binding: no source is named for this fact. Add cite.binding: [<source id>]',
      'unsourced-facts-2022.mdx:9 parties[FR].signatories[ada-example]: no source is named for this fact. Add parties[FR].signatories[ada-example].sources: [<source id>]',
      'unsourced-facts-2022.mdx:13 parties[DE].sources: names source "relase", which is not among this entry\'s sources. Did you mean "release"?',
      'unsourced-facts-2022.mdx:22 cite.inForce: names sources for inForce, which the entry does not give.',
      'unsourced-facts-2022.mdx:24 readings[expires]: records another reading of expires, which the entry does not give.',
      'unsourced-facts-2022.mdx:35 sources[unused]: supports no fact, event, reading or paragraph of the body.',
      'unsourced-facts-2022.mdx:45 body: this paragraph cites no source. End it with <Cite source="<source id>" />',
      'unsourced-facts-2022.mdx:47 body: names source "press-release", which is not among this entry\'s sources.',
      'bad-yaml-2022.mdx:2 is not valid YAML',
      'no-frontmatter-2022.mdx:1 has no frontmatter',
      'wrong-extension-2022.md is not a .mdx file',
      'Bad_Case.yaml the file name "Bad_Case" must be lower-case',
    ];
    for (const text of expected)
      expect(
        lines.some((line) => line.includes(text)),
        text,
      ).toBe(true);
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  it('reads the fixture catalogue without a problem', async () => {
    const { problems, input, files } = await readContent('tests/fixtures/catalogue');
    expect(problems).toEqual([]);
    expect(input.agreements).toHaveLength(3);
    expect(files.agreements.find((file) => file.id === 'alpha-beta-identity-moc-2021')?.body).toContain(
      'verified credentials',
    );
  });

  it('parses a field path back into its keys', () => {
    expect(parsePath('parties[0].signatories[12].person')).toEqual(['parties', 0, 'signatories', 12, 'person']);
  });
});

// Each test starts a Node process, which takes several seconds on a busy machine.
describe('npm run check', { timeout: 30_000 }, () => {
  it('exits 1 with a readable report and no stack trace when content is invalid', async () => {
    const failure = await run(process.execPath, ['scripts/check-content.ts', '--content', invalid]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stdout).toMatch(/23 errors, 0 warnings/);
    expect(failure.stdout + failure.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 on valid content', async () => {
    const { stdout } = await run(process.execPath, [
      'scripts/check-content.ts',
      '--content',
      'tests/fixtures/catalogue',
    ]);
    expect(stdout).toMatch(/no errors/);
  });
});

// Starting two workers and checking a thousand files takes seconds on a busy machine.
describe('checking many files', { timeout: 60_000 }, () => {
  it('gives the same outcome in worker threads as in one thread', async () => {
    const { files } = await listContentFiles('tests/fixtures/invalid');
    const valid = await listContentFiles('tests/fixtures/catalogue');
    const jobs: FileJob[] = [];
    for (const file of [...files, ...valid.files]) {
      const read = readContentText(file.filePath);
      if ('text' in read) jobs.push({ ...file, text: read.text, contentRoot: 'tests/fixtures', render: true });
    }
    // Enough copies for the pool to start its workers.
    const many = Array.from({ length: Math.ceil(1000 / jobs.length) }, () => jobs).flat();
    const inWorkers = await checkTexts(many);
    expect(inWorkers).toEqual(many.map(checkText));
    expect(inWorkers.filter((outcome) => outcome.problems.length > 0).length).toBeGreaterThan(0);
    expect(inWorkers.filter((outcome) => outcome.checked?.rendered).length).toBeGreaterThan(0);
  });
});

describe('rendering a body', () => {
  it('renders an entry without a body as no HTML at all, as the MDX pipeline did', async () => {
    const file = 'tests/fixtures/catalogue/agreements/alpha-beta-identity-moc-2021.mdx';
    const text = (await readFile(file, 'utf8')).replace(/\n---\n[\s\S]*$/, '\n---\n');
    const outcome = checkText({
      collection: 'agreements',
      id: 'alpha-beta-identity-moc-2021',
      filePath: file,
      text,
      contentRoot: 'tests/fixtures/catalogue',
      render: true,
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.checked?.rendered).toBe('');
  });
});

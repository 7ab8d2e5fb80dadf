import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/checker/integrity.ts';
import { agreementEntry, catalogueWith } from '../support/fixtures.ts';

// A distinct agreement between the same parties, from its own source.
const cloud = {
  title: 'Cloud services agreement',
  sources: [{ id: 'release', url: 'https://example.org/cloud', title: 'Cloud', publisher: 'Example', language: 'en' }],
};

const problemsFor = (...entries: ReturnType<typeof agreementEntry>[]) => checkCatalogue(catalogueWith(entries));

describe('catalogue integrity', () => {
  it('finds nothing wrong in a consistent catalogue', () => {
    expect(problemsFor(agreementEntry('test-moc-2022'))).toEqual([]);
  });

  it('names the file, the field, the unknown agency and the closest valid one', () => {
    const [problem] = problemsFor(
      agreementEntry('test-moc-2022', { parties: [{ country: 'GB', agencies: ['gds-uk'] }, { country: 'DE' }] }),
    );
    expect(problem).toMatchObject({
      file: 'content/agreements/test-moc-2022.mdx',
      field: 'parties[0].agencies[0]',
      severity: 'error',
    });
    expect(problem?.message).toContain('unknown agency "gds-uk"');
    expect(problem?.hint).toBe('Did you mean "government-digital-service"?');
  });

  it('names the missing file under the content folder it was given', () => {
    const [problem] = checkCatalogue(
      catalogueWith([agreementEntry('test-moc-2022', { topics: ['quantum-sensing'] })]),
      { root: 'elsewhere/catalogue' },
    );
    expect(problem?.message).toBe(
      'unknown topic "quantum-sensing": no file elsewhere/catalogue/topics/quantum-sensing.yaml.',
    );
  });

  it('suggests a near miss for a misspelt topic, person and related agreement', () => {
    const problems = problemsFor(
      agreementEntry('test-moc-2022', {
        topics: ['digital-identiy'],
        parties: [
          { country: 'FR', signatories: [{ person: 'ada-exampel', sources: ['release'] }], sources: ['release'] },
          { country: 'DE', sources: ['release'] },
        ],
        related: [{ agreement: 'test-moc-2021', relation: 'renews', sources: ['release'] }],
      }),
    );
    expect(problems.map((problem) => [problem.field, problem.hint])).toEqual([
      ['parties[0].signatories[0].person', 'Did you mean "ada-example"?'],
      ['topics[0]', 'Did you mean "digital-identity"?'],
      ['related[0].agreement', 'Did you mean "test-moc-2022"?'],
    ]);
  });

  it('reports an agency placed under the wrong country', () => {
    const [problem] = problemsFor(
      agreementEntry('test-moc-2022', {
        parties: [
          { country: 'FR', agencies: ['beta-ministry-of-data'], sources: ['release'] },
          { country: 'DE', sources: ['release'] },
        ],
      }),
    );
    expect(problem?.message).toBe('agency "beta-ministry-of-data" belongs to DE, not to this party (FR).');
  });

  it('reports dates out of order', () => {
    const problems = problemsFor(
      agreementEntry('test-moc-2022', {
        inForce: '2021-12',
        expires: '2021-06',
        cite: {
          title: ['release'],
          kind: ['release'],
          signed: ['release'],
          summary: ['release'],
          inForce: ['release'],
          expires: ['release'],
        },
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['inForce', 'expires', 'expires']);
  });

  it('reports an event outside the agreement’s life unless it is marked so', () => {
    const event = { date: '2021-03', kind: 'announced', title: 'Announced', source: 'release' };
    expect(problemsFor(agreementEntry('test-moc-2022', { events: [event] }))[0]?.field).toBe('events[0].date');
    expect(problemsFor(agreementEntry('test-moc-2022', { events: [{ ...event, outsideTerm: true }] }))).toEqual([]);
  });

  it('reports an event that cites a source the entry does not have', () => {
    const event = { date: '2022-06', kind: 'meeting', title: 'Met', source: 'missing' };
    expect(problemsFor(agreementEntry('test-moc-2022', { events: [event] }))[0]?.message).toContain('"missing"');
  });

  it('reports a source cited twice', () => {
    const source = { url: 'https://example.org/release', title: 'R', publisher: 'P', language: 'en' };
    const problems = problemsFor(
      agreementEntry('test-moc-2022', {
        sources: [
          { ...source, id: 'a' },
          { ...source, id: 'b', url: 'https://example.org/release/' },
        ],
      }),
    );
    expect(problems[0]?.field).toBe('sources[1].url');
  });

  it('requires the file name to end with the year signed', () => {
    const [problem] = problemsFor(agreementEntry('test-moc-2021'));
    expect(problem?.message).toContain('must end with the year signed, "-2022"');
    expect(problem?.hint).toContain('test-moc-2022.mdx');
  });

  it('reports a likely duplicate with the entry it resembles', () => {
    const problems = problemsFor(
      agreementEntry('test-moc-2022'),
      agreementEntry('test-moc-again-2022', { title: 'The test memorandum' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'content/agreements/test-moc-again-2022.mdx' });
    expect(problems[0]?.message).toContain('content/agreements/test-moc-2022.mdx');
  });

  it('does not call distinct agreements between the same parties duplicates', () => {
    expect(problemsFor(agreementEntry('test-moc-2022'), agreementEntry('cloud-agreement-2022', cloud))).toEqual([]);
  });

  it('accepts former ids that no other entry uses', () => {
    expect(problemsFor(agreementEntry('test-moc-2022', { formerIds: ['old-test-moc-2022'] }))).toEqual([]);
  });

  it('rejects a former id that is another entry’s current id', () => {
    const problems = problemsFor(
      agreementEntry('test-moc-2022', { formerIds: ['cloud-agreement-2022'] }),
      agreementEntry('cloud-agreement-2022', cloud),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'content/agreements/test-moc-2022.mdx',
      field: 'formerIds[0]',
      severity: 'error',
    });
    expect(problems[0]?.message).toContain('current id of content/agreements/cloud-agreement-2022.mdx');
  });

  it('rejects an entry listing its own id as a former one', () => {
    const [problem] = problemsFor(agreementEntry('test-moc-2022', { formerIds: ['test-moc-2022'] }));
    expect(problem?.message).toBe('"test-moc-2022" is this entry\'s own id, not a former one.');
  });

  it('rejects a former id claimed by two entries', () => {
    const problems = problemsFor(
      agreementEntry('test-moc-2022', { formerIds: ['old-moc-2022'] }),
      agreementEntry('cloud-agreement-2022', { ...cloud, formerIds: ['old-moc-2022'] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/agreements/cloud-agreement-2022.mdx', field: 'formerIds[0]' });
    expect(problems[0]?.message).toBe(
      'former id "old-moc-2022" is already claimed by content/agreements/test-moc-2022.mdx.',
    );
  });
});

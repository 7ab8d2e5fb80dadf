import { describe, expect, it } from 'vitest';
import { externalProblem } from '../../scripts/gates/checks.ts';
import { checkCatalogue } from '../../src/checker/integrity.ts';
import { formatProblem } from '../../src/checker/problems.ts';
import { checkSourcing } from '../../src/checker/sourcing.ts';
import isoCountries from 'i18n-iso-countries';
import { countryName, countryNameInText } from '../../src/countries.ts';
import { organisationCodes } from '../../src/vocabulary.ts';
import { readBody } from '../../src/markdown/parse-body.ts';
import { agreementSchema } from '../../src/schemas/index.ts';
import { agreementEntry, agreementInput, catalogueWith } from '../support/fixtures.ts';

const twoSources = [
  { id: 'release', url: 'https://example.org/release', title: 'Release', publisher: 'Example', language: 'en' },
  { id: 'report', url: 'https://example.org/report', title: 'Report', publisher: 'Example', language: 'en' },
];
const lines = (problems: ReturnType<typeof checkSourcing>) => problems.map(formatProblem);
const citedBody = { cites: [{ ids: ['release'] }], uncited: [] };

describe('the sourcing check', () => {
  it('accepts an entry whose every fact names a source', () => {
    expect(checkSourcing(agreementEntry('test-moc-2022'), citedBody)).toEqual([]);
  });

  it('names the fact and what to add when a stated fact has no reference', () => {
    const entry = agreementEntry('test-moc-2022', {
      binding: true,
      parties: [
        { country: 'FR', sources: ['release'], signatories: [{ person: 'ada-example', role: 'Minister' }] },
        { country: 'DE' },
      ],
      place: { city: 'Paris', country: 'FR' },
    });
    expect(lines(checkSourcing(entry))).toEqual([
      expect.stringContaining(
        'binding: no source is named for this fact. Add cite.binding: [<source id>], naming the sources that state it',
      ),
      expect.stringContaining(
        'parties[FR].signatories[ada-example]: no source is named for this fact. Add parties[FR].signatories[ada-example].sources: [<source id>]',
      ),
      expect.stringContaining('parties[DE]: no source is named for this fact. Add parties[DE].sources: [<source id>]'),
      expect.stringContaining('place: no source is named for this fact. Add place.sources: [<source id>]'),
    ]);
  });

  it('needs no reference for a fact recorded as unknown or left out', () => {
    const entry = agreementEntry('test-moc-2022', { binding: 'unknown', status: 'unknown' });
    expect(checkSourcing(entry)).toEqual([]);
  });

  it('refuses a reference to a fact the entry does not give', () => {
    const entry = agreementEntry('test-moc-2022', {
      cite: { title: ['release'], kind: ['release'], signed: ['release'], summary: ['release'], status: ['release'] },
    });
    expect(lines(checkSourcing(entry))).toEqual([
      expect.stringContaining('cite.status: names sources for status, which the entry records as "unknown".'),
    ]);
  });

  it('refuses an unknown source id and suggests the closest', () => {
    const entry = agreementEntry('test-moc-2022', {
      cite: { title: ['relase'], kind: ['release'], signed: ['release'], summary: ['release'] },
    });
    const [problem] = checkSourcing(entry);
    expect(problem).toMatchObject({ field: 'cite.title', at: 'cite.title', severity: 'error' });
    expect(formatProblem(problem!)).toContain(
      'cite.title: names source "relase", which is not among this entry\'s sources. Did you mean "release"?',
    );
  });

  it('refuses a source that supports nothing, counting facts, events, readings and the body', () => {
    const entry = (overrides: Record<string, unknown>) =>
      agreementEntry('test-moc-2022', { sources: twoSources, ...overrides });
    expect(lines(checkSourcing(entry({}), citedBody))).toEqual([
      expect.stringContaining('sources[report]: supports no fact, event, reading or paragraph of the body.'),
    ]);
    const event = { date: '2022-06', kind: 'meeting', title: 'Met', source: 'report' };
    expect(checkSourcing(entry({ events: [event] }), citedBody)).toEqual([]);
    const reading = { fact: 'signed', value: '2022-06', sources: ['report'] };
    expect(checkSourcing(entry({ readings: [reading] }), citedBody)).toEqual([]);
    expect(checkSourcing(entry({}), { cites: [{ ids: ['release', 'report'] }], uncited: [] })).toEqual([]);
    // Without the body (the build, after `npm run check`), a source cited only there is not reported.
    expect(checkSourcing(entry({}))).toEqual([]);
  });

  it('refuses a reading of a fact the entry does not give, and one that agrees with the entry', () => {
    const entry = agreementEntry('test-moc-2022', {
      readings: [
        { fact: 'inForce', value: '2022-07', sources: ['release'] },
        { fact: 'signed', value: '2022-05', sources: ['release'] },
      ],
    });
    expect(lines(checkSourcing(entry))).toEqual([
      expect.stringContaining('readings[inForce]: records another reading of inForce, which the entry does not give.'),
      expect.stringContaining("readings[signed].value: is the same as the entry's own signed"),
    ]);
  });

  it('refuses a paragraph without <Cite> and a <Cite> naming an unknown source, at their lines', () => {
    const body = readBody(
      'Cited. <Cite source="release" />\n\nNot cited.\n\nWrong. <Cite source="relese" />\n',
      20,
    ).citations;
    expect(lines(checkSourcing(agreementEntry('test-moc-2022'), body))).toEqual([
      expect.stringContaining(':25 body: names source "relese", which is not among this entry\'s sources.'),
      expect.stringContaining(':23 body: this paragraph cites no source. End it with <Cite source="<source id>" />'),
    ]);
  });
});

describe('what counts as a paragraph that must cite', () => {
  it('counts top-level paragraphs, list items, block quotes and callouts', () => {
    const body = [
      'A paragraph.',
      '- an item',
      '- a cited item <Cite source="a" />',
      '> quoted prose',
      '<Callout kind="note">\n  Callout prose.\n</Callout>',
    ].join('\n\n');
    expect(readBody(body).citations.uncited.map((paragraph) => paragraph.line)).toEqual([1, 3, 7, 10]);
  });

  it('counts a table as one block, and the paragraphs of a footnote', () => {
    const body = [
      '| a | b |\n| - | - |\n| c | d |',
      '| e | f <Cite source="a" /> |\n| - | - |',
      'A claim.[^1] <Cite source="a" />',
      '[^1]: A note without a source.',
    ].join('\n\n');
    expect(readBody(body).citations.uncited.map((paragraph) => paragraph.line)).toEqual([1, 10]);
  });

  it('does not count headings, a lone <Quote> or <Figure>, and reads every id of a <Cite>', () => {
    const body = [
      '## A heading',
      '<Quote cite="Minister" source="https://example.org/">Quoted words.</Quote>',
      '<Figure src="https://example.org/a.jpg" alt="A picture" />',
      'Prose. <Cite source="a  b" />',
    ].join('\n\n');
    expect(readBody(body).citations).toEqual({ cites: [{ ids: ['a', 'b'], line: 7 }], uncited: [] });
  });
});

describe('signatories and the agencies their roles name', () => {
  it('refuses a signatory whose role names an agency of another party', () => {
    const entry = agreementEntry('test-moc-2022', {
      parties: [
        {
          country: 'FR',
          sources: ['release'],
          signatories: [{ person: 'ada-example', role: 'Chief Executive, GDS', sources: ['release'] }],
        },
        { country: 'DE', sources: ['release'] },
      ],
    });
    const [problem] = checkCatalogue(catalogueWith([entry]));
    expect(problem).toMatchObject({ field: 'parties[FR].signatories[ada-example].role', severity: 'error' });
    expect(problem?.message).toBe(
      'the role "Chief Executive, GDS" names Government Digital Service (GB), which does not belong to this party (FR): the page would say they acted for France.',
    );
    expect(problem?.hint).toBe('Move them to the GB party, or check the role against the source.');
  });

  it('accepts a role that names the party’s own agency, or none', () => {
    const entry = agreementEntry('test-moc-2022', {
      parties: [
        {
          country: 'FR',
          sources: ['release'],
          signatories: [{ person: 'ada-example', role: 'Head of Alpha Digital Office', sources: ['release'] }],
        },
        {
          country: 'DE',
          sources: ['release'],
          participants: [{ person: 'ada-example', role: 'Minister', sources: ['release'] }],
        },
      ],
    });
    expect(checkCatalogue(catalogueWith([entry]))).toEqual([]);
  });
});

describe('duplicates', () => {
  it('flags a reworded copy with the same parties, kind, date and source address', () => {
    const copy = agreementEntry('reworded-moc-2022', { title: 'Cooperation memorandum, as another outlet put it' });
    const [problem] = checkCatalogue(catalogueWith([agreementEntry('test-moc-2022'), copy]));
    expect(problem).toMatchObject({ severity: 'warning', file: 'content/agreements/reworded-moc-2022.mdx' });
    expect(problem?.message).toContain('looks like a reworded copy of content/agreements/test-moc-2022.mdx');
  });

  it('does not flag instruments of one release that say how they relate', () => {
    const part = { agreement: 'parent-accord-2022', relation: 'part-of', sources: ['release'] };
    const entries = [
      agreementEntry('parent-accord-2022', { title: 'Parent accord', kind: 'accord' }),
      agreementEntry('test-moc-2022', { related: [part] }),
      agreementEntry('other-moc-2022', { title: 'Another memorandum altogether', related: [part] }),
    ];
    expect(checkCatalogue(catalogueWith(entries))).toEqual([]);
  });
});

describe('the schema of references', () => {
  it('refuses an http source address with a fix', () => {
    const result = agreementSchema.safeParse(
      agreementInput({ sources: [{ ...twoSources[0], url: 'http://example.org/release' }] }),
    );
    expect(result.error?.issues[0]?.message).toMatch(/^must be an https:\/\/ address: http:\/\/ is refused/);
  });

  it('applies the links gate’s own rule to source addresses, so the two cannot disagree', () => {
    const addresses = [
      'https://www.digital.go.jp/en/news/2022-12-05',
      'http://example.org/',
      'https://intranet/page',
      'https://example.org/a b',
      'ftp://example.org/file',
    ];
    const accepted = (url: string) =>
      agreementSchema.safeParse(agreementInput({ sources: [{ ...twoSources[0], url }] })).success;
    expect(addresses.map(accepted)).toEqual(addresses.map((url) => externalProblem(url) === undefined));
    expect(addresses.map(accepted)).toEqual([true, false, false, false, false]);
  });

  it('reads a reading’s value as its fact is written', () => {
    const { data } = agreementEntry('test-moc-2022', {
      readings: [{ fact: 'signed', value: '2022-06', sources: ['release'], note: 'Our words.' }],
    });
    expect(data.readings[0]).toMatchObject({ fact: 'signed', value: { iso: '2022-06', precision: 'month' } });
    const wrong = agreementSchema.safeParse(
      agreementInput({ readings: [{ fact: 'kind', value: 'memo', sources: ['release'] }] }),
    );
    expect(wrong.error?.issues[0]?.path).toEqual(['readings', 0, 'value']);
    expect(wrong.error?.issues[0]?.message).toContain('as a reading of kind');
  });

  it('accepts organisations as parties, named in English', () => {
    expect(() =>
      agreementEntry('test-moc-2022', {
        parties: [
          { country: 'ASEAN', sources: ['release'] },
          { country: 'SMARTAFRICA', sources: ['release'] },
        ],
      }),
    ).not.toThrow();
    expect(countryNameInText('ASEAN')).toBe('the Association of Southeast Asian Nations');
  });

  it('gives no organisation a code that ISO 3166-1 gives a country (AU is Australia)', () => {
    const countries = new Set(Object.keys(isoCountries.getAlpha2Codes()));
    expect(organisationCodes.filter((code) => countries.has(code))).toEqual([]);
    expect(countryName('AU')).toBe('Australia');
    expect(countryName('AFRICANUNION')).toBe('African Union');
  });

  it('writes "the" before the names that take it in a sentence', () => {
    expect([countryNameInText('GB'), countryNameInText('JP'), countryNameInText('PH')]).toEqual([
      'the United Kingdom',
      'Japan',
      'the Philippines',
    ]);
  });
});

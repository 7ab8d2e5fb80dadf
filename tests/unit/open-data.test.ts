import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { useStrings } from '../../src/i18n/index.ts';
import {
  bibtexKey,
  dateParts,
  escapeBibtex,
  toBibtex,
  toCslJson,
  toPlainCitation,
  type CitationInput,
} from '../../src/open-data/citation.ts';
import { agreementColumns, agreementCsvHeader, agreementCsvRow, csvCell, toCsv } from '../../src/open-data/csv.ts';
import { catalogueFields, csvColumns, describeFields } from '../../src/open-data/dictionary.ts';
import { feedItems } from '../../src/open-data/feed-items.ts';
import { agreementJsonLd, datasetJsonLd, serialiseJsonLd, websiteJsonLd } from '../../src/open-data/json-ld.ts';
import { agreementRecord, catalogueFile, updatedDate, type RecordContext } from '../../src/open-data/records.ts';
import { agreementRecordSchema, catalogueJsonSchema } from '../../src/open-data/schema.ts';
import { locales } from '../../src/i18n/locales.ts';
import { ja } from '../../src/i18n/ja.ts';
import { routes, routesFor } from '../../src/routes.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';
import { meaningOf } from '../../src/schemas/field-meta.ts';
import { agreementSchema } from '../../src/schemas/index.ts';
import { fixtureCatalogue } from '../support/fixtures.ts';

let catalogue: Catalogue;
const strings = useStrings();
const history = new Map([['tests/fixtures/catalogue/agreements/alpha-beta-identity-moc-2021.mdx', '2026-11-20']]);
const context: RecordContext = {
  absolute: (path) => new URL(path, 'https://example.org/').href,
  routes,
  t: strings.t,
  lastChanged: (file) => history.get(file),
};

beforeAll(async () => {
  catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
});

const agreement = (id: string) => {
  const found = catalogue.agreementById.get(id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
};

const citation = (overrides: Partial<CitationInput> = {}): CitationInput => ({
  id: 'alpha-beta-identity-moc-2021',
  title: 'Fixture memorandum',
  url: 'https://example.org/agreements/alpha-beta-identity-moc-2021/',
  verified: parsePartialDate('2026-11-01')!,
  siteName: 'Accord Atlas',
  author: 'Accord Atlas contributors',
  ...overrides,
});

describe('open-data records', () => {
  it('resolves every code to its label and every reference to a name', () => {
    const record = agreementRecord(agreement('alpha-beta-identity-moc-2021'), catalogue, context);
    expect(record.kind).toEqual({ code: 'memorandum-of-cooperation', label: 'Memorandum of cooperation' });
    expect(record.binding).toEqual({ code: 'no', label: 'No' });
    expect(record.parties[0]).toMatchObject({
      country: 'FR',
      countryName: 'France',
      agencies: [{ id: 'alpha-digital-office', name: 'Alpha Digital Office' }],
      signatories: [{ id: 'ada-example', name: 'Ada Example', role: 'Fixture Minister' }],
    });
    expect(record.topics).toEqual([{ id: 'digital-identity', name: 'Digital identity' }]);
    expect(record.url).toBe('https://example.org/agreements/alpha-beta-identity-moc-2021/');
  });

  it('dates an entry by its last commit where known and by its verification otherwise', () => {
    expect(updatedDate(agreement('alpha-beta-identity-moc-2021'), '2026-11-20')).toBe('2026-11-20');
    expect(updatedDate(agreement('alpha-beta-identity-moc-2021'), undefined)).toBe('2026-11-01');
  });

  it('passes its own schema for every fixture agreement', () => {
    for (const item of catalogue.agreements) {
      expect(() => agreementRecordSchema.parse(agreementRecord(item, catalogue, context)), item.id).not.toThrow();
    }
  });

  it('validates the whole file against the generated JSON Schema', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(catalogueJsonSchema('https://example.org/data/catalogue.schema.json'));
    const file = catalogueFile(catalogue, context);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.agreements).toHaveLength(catalogue.agreements.length);
    expect(file.licence.data.name).toBe('CC BY 4.0');
  });

  it('carries each fact’s references, the other readings and the pages that state a name', () => {
    const record = agreementRecord(agreement('alpha-beta-identity-moc-2021'), catalogue, context);
    expect(record.cite['signed']).toEqual(['fixture-release']);
    expect(record.parties[0]?.sources).toEqual(['fixture-release']);
    expect(record.parties[0]?.signatories[0]?.sources).toEqual(['fixture-release']);
    expect(record.place?.sources).toEqual(['fixture-release']);
    expect(record.readings).toEqual([]);
    expect(agreementColumns.references.cell(record)).toContain(
      'summary: fixture-release; parties[FR]: fixture-release',
    );
    const people = catalogueFile(catalogue, context).people;
    expect(people.find((person) => person.id === 'ada-example')?.sources).toEqual([
      { url: 'https://example.org/fixture-release', title: 'Fixture release', publisher: 'Example Publisher' },
    ]);
  });

  it('keeps former ids in the record', () => {
    expect(agreementRecord(agreement('alpha-beta-identity-renewal-2024'), catalogue, context).formerIds).toEqual([
      'alpha-beta-identity-extension-2024',
    ]);
  });
});

describe('the CSV file', () => {
  it('quotes only cells that hold a comma, a quote or a line break', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Paris, France')).toBe('"Paris, France"');
    expect(csvCell('the "Accord"')).toBe('"the ""Accord"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('gives one cell per column and joins several values with "; "', () => {
    const record = agreementRecord(agreement('alpha-beta-identity-moc-2021'), catalogue, context);
    const row = agreementCsvRow(record);
    const cell = (column: keyof typeof agreementColumns) => row[Object.keys(agreementColumns).indexOf(column)];
    expect(row).toHaveLength(Object.keys(agreementColumns).length);
    expect(cell('countries')).toBe('France; Germany');
    expect(cell('agencies')).toBe('Alpha Digital Office; Beta Ministry of Data; Beta Data Lab');
    expect(cell('place')).toBe('Paris, France');
    expect(cell('lastChanged')).toBe('2026-11-20');
  });

  it('reads back cell for cell with a standard CSV parser', () => {
    const rows = catalogue.agreements.map((item) => agreementCsvRow(agreementRecord(item, catalogue, context)));
    const header = [...agreementCsvHeader];
    expect(parseCsv(toCsv(header, rows))).toEqual([header, ...rows]);
    const awkward = ['a "quoted", cell', 'line\r\nbreak'];
    expect(parseCsv(toCsv(['A', 'B'], [awkward]))).toEqual([['A', 'B'], awkward]);
  });
});

describe('citations', () => {
  it('escapes the characters BibTeX treats as special', () => {
    expect(escapeBibtex('R&D {50%} $5 #1 a_b ^ ~ \\')).toBe(
      'R\\&D \\{50\\%\\} \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
  });

  it('writes a BibTeX entry keyed by the id, with the title protected and escaped', () => {
    const bibtex = toBibtex(citation({ title: 'Data & AI: 100% {open}' }));
    expect(bibtex.startsWith(`@misc{${bibtexKey('alpha-beta-identity-moc-2021')},\n`)).toBe(true);
    expect(bibtex).toContain('  title = {{Data \\& AI: 100\\% \\{open\\}}},');
    expect(bibtex).toContain('  url = {https://example.org/agreements/alpha-beta-identity-moc-2021/},');
    expect(bibtex).toContain('  date = {2026-11-01},');
    expect(bibtex).not.toContain('urldate');
    expect(bibtex.endsWith('\n}')).toBe(true);
  });

  it('writes a CSL-JSON webpage item whose date is no more precise than the entry’s', () => {
    expect(toCslJson(citation())).toEqual({
      id: 'accord-atlas-alpha-beta-identity-moc-2021',
      type: 'webpage',
      title: 'Fixture memorandum',
      'container-title': 'Accord Atlas',
      author: [{ literal: 'Accord Atlas contributors' }],
      issued: { 'date-parts': [[2026, 11, 1]] },
      URL: 'https://example.org/agreements/alpha-beta-identity-moc-2021/',
      note: 'Catalogue entry, last checked against its sources on 2026-11-01',
    });
    expect(dateParts(parsePartialDate('2022-05')!)).toEqual([2022, 5]);
    expect(toCslJson(citation())).not.toHaveProperty('accessed');
  });

  it('leaves the access date for the reader in plain text', () => {
    const text = toPlainCitation(citation(), {
      verifiedText: 'checked 1 November 2026',
      accessedPlaceholder: 'accessed [date]',
    });
    expect(text).toBe(
      'Accord Atlas contributors. “Fixture memorandum”. Accord Atlas, checked 1 November 2026. https://example.org/agreements/alpha-beta-identity-moc-2021/ (accessed [date]).',
    );
  });
});

describe('feed items', () => {
  it('lists each agreement once, most recently updated first', () => {
    const items = feedItems(catalogue.agreements, {
      strings,
      routes,
      absolute: context.absolute,
      lastChanged: context.lastChanged,
      topicName: (id) => catalogue.topicById.get(id)?.data.name ?? id,
    });
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/agreements/alpha-beta-identity-moc-2021/',
      'https://example.org/agreements/alpha-beta-identity-renewal-2024/',
      'https://example.org/agreements/beta-gamma-einvoicing-agreement-2023/',
    ]);
    expect(items[0]?.pubDate).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(items[0]?.categories).toEqual(['Digital identity']);
    expect(items[0]?.description).toMatch(/^Signed 26 May 2021 by France and Germany\. /);
  });
});

describe('feed items, limited', () => {
  it('keeps only the most recently updated agreements', () => {
    const items = feedItems(catalogue.agreements, {
      strings,
      routes,
      absolute: context.absolute,
      lastChanged: context.lastChanged,
      topicName: (id) => id,
      limit: 2,
    });
    expect(items.map((item) => item.link)).toEqual([
      'https://example.org/agreements/alpha-beta-identity-moc-2021/',
      'https://example.org/agreements/alpha-beta-identity-renewal-2024/',
    ]);
  });
});

describe('structured data', () => {
  it('describes an agreement as a creative work with its parties, agencies and sources', () => {
    const jsonLd = agreementJsonLd(agreement('alpha-beta-identity-moc-2021'), catalogue, {
      url: 'https://example.org/agreements/alpha-beta-identity-moc-2021/',
      siteUrl: 'https://example.org/',
      updated: '2026-11-20',
      t: strings.t,
    });
    expect(jsonLd).toMatchObject({ '@type': 'WebPage', dateModified: '2026-11-20' });
    expect(jsonLd['mainEntity']).toMatchObject({
      '@type': 'CreativeWork',
      dateCreated: '2021-05-26',
      spatialCoverage: [
        { '@type': 'Country', name: 'France' },
        { '@type': 'Country', name: 'Germany' },
      ],
      creator: [
        { '@type': 'GovernmentOrganization', name: 'Alpha Digital Office' },
        { '@type': 'GovernmentOrganization', name: 'Beta Ministry of Data' },
        { '@type': 'GovernmentOrganization', name: 'Beta Data Lab' },
      ],
      citation: [{ '@type': 'CreativeWork', url: 'https://example.org/fixture-release', datePublished: '2021-05' }],
    });
  });

  it('points the site’s search action at the search page', () => {
    const jsonLd = websiteJsonLd({
      name: 'Accord Atlas',
      description: 'x',
      url: 'https://example.org/',
      searchUrl: 'https://example.org/search/',
    });
    expect(jsonLd['potentialAction']).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: 'https://example.org/search/?q={search_term_string}' },
    });
  });

  it('describes the open data as a freely licensed dataset with its downloads', () => {
    const jsonLd = datasetJsonLd({
      name: 'Accord Atlas',
      description: 'x',
      url: 'https://example.org/data/',
      siteUrl: 'https://example.org/',
      downloads: [{ url: 'https://example.org/data/agreements.csv', format: 'text/csv' }],
    });
    expect(jsonLd).toMatchObject({
      '@type': 'Dataset',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      distribution: [{ '@type': 'DataDownload', contentUrl: 'https://example.org/data/agreements.csv' }],
    });
  });

  it('cannot close its script element early', () => {
    expect(serialiseJsonLd({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('the data dictionary', () => {
  it('describes every field of the catalogue file, nested ones included', () => {
    const fields = describeFields(catalogueJsonSchema(''));
    const paths = fields.map((field) => field.path);
    expect(paths).toContain('agreements[].parties[].signatories[].role');
    expect(paths).toContain('licence.data.url');
    expect(fields.filter((field) => field.description === '').map((field) => field.path)).toEqual([]);
  });

  it('gives every field a meaning in each edition, and the Japanese one no field the file lacks', () => {
    const paths = describeFields(catalogueJsonSchema('')).map((field) => field.path);
    for (const locale of locales) {
      const fields = catalogueFields(locale);
      expect(fields.map((field) => field.path)).toEqual(paths);
      expect(
        fields.filter((field) => !field.description.trim()).map((field) => field.path),
        locale,
      ).toEqual([]);
    }
    expect(Object.keys(ja.data.fields).filter((path) => !paths.includes(path))).toEqual([]);
  });

  it('shows Japanese readers the meaning in Japanese, and English ones the schema’s own words', () => {
    const meaning = (locale: 'en' | 'ja', path: string) =>
      catalogueFields(locale).find((field) => field.path === path)?.description;
    expect(meaning('en', 'agreements[].title')).toBe('The full title, as the parties or the main source give it.');
    expect(meaning('ja', 'agreements[].title')).toBe('当事者または主な情報源が記載する正式名称。');
  });

  it('takes a content field’s meaning without the guidance meant for contributors', () => {
    expect(meaningOf(agreementSchema.shape.shortTitle)).toEqual({ description: 'A short name for lists.' });
    expect(() => meaningOf(z.string())).toThrow(/has no description/);
  });

  it('describes a column that holds one field by the meaning of that field, in each edition', () => {
    for (const locale of locales) {
      const columns = csvColumns(locale);
      expect(columns.map((column) => column.header)).toEqual(agreementCsvHeader);
      expect(
        columns.filter((column) => !column.description.trim()),
        locale,
      ).toEqual([]);
    }
    const title = (locale: 'en' | 'ja') => csvColumns(locale).find((column) => column.header === 'Title');
    expect(title('en')?.description).toBe('The full title, as the parties or the main source give it.');
    expect(title('ja')?.description).toBe('当事者または主な情報源が記載する正式名称。');
    expect(csvColumns('ja').find((column) => column.header === 'Parties')?.description).toBe(
      '当事者である国・地域の名称（項目に記載の順）。',
    );
  });
});

describe('feed items in Japanese', () => {
  it('link to the Japanese pages and write dates and parties as Japanese does', () => {
    const items = feedItems(catalogue.agreements, {
      strings: useStrings('ja'),
      routes: routesFor('ja'),
      absolute: context.absolute,
      lastChanged: context.lastChanged,
      topicName: (id) => id,
    });
    expect(items[0]?.link).toBe('https://example.org/ja/agreements/alpha-beta-identity-moc-2021/');
    expect(items[0]?.description).toMatch(/^2021年5月26日にフランス、ドイツが署名。/);
  });
});

import type { AgreementRecord } from './schema.ts';

/** The separator of several values in one CSV cell. */
export const multiValueSeparator = '; ';

/**
 * The characters that make a spreadsheet program read a cell as a formula when they start it
 * (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A value that no spreadsheet runs as a formula: one that starts with a formula character gets
 * an apostrophe in front, which spreadsheets read as "text follows" (and show without it).
 * Applied to every value, also inside a joined cell, which "text to columns" would split.
 */
export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

const join = (values: readonly string[]) => values.map(neutraliseFormula).join(multiValueSeparator);
const peopleOf = (record: AgreementRecord, list: 'signatories' | 'participants') =>
  join(record.parties.flatMap((party) => party[list].map((person) => person.name)));

/**
 * Every fact of a record with its references, named as the content check names them
 * (`signed`, `parties[JP]`, `parties[JP].signatories[kono-taro]`, `related[x]`), in the order of
 * the entry, so one CSV cell carries what the JSON spreads over its fields.
 */
export function factReferences(record: AgreementRecord): [string, readonly string[]][] {
  const facts: [string, readonly string[]][] = Object.entries(record.cite).map(([fact, ids]) => [fact, ids ?? []]);
  for (const party of record.parties) {
    const fact = `parties[${party.country}]`;
    facts.push([fact, party.sources]);
    for (const list of ['signatories', 'participants'] as const)
      for (const person of party[list]) facts.push([`${fact}.${list}[${person.id}]`, person.sources]);
  }
  if (record.place) facts.push(['place', record.place.sources]);
  if (record.term) facts.push(['term', record.term.sources]);
  for (const related of record.related) if (related.sources) facts.push([`related[${related.id}]`, related.sources]);
  return facts.filter(([, ids]) => ids.length > 0);
}

/** One column of `agreements.csv`. */
export interface CsvColumn {
  /** Its header: English in every edition, since there is one file. */
  readonly header: string;
  /**
   * The field of an agreement in `catalogue.json` whose value the column holds, if it holds one
   * field as it is: the column then means what the field means. A column that joins several
   * values or writes them in its own form is described in each edition's dictionary instead.
   */
  readonly field?: string;
  /** Reads the cell from the JSON record, so the CSV and the JSON cannot disagree. */
  readonly cell: (record: AgreementRecord) => string;
}

/** The columns of `agreements.csv`, in order. */
export const agreementColumns = {
  id: { header: 'Id', field: 'id', cell: (record) => record.id },
  title: { header: 'Title', field: 'title', cell: (record) => record.title },
  shortTitle: { header: 'Short title', field: 'shortTitle', cell: (record) => record.shortTitle ?? '' },
  kind: { header: 'Kind', field: 'kind.label', cell: (record) => record.kind.label },
  binding: { header: 'Legally binding', field: 'binding.label', cell: (record) => record.binding.label },
  status: { header: 'Status', field: 'status.label', cell: (record) => record.status.label },
  countries: { header: 'Parties', cell: (record) => join(record.parties.map((party) => party.countryName)) },
  countryCodes: { header: 'Party codes', cell: (record) => join(record.parties.map((party) => party.country)) },
  agencies: {
    header: 'Agencies',
    cell: (record) => join(record.parties.flatMap((party) => party.agencies.map((agency) => agency.name))),
  },
  signatories: { header: 'Signatories', cell: (record) => peopleOf(record, 'signatories') },
  participants: { header: 'Participants', cell: (record) => peopleOf(record, 'participants') },
  signed: { header: 'Signed', field: 'signed', cell: (record) => record.signed },
  inForce: { header: 'In force from', field: 'inForce', cell: (record) => record.inForce ?? '' },
  expires: { header: 'Expires', field: 'expires', cell: (record) => record.expires ?? '' },
  end: { header: 'Ends', field: 'end', cell: (record) => record.end?.date ?? '' },
  place: {
    header: 'Place of signing',
    cell: (record) => (record.place ? `${record.place.city}, ${record.place.countryName}` : ''),
  },
  topics: { header: 'Topics', field: 'topics', cell: (record) => join(record.topics.map((topic) => topic.name)) },
  summary: { header: 'Summary', field: 'summary', cell: (record) => record.summary },
  sources: { header: 'Sources', cell: (record) => join(record.sources.map((source) => source.url)) },
  sourceIds: { header: 'Source ids', cell: (record) => join(record.sources.map((source) => source.id)) },
  references: {
    header: 'References',
    cell: (record) => join(factReferences(record).map(([fact, ids]) => `${fact}: ${ids.join(' ')}`)),
  },
  readings: {
    header: 'Other readings',
    cell: (record) =>
      join(record.readings.map((reading) => `${reading.fact}: ${reading.value} (${reading.sources.join(' ')})`)),
  },
  verified: { header: 'Verified', field: 'verified', cell: (record) => record.verified },
  lastChanged: { header: 'Last changed', field: 'lastChanged', cell: (record) => record.lastChanged ?? '' },
  url: { header: 'Page', field: 'url', cell: (record) => record.url },
} as const satisfies Record<string, CsvColumn>;

export type AgreementColumn = keyof typeof agreementColumns;

/** The columns that hold no single field as it is: each edition's dictionary describes them. */
export type ComposedColumn = {
  [K in AgreementColumn]: (typeof agreementColumns)[K] extends { readonly field: string } ? never : K;
}[AgreementColumn];

/** The header row. */
export const agreementCsvHeader: readonly string[] = Object.values(agreementColumns).map((column) => column.header);

/** The cells of one agreement's row, in column order. */
export function agreementCsvRow(record: AgreementRecord): string[] {
  return Object.values(agreementColumns).map((column) => column.cell(record));
}

/**
 * One cell: neutralised against formulas (`neutraliseFormula`), then quoted when RFC 4180
 * requires it (a comma, a quote or a line break).
 */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV document (RFC 4180: CRLF line ends, quoted cells where needed) with a header row. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

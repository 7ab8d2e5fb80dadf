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

/**
 * The columns of `agreements.csv`, in order. Keys name the column in the dictionary (its header
 * and its description on the data page); each value reads the cell from the JSON record, so the
 * CSV and the JSON cannot disagree.
 */
export const agreementColumns = {
  id: (record) => record.id,
  title: (record) => record.title,
  shortTitle: (record) => record.shortTitle ?? '',
  kind: (record) => record.kind.label,
  binding: (record) => record.binding.label,
  status: (record) => record.status.label,
  countries: (record) => join(record.parties.map((party) => party.countryName)),
  countryCodes: (record) => join(record.parties.map((party) => party.country)),
  agencies: (record) => join(record.parties.flatMap((party) => party.agencies.map((agency) => agency.name))),
  signatories: (record) => peopleOf(record, 'signatories'),
  participants: (record) => peopleOf(record, 'participants'),
  signed: (record) => record.signed,
  inForce: (record) => record.inForce ?? '',
  expires: (record) => record.expires ?? '',
  end: (record) => record.end?.date ?? '',
  place: (record) => (record.place ? `${record.place.city}, ${record.place.countryName}` : ''),
  topics: (record) => join(record.topics.map((topic) => topic.name)),
  summary: (record) => record.summary,
  sources: (record) => join(record.sources.map((source) => source.url)),
  sourceIds: (record) => join(record.sources.map((source) => source.id)),
  references: (record) => join(factReferences(record).map(([fact, ids]) => `${fact}: ${ids.join(' ')}`)),
  readings: (record) =>
    join(record.readings.map((reading) => `${reading.fact}: ${reading.value} (${reading.sources.join(' ')})`)),
  verified: (record) => record.verified,
  lastChanged: (record) => record.lastChanged ?? '',
  url: (record) => record.url,
} as const satisfies Record<string, (record: AgreementRecord) => string>;

export type AgreementColumn = keyof typeof agreementColumns;

/** The cells of one agreement's row, in column order. */
export function agreementCsvRow(record: AgreementRecord): string[] {
  return Object.values(agreementColumns).map((cell) => cell(record));
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

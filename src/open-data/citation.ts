import type { PartialDate } from '../schemas/date.ts';

/** What a citation of one catalogue entry needs. */
export interface CitationInput {
  readonly id: string;
  readonly title: string;
  /** The stable, absolute URL of the entry's page. */
  readonly url: string;
  /** The day the entry was last checked against its sources: the version being cited. */
  readonly verified: PartialDate;
  /** The name of the catalogue, the container of the entry. */
  readonly siteName: string;
  /** Who to credit, as the data licence asks. */
  readonly author: string;
}

/** The characters BibTeX treats as special, with their escaped forms. */
const bibtexEscapes: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Escapes text for a BibTeX field value, so titles with `&`, `%` or braces compile as written. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (character) => bibtexEscapes[character] ?? character);
}

/** The BibTeX key of an entry: stable, made of its id, with no characters BibTeX rejects. */
export function bibtexKey(id: string): string {
  return `accord-atlas-${id}`;
}

/**
 * A BibTeX `@misc` entry (readable by BibTeX and biblatex). The date is the day the entry was
 * last checked against its sources, which identifies the version cited; the access date is left
 * to the reader (`urldate`), because the day a page was read cannot be known when it is built.
 */
export function toBibtex(input: CitationInput): string {
  const fields: [string, string][] = [
    ['author', `{${escapeBibtex(input.author)}}`],
    ['title', `{${escapeBibtex(input.title)}}`],
    ['howpublished', escapeBibtex(input.siteName)],
    ['year', String(input.verified.year)],
    ['date', input.verified.iso],
    ['url', input.url],
    ['note', `Catalogue entry, last checked against its sources on ${input.verified.iso}`],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@misc{${bibtexKey(input.id)},\n${body}\n}`;
}

/** A CSL-JSON item, as Zotero, Pandoc and citeproc read it. */
export interface CslItem {
  readonly id: string;
  readonly type: 'webpage';
  readonly title: string;
  readonly 'container-title': string;
  readonly author: readonly { readonly literal: string }[];
  readonly issued: { readonly 'date-parts': readonly [readonly number[]] };
  readonly URL: string;
  readonly note: string;
}

/** The date parts of a partial date, no more precise than it is. */
export function dateParts(date: PartialDate): number[] {
  return [date.year, ...(date.month ? [date.month] : []), ...(date.day ? [date.day] : [])];
}

/** A CSL-JSON item for the entry; `accessed` is left for the reader, as in BibTeX. */
export function toCslJson(input: CitationInput): CslItem {
  return {
    id: bibtexKey(input.id),
    type: 'webpage',
    title: input.title,
    'container-title': input.siteName,
    author: [{ literal: input.author }],
    issued: { 'date-parts': [dateParts(input.verified)] },
    URL: input.url,
    note: `Catalogue entry, last checked against its sources on ${input.verified.iso}`,
  };
}

/**
 * A plain-text reference. `verifiedText` is the formatted checked date; `accessedPlaceholder`
 * stands where the reader writes the day they read the page.
 */
export function toPlainCitation(
  input: CitationInput,
  labels: { readonly verifiedText: string; readonly accessedPlaceholder: string },
): string {
  return `${input.author}. “${input.title}”. ${input.siteName}, ${labels.verifiedText}. ${input.url} (${labels.accessedPlaceholder}).`;
}

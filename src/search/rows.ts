import type { Agreement, Catalogue } from '../catalogue/derive.ts';
import { agreementFilters, type PageType, type SearchFacet } from '../catalogue/search-facets.ts';
import { sortKey } from '../schemas/date.ts';
import type { FacetGroup, FacetRow } from './facet-index.ts';

/** One letter per page type, to keep apart an agency and a topic that share an id. */
const typeLetter: Readonly<Record<PageType, string>> = {
  agreement: 'a',
  country: 'c',
  agency: 'g',
  topic: 't',
  person: 'p',
};

/**
 * An id spelt in lowercase letters: each UTF-8 byte as two of `a` to `p`. Pagefind 1.6 orders
 * sort keys byte by byte, as JavaScript does; in lowercase letters alone the order is also the
 * same under natural order ("9" before "10") or a case-blind one, so pairing pages with rows
 * does not rest on that detail.
 */
function spelt(id: string): string {
  let letters = '';
  for (const byte of new TextEncoder().encode(id)) letters += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  return letters;
}

/**
 * An agreement's `date` sort key: the earliest day it may have been signed, then its id in
 * letters, so that no two agreements share a key. The search page sorts by it, and pairs the
 * agreements with their rows of the facet index by it.
 */
export function agreementDateKey(agreement: Agreement): string {
  return `${sortKey(agreement.data.signed)}${spelt(agreement.id)}`;
}

/**
 * The `row` sort key of a country, agency, topic or person page, which pairs it with its row of
 * the facet index: the page type's letter, then the id in letters. Agreements need none: their
 * date key pairs them. Each key depends on its page alone, so adding an entry changes no other page.
 */
export function searchRowKey(type: Exclude<PageType, 'agreement'>, id: string): string {
  return `${typeLetter[type]}${spelt(id)}`;
}

const byKey = (a: FacetRow, b: FacetRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The rows of the facet index, one for every page the search indexes, in two groups: the
 * agreements with all their filter values, in `date` key order, then the country, agency, topic
 * and person pages with their page type, in `row` key order. Both editions index the same pages
 * with the same keys, so one facet index serves both.
 *
 * Agreements pair by the date key they carry anyway because every sort key costs Pagefind's page
 * list, which each first search fetches, about 2 bytes a page: a `row` key on all 13,334 pages of
 * a 10,000-agreement catalogue made it 29 KiB larger, on the 3,334 other pages 7 KiB.
 */
export function searchRowGroups(catalogue: Catalogue): FacetGroup[] {
  const entity = (type: Exclude<PageType, 'agreement'>, id: string): FacetRow => ({
    key: searchRowKey(type, id),
    filters: [['type', type] satisfies [SearchFacet, string]],
  });
  return [
    {
      sort: 'date',
      rows: catalogue.agreements
        .map((agreement) => ({ key: agreementDateKey(agreement), filters: agreementFilters(agreement) }))
        .sort(byKey),
    },
    {
      sort: 'row',
      rows: [
        ...catalogue.countries.map((country) => entity('country', country.code)),
        ...catalogue.agencies.map((agency) => entity('agency', agency.id)),
        ...catalogue.topics.map((topic) => entity('topic', topic.id)),
        ...catalogue.people.map((person) => entity('person', person.id)),
      ].sort(byKey),
    },
  ];
}

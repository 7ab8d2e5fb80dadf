import type { Catalogue } from '../catalogue/derive.ts';
import { agreementFilters, type PageType, type SearchFacet } from '../catalogue/search-facets.ts';
import type { FacetRow } from './facet-index.ts';

/** One letter per page type, to keep apart an agency and an agreement that share an id. */
const typeLetter: Readonly<Record<PageType, string>> = {
  agreement: 'a',
  country: 'c',
  agency: 'g',
  topic: 't',
  person: 'p',
};

/**
 * The key of an indexed page's row in the facet index, which the page carries as its `row` sort
 * key in Pagefind: the page type's letter, then the page's id spelt in letters (each UTF-8 byte as
 * two of `a` to `p`). Pagefind 1.6 orders sort keys byte by byte, as JavaScript does; in lowercase
 * letters alone the order is also the same under natural order ("9" before "10") or a
 * case-blind one, so the pairing does not rest on that detail. The key depends on the page alone:
 * adding an entry changes no other page.
 */
export function searchRowKey(type: PageType, id: string): string {
  let key = typeLetter[type];
  for (const byte of new TextEncoder().encode(id)) {
    key += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  }
  return key;
}

const byKey = (a: FacetRow, b: FacetRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A row for every page the search indexes, in key order: each agreement with all its filter
 * values, and each country, agency, topic and person page with its page type. Both editions index
 * the same pages with the same keys, so one facet index serves both.
 */
export function searchRows(catalogue: Catalogue): FacetRow[] {
  const entity = (type: PageType, id: string): FacetRow => ({
    key: searchRowKey(type, id),
    filters: [['type', type] satisfies [SearchFacet, string]],
  });
  return [
    ...catalogue.agreements.map((agreement) => ({
      key: searchRowKey('agreement', agreement.id),
      filters: agreementFilters(agreement),
    })),
    ...catalogue.countries.map((country) => entity('country', country.code)),
    ...catalogue.agencies.map((agency) => entity('agency', agency.id)),
    ...catalogue.topics.map((topic) => entity('topic', topic.id)),
    ...catalogue.people.map((person) => entity('person', person.id)),
  ].sort(byKey);
}

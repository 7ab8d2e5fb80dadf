import { countryName } from '../countries.ts';
import type { Dictionary } from '../i18n/en.ts';
import type { Agreement, Catalogue } from './derive.ts';

/** The search page's facets, in the order they are shown. */
export const searchFacets = ['type', 'country', 'agency', 'topic', 'kind', 'status', 'year'] as const;
export type SearchFacet = (typeof searchFacets)[number];

/** One value of a facet and the number of indexed pages that carry it. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

/**
 * The filter values Pagefind reads from an agreement page. The search page lists the same values
 * before Pagefind has loaded, so both come from here.
 */
export function agreementFilters(agreement: Agreement, catalogue: Catalogue, t: Dictionary): [SearchFacet, string][] {
  const { data } = agreement;
  return [
    ['type', t.pageType.agreement],
    ...agreement.countries.map((code): [SearchFacet, string] => ['country', countryName(code)]),
    ...agreement.agencyIds.map((id): [SearchFacet, string] => [
      'agency',
      catalogue.agencyById.get(id)?.data.name ?? id,
    ]),
    ...data.topics.map((id): [SearchFacet, string] => ['topic', catalogue.topicById.get(id)?.data.name ?? id]),
    ['kind', t.kind[data.kind]],
    ['status', t.status[data.status]],
    ['year', String(data.signed.year)],
  ];
}

/** Years newest first; every other facet in alphabetical order, as the search page shows them. */
export function compareFacetValues(facet: string, a: string, b: string): number {
  return facet === 'year' ? b.localeCompare(a) : a.localeCompare(b);
}

/**
 * Every value of every facet with its number of pages when nothing is searched: agreements carry
 * all facets, and each country, agency, topic and person page carries its page type.
 */
export function facetTotals(catalogue: Catalogue, t: Dictionary): ReadonlyMap<SearchFacet, readonly FacetValue[]> {
  const counts = new Map<SearchFacet, Map<string, number>>(searchFacets.map((facet) => [facet, new Map()]));
  const add = (facet: SearchFacet, value: string, count = 1) => {
    const values = counts.get(facet);
    values?.set(value, (values.get(value) ?? 0) + count);
  };
  for (const agreement of catalogue.agreements) {
    // A page counts once per value, even when two parties share a country or an agency.
    for (const [facet, value] of new Map(
      agreementFilters(agreement, catalogue, t).map((pair) => [pair.join('\0'), pair]),
    ).values()) {
      add(facet, value);
    }
  }
  add('type', t.pageType.country, catalogue.countries.length);
  add('type', t.pageType.agency, catalogue.agencies.length);
  add('type', t.pageType.topic, catalogue.topics.length);
  add('type', t.pageType.person, catalogue.people.length);
  return new Map(
    [...counts].map(([facet, values]) => [
      facet,
      [...values]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => compareFacetValues(facet, a.value, b.value)),
    ]),
  );
}

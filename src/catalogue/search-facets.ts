import { countryName } from '../countries.ts';
import type { Dictionary } from '../i18n/en.ts';
import type { Strings } from '../i18n/index.ts';
import { localName, type LocalText, type Named } from '../i18n/names.ts';
import type { AgreementKind, AgreementStatus } from '../vocabulary.ts';
import type { Agreement, Catalogue } from './derive.ts';

/** The search page's facets, in the order they are shown. */
export const searchFacets = ['type', 'country', 'agency', 'topic', 'kind', 'status', 'year'] as const;
export type SearchFacet = (typeof searchFacets)[number];

/** The types of page the search indexes, as filter codes; their labels are `t.pageType`. */
export type PageType = keyof Dictionary['pageType'];

/** One value of a facet: the code in URLs and in the index, its label in the page's language, and its count. */
export interface FacetValue {
  readonly value: string;
  readonly label: LocalText;
  readonly count: number;
}

/**
 * The filter values Pagefind reads from an agreement page: codes, never labels (country `JP`,
 * agency `digital-agency`, kind `memorandum-of-cooperation`), so a search link means the same in
 * every edition and survives a renamed label. The search page shows each code's label.
 */
export function agreementFilters(agreement: Agreement): [SearchFacet, string][] {
  const { data } = agreement;
  return [
    ['type', 'agreement'],
    ...agreement.countries.map((code): [SearchFacet, string] => ['country', code]),
    ...agreement.agencyIds.map((id): [SearchFacet, string] => ['agency', id]),
    ...data.topics.map((id): [SearchFacet, string] => ['topic', id]),
    ['kind', data.kind],
    ['status', data.status],
    ['year', String(data.signed.year)],
  ];
}

/** The label of a facet value in a locale. */
export function facetLabel(facet: SearchFacet, value: string, catalogue: Catalogue, strings: Strings): LocalText {
  const { t, locale } = strings;
  const named = (data: Named | undefined) => (data ? localName(data, locale) : { text: value });
  switch (facet) {
    case 'type':
      return { text: t.pageType[value as PageType] ?? value };
    case 'country':
      return { text: countryName(value, locale) };
    case 'agency':
      return named(catalogue.agencyById.get(value)?.data);
    case 'topic':
      return named(catalogue.topicById.get(value)?.data);
    case 'kind':
      return { text: t.kind[value as AgreementKind] ?? value };
    case 'status':
      return { text: t.status[value as AgreementStatus] ?? value };
    case 'year':
      return { text: value };
  }
}

/**
 * Every value of every facet with its number of pages when nothing is searched: agreements carry
 * all facets, and each country, agency, topic and person page carries its page type. Years come
 * newest first; every other facet in the alphabetical order of its labels in the locale.
 */
export function facetTotals(catalogue: Catalogue, strings: Strings): ReadonlyMap<SearchFacet, readonly FacetValue[]> {
  const counts = new Map<SearchFacet, Map<string, number>>(searchFacets.map((facet) => [facet, new Map()]));
  const add = (facet: SearchFacet, value: string, count = 1) => {
    const values = counts.get(facet);
    values?.set(value, (values.get(value) ?? 0) + count);
  };
  for (const agreement of catalogue.agreements) {
    // A page counts once per value, even when two parties share a country or an agency.
    for (const [facet, value] of new Map(agreementFilters(agreement).map((pair) => [pair.join('\0'), pair])).values()) {
      add(facet, value);
    }
  }
  add('type', 'country', catalogue.countries.length);
  add('type', 'agency', catalogue.agencies.length);
  add('type', 'topic', catalogue.topics.length);
  add('type', 'person', catalogue.people.length);
  const collator = new Intl.Collator(strings.locale);
  return new Map(
    [...counts].map(([facet, values]) => [
      facet,
      [...values]
        .map(([value, count]) => ({ value, label: facetLabel(facet, value, catalogue, strings), count }))
        .sort((a, b) =>
          facet === 'year' ? b.value.localeCompare(a.value) : collator.compare(a.label.text, b.label.text),
        ),
    ]),
  );
}

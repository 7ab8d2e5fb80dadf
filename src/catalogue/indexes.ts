/**
 * The order of the agencies and people indexes, which are cut into pages of `indexPageSize`
 * entries: one page listing every agency or person grew with the catalogue (on a synthetic
 * catalogue of 10,000 agreements, 1,250 agencies made /agencies/ 371 KiB, and 2,000 people made
 * /ja/people/ 557 KiB).
 */
import { byCountryName } from '../countries.ts';
import type { Locale } from '../i18n/locales.ts';
import { byLocalName } from '../i18n/names.ts';
import type { Agency, Catalogue, Country } from './derive.ts';
import { pageCount } from './lists.ts';

/**
 * How many agencies or people a page of their index lists. An entry weighs about 300 bytes of
 * HTML with its structured data (371 KiB for 1,250 agencies), so on the synthetic catalogue of
 * 10,000 agreements the heaviest page of 200, /ja/agencies/page/3/, weighs 70 KB.
 */
export const indexPageSize = 200;

/** An agency of the agencies index, under the country it acts for. */
export interface AgencyIndexEntry {
  readonly country: Country;
  readonly agency: Agency;
}

/** The agencies index in an edition's order: countries by name, each one's agencies by name. */
export function agencyIndexEntries(catalogue: Pick<Catalogue, 'countries'>, locale: Locale): AgencyIndexEntry[] {
  return byCountryName(
    catalogue.countries.filter((country) => country.agencies.length > 0),
    locale,
  ).flatMap((country) => byLocalName(country.agencies, locale).map((agency) => ({ country, agency })));
}

/** The number of pages of an index of `total` entries. */
export const indexPageCount = (total: number): number => pageCount(total, indexPageSize);

/** The page of the agencies index on which a country's agencies begin; undefined if it has none. */
export function agencyIndexPageOf(entries: readonly AgencyIndexEntry[], code: string): number | undefined {
  const index = entries.findIndex((entry) => entry.country.code === code);
  return index < 0 ? undefined : Math.floor(index / indexPageSize) + 1;
}

/** The entries of one page, grouped by country as the page shows them, with headings repeated. */
export function groupByCountry(
  entries: readonly AgencyIndexEntry[],
): { readonly country: Country; readonly agencies: readonly Agency[] }[] {
  const groups: { country: Country; agencies: Agency[] }[] = [];
  for (const { country, agency } of entries) {
    const last = groups[groups.length - 1];
    if (last?.country === country) last.agencies.push(agency);
    else groups.push({ country, agencies: [agency] });
  }
  return groups;
}

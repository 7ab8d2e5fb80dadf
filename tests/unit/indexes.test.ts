import { beforeAll, describe, expect, it } from 'vitest';
import type { Agency, Catalogue, Country } from '../../src/catalogue/derive.ts';
import { deriveCatalogue } from '../../src/catalogue/derive.ts';
import {
  agencyIndexEntries,
  agencyIndexPageOf,
  groupByCountry,
  indexPageCount,
  indexPageSize,
  type AgencyIndexEntry,
} from '../../src/catalogue/indexes.ts';
import { fixtureCatalogue } from '../support/fixtures.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
});

/** Entries naming only a country code and an agency id, which is all the paging reads. */
const entriesOf = (spec: readonly [string, number][]): AgencyIndexEntry[] =>
  spec.flatMap(([code, count]) => {
    const country = { code } as Country;
    return Array.from({ length: count }, (_, index) => ({ country, agency: { id: `${code}-${index}` } as Agency }));
  });

describe('the agencies index', () => {
  it('lists agencies by country name in the edition’s language, then by agency name', () => {
    const codes = (locale: 'en' | 'ja') => [
      ...new Set(agencyIndexEntries(catalogue, locale).map((entry) => entry.country.code)),
    ];
    // France, Germany, Italy in English; イタリア, ドイツ, フランス in the Japanese syllabary's order.
    expect(codes('en')).toEqual(['FR', 'DE', 'IT']);
    expect(codes('ja')).toEqual(['IT', 'DE', 'FR']);
    const french = agencyIndexEntries(catalogue, 'en').filter((entry) => entry.country.code === 'FR');
    const names = french.map((entry) => entry.agency.data.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('finds the page on which a country’s agencies begin', () => {
    const entries = entriesOf([
      ['AA', indexPageSize - 1],
      ['BB', 2],
      ['CC', 1],
    ]);
    expect(agencyIndexPageOf(entries, 'AA')).toBe(1);
    expect(agencyIndexPageOf(entries, 'BB')).toBe(1);
    expect(agencyIndexPageOf(entries, 'CC')).toBe(2);
    expect(agencyIndexPageOf(entries, 'ZZ')).toBeUndefined();
    expect(indexPageCount(entries.length)).toBe(2);
    expect(indexPageCount(0)).toBe(1);
  });

  it('groups a page’s agencies under their countries in the order given', () => {
    const groups = groupByCountry(
      entriesOf([
        ['AA', 2],
        ['BB', 1],
      ]),
    );
    expect(groups.map(({ country, agencies }) => [country.code, agencies.map((agency) => agency.id)])).toEqual([
      ['AA', ['AA-0', 'AA-1']],
      ['BB', ['BB-0']],
    ]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { searchFacets } from '../../src/catalogue/search-facets.ts';
import {
  decodeFacetIndex,
  encodeFacetIndex,
  narrowAndCount,
  valueNumber,
  type FacetIndex,
  type FacetRow,
} from '../../src/search/facet-index.ts';
import { agreementDateKey, searchRowGroups, searchRowKey } from '../../src/search/rows.ts';
import { fixtureCatalogue } from '../support/fixtures.ts';

const facetNames = ['type', 'country', 'year'];
const rows: FacetRow[] = [
  {
    key: 'a',
    filters: [
      ['type', 'agreement'],
      ['country', 'JP'],
      ['country', 'BE'],
      ['year', '2022'],
    ],
  },
  {
    key: 'b',
    filters: [
      ['type', 'agreement'],
      ['country', 'JP'],
      ['country', 'SG'],
      ['year', '2023'],
    ],
  },
  {
    key: 'c',
    filters: [
      ['type', 'agreement'],
      ['country', 'FR'],
      ['country', 'DE'],
      ['year', '2023'],
    ],
  },
  { key: 'd', filters: [['type', 'country']] },
];

describe('the facet index file', () => {
  it('reads back every row with the values it was given', () => {
    const index = decodeFacetIndex(encodeFacetIndex(facetNames, [{ sort: 'row', rows }]));
    expect(index.rowCount).toBe(4);
    const valuesOf = (row: number) =>
      [...index.rowValues.subarray(index.rowStart[row], index.rowStart[row + 1])].map((number) => {
        const facet = index.facets[index.facetOf[number]!]!;
        return `${facet.name}:${facet.values[number - facet.offset]}`;
      });
    expect(valuesOf(0)).toEqual(['type:agreement', 'country:BE', 'country:JP', 'year:2022']);
    expect(valuesOf(3)).toEqual(['type:country']);
  });

  it('writes the same bytes for the same rows, whatever order their values come in', () => {
    const shuffled = rows.map((row) => ({ ...row, filters: [...row.filters].reverse() }));
    expect(encodeFacetIndex(facetNames, [{ sort: 'row', rows: shuffled }])).toEqual(
      encodeFacetIndex(facetNames, [{ sort: 'row', rows }]),
    );
  });

  it('keeps value numbers above 127, which take two bytes each', () => {
    const many = Array.from({ length: 300 }, (_, n): FacetRow => ({ key: `k${n}`, filters: [['agency', `a${n}`]] }));
    const index = decodeFacetIndex(encodeFacetIndex(['agency'], [{ sort: 'row', rows: many }]));
    expect(index.facets[0]!.values[index.rowValues[index.rowStart[299]!]!]).toBe('a299');
  });

  it('names the row and the facet when a row carries a facet the index does not have', () => {
    expect(() =>
      encodeFacetIndex(['type'], [{ sort: 'row', rows: [{ key: 'x', filters: [['colour', 'red']] }] }]),
    ).toThrow('Row x: unknown facet "colour"; known: type.');
  });

  it('refuses bytes that are not a facet index, and one cut short', () => {
    expect(() => decodeFacetIndex(new TextEncoder().encode('<!doctype html>'))).toThrow('Not a facet index');
    const bytes = encodeFacetIndex(facetNames, [{ sort: 'row', rows }]);
    expect(() => decodeFacetIndex(bytes.subarray(0, bytes.length - 2))).toThrow('ends in the middle of a row');
  });
});

describe('narrowing and counting results with the facet index', () => {
  let index: FacetIndex;
  beforeAll(() => {
    index = decodeFacetIndex(encodeFacetIndex(facetNames, [{ sort: 'row', rows }]));
  });
  const ticked = (...pairs: [string, string][]) => {
    const byFacet = new Map<string, number[]>();
    for (const [facet, code] of pairs)
      byFacet.set(facet, [...(byFacet.get(facet) ?? []), valueNumber(index, facet, code)]);
    return [...byFacet.values()];
  };
  const count = (counts: Uint32Array, facet: string, code: string) => counts[valueNumber(index, facet, code)];

  it('keeps every result in its order and counts each value when nothing is ticked', () => {
    const { kept, counts } = narrowAndCount(index, [2, 0, 3, 1], []);
    expect(kept).toEqual([0, 1, 2, 3]);
    expect(count(counts, 'country', 'JP')).toBe(2);
    expect(count(counts, 'year', '2023')).toBe(2);
    expect(count(counts, 'type', 'agreement')).toBe(3);
  });

  it('widens with two values of one facet and narrows with a second facet', () => {
    expect(narrowAndCount(index, [0, 1, 2, 3], ticked(['country', 'BE'], ['country', 'FR'])).kept).toEqual([0, 2]);
    expect(narrowAndCount(index, [0, 1, 2, 3], ticked(['country', 'JP'], ['year', '2023'])).kept).toEqual([1]);
  });

  it('counts the values of the results that are left, as the search page shows them', () => {
    const { counts } = narrowAndCount(index, [0, 1, 2, 3], ticked(['country', 'JP']));
    expect(count(counts, 'country', 'SG')).toBe(1);
    expect(count(counts, 'country', 'FR')).toBe(0);
    expect(count(counts, 'year', '2022')).toBe(1);
  });

  it('drops a result the index does not know once a value is ticked, and keeps it otherwise', () => {
    expect(narrowAndCount(index, [-1, 0], []).kept).toEqual([0, 1]);
    expect(narrowAndCount(index, [-1, 0], ticked(['country', 'JP'])).kept).toEqual([1]);
  });
});

describe('the rows of the indexed pages', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
  });

  it('spells a row key in lowercase letters only, so every way of sorting strings agrees on their order', () => {
    for (const key of [searchRowKey('topic', 'x-2022'), searchRowKey('country', 'JP'), searchRowKey('agency', 'ä')]) {
      expect(key).toMatch(/^[a-z]+$/);
    }
    expect(searchRowKey('topic', 'same')).not.toBe(searchRowKey('agency', 'same'));
  });

  it("spells each byte of the id as two letters after the page type's letter", () => {
    // "b" is byte 0x62: 6 and 2 become "g" and "c".
    expect(searchRowKey('agency', 'b')).toBe('ggc');
    expect(searchRowKey('country', 'JP')).toBe('cekfa');
  });

  it("starts an agreement's date key with its earliest signing day, and makes it unique with its id", () => {
    const [first, second] = catalogue.agreements;
    expect(agreementDateKey(first!)).toMatch(/^\d{4}-\d{2}-\d{2}[a-p]+$/);
    expect(agreementDateKey(first!)).not.toBe(agreementDateKey(second!));
  });

  it('has one row per indexed page: agreements by date key, then the other pages by row key', () => {
    const [agreements, others] = searchRowGroups(catalogue);
    expect(agreements?.sort).toBe('date');
    expect(others?.sort).toBe('row');
    expect(agreements?.rows).toHaveLength(catalogue.agreements.length);
    expect(others?.rows).toHaveLength(
      catalogue.countries.length + catalogue.agencies.length + catalogue.topics.length + catalogue.people.length,
    );
    for (const group of [agreements!, others!]) {
      const keys = group.rows.map((row) => row.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toEqual([...keys].sort());
    }
    const agreement = catalogue.agreements[0]!;
    const row = agreements?.rows.find((candidate) => candidate.key === agreementDateKey(agreement));
    expect(new Set(row?.filters.map(([facet]) => facet))).toEqual(
      new Set(searchFacets.filter((facet) => facet !== 'agency' || agreement.agencyIds.length > 0)),
    );
  });
});

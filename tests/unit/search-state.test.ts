import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { facetTotals } from '../../src/catalogue/search-facets.ts';
import { useStrings } from '../../src/i18n/index.ts';
import { visibleValues } from '../../src/client/facet-list.ts';
import { hasSearch, readState, writeState } from '../../src/client/search-state.ts';
import { fixtureCatalogue } from '../support/fixtures.ts';

const facets = ['country', 'year'];

describe('the search state in the URL', () => {
  it('reads words, several values of a facet, sort and page', () => {
    expect(readState('?q=identity&country=France&country=Italy&year=2021&sort=oldest&page=2', facets)).toEqual({
      query: 'identity',
      filters: { country: ['France', 'Italy'], year: ['2021'] },
      sort: 'oldest',
      page: 2,
    });
  });

  it('writes back the same query string, so a link reproduces the view', () => {
    const text = '?q=identity&country=France&country=Italy&sort=newest&page=3';
    expect(writeState(readState(text, facets))).toBe(text);
  });

  it('ignores an unknown sort and a page below one', () => {
    expect(readState('?sort=random&page=-4', facets)).toMatchObject({ sort: '', page: 1 });
  });

  it('counts a filter or a sort alone as a search, and an empty page as none', () => {
    expect(hasSearch(readState('', facets))).toBe(false);
    expect(hasSearch(readState('?country=France', facets))).toBe(true);
    expect(hasSearch(readState('?sort=newest', facets))).toBe(true);
  });
});

describe('the facet totals shown before the index loads', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
  });

  it('counts each agreement once per value, years newest first and other values by name', () => {
    const totals = facetTotals(catalogue, useStrings('en'));
    expect(totals.get('country')).toEqual([
      { value: 'FR', label: { text: 'France' }, count: 2 },
      { value: 'DE', label: { text: 'Germany' }, count: 3 },
      { value: 'IT', label: { text: 'Italy' }, count: 1 },
    ]);
    expect(totals.get('year')?.map((item) => item.value)).toEqual(['2024', '2023', '2021']);
  });

  it('counts every indexed page by its type', () => {
    const types = new Map(
      facetTotals(catalogue, useStrings('en'))
        .get('type')
        ?.map((item) => [item.value, item.count]),
    );
    expect(types.get('agreement')).toBe(catalogue.agreements.length);
    expect(types.get('country')).toBe(catalogue.countries.length);
    expect(types.get('person')).toBe(catalogue.people.length);
  });

  it('keeps the same codes in Japanese and orders the values by their Japanese labels', () => {
    const countries = facetTotals(catalogue, useStrings('ja')).get('country');
    expect(countries?.map((item) => item.value)).toEqual(['IT', 'DE', 'FR']);
    expect(countries?.map((item) => item.label.text)).toEqual(['イタリア', 'ドイツ', 'フランス']);
    const kinds = facetTotals(catalogue, useStrings('ja')).get('type');
    expect(kinds?.find((item) => item.value === 'agreement')?.label.text).toBe('協定・覚書');
  });
});

describe('a long facet', () => {
  // The page carries the ten most common values: here the ten with the highest totals, 4 to 13.
  const values = Array.from({ length: 14 }, (_, index) => ({
    label: index === 3 ? "Côte d'Ivoire" : `Country ${index}`,
    common: index >= 4,
    checked: index === 0,
  }));
  const shownIndexes = (shown: boolean[]) =>
    shown.map((visible, index) => (visible ? index : -1)).filter((index) => index >= 0);

  it('shows its most common values and every ticked one until it is expanded', () => {
    const { shown, hidden } = visibleValues(values, { filter: '', expanded: false, limit: 100 });
    expect(shownIndexes(shown)).toEqual([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(hidden).toBe(0);
    expect(visibleValues(values, { filter: '', expanded: true, limit: 100 }).shown.every(Boolean)).toBe(true);
  });

  it('shows an expanded list a page at a time, ticked values aside', () => {
    const { shown, hidden } = visibleValues(values, { filter: '', expanded: true, limit: 5 });
    expect(shownIndexes(shown)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hidden).toBe(8);
  });

  it('narrows to the values whose label holds the typed text, ignoring case and accents', () => {
    const { shown, matches } = visibleValues(values, { filter: 'COTE', expanded: false, limit: 100 });
    expect(shownIndexes(shown)).toEqual([0, 3]);
    expect(matches).toBe(1);
  });
});

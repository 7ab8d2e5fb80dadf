import { describe, expect, it } from 'vitest';
import { onePerType, pageType } from '../support/page-types.ts';

describe('page types', () => {
  it('tells lists, entries, the home page and plain files apart', () => {
    expect(pageType('/')).toBe('home');
    expect(pageType('/agreements/')).toBe('agreements');
    expect(pageType('/agreements/alpha-beta-2020/')).toBe('agreements/*');
    expect(pageType('/404.html')).toBe('404');
  });

  it('picks the first page of each type in URL order', () => {
    const samples = onePerType(['/countries/jp/', '/countries/', '/countries/be/', '/']);
    expect(Object.fromEntries(samples)).toEqual({
      home: '/',
      countries: '/countries/',
      'countries/*': '/countries/be/',
    });
  });
});

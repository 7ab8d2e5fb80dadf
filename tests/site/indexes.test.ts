import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, fixtureSite, pageIn, type BuiltPage } from '../support/fixture-site.ts';

// Expectations are read off the fixture catalogue (tests/fixtures/catalogue with
// tests/fixtures/site over it): four people and eight agencies, each agency acting in an agreement.
let pages: ReadonlyMap<string, BuiltPage>;

beforeAll(async () => {
  pages = await fixturePages();
});

const page = (url: string) => pageIn(pages, url).document;

/** The pages of an index from its first, following each page's link to the next. */
function indexPages(first: string) {
  const documents = [];
  for (let next: string | undefined = first; next;) {
    const document = page(next);
    documents.push(document);
    next = document.querySelector('.pagination a[rel="next"]')?.getAttribute('href');
  }
  return documents;
}

/** The addresses an index's pages list (`selector`, the links of its list), in page order. */
const linked = (first: string, selector: string) =>
  indexPages(first).flatMap((document) =>
    document.querySelectorAll(selector).map((link) => link.getAttribute('href') ?? ''),
  );

describe('the agencies and people indexes', () => {
  it('list every person once in each edition', () => {
    const people = ['/people/ada-example/', '/people/ben-sample/', '/people/takeshima-hana/', '/people/tan-example/'];
    expect(linked('/people/', 'main ul.columns a').sort()).toEqual(people);
    expect(linked('/ja/people/', 'main ul.columns a').sort()).toEqual(people.map((url) => `/ja${url}`));
  });

  it('list every agency once, under its country’s heading and anchor', () => {
    const agencies = linked('/agencies/', 'main section li > a');
    expect(new Set(agencies).size).toBe(agencies.length);
    expect(agencies.sort()).toEqual(
      [
        'alpha-digital-office',
        'beta-data-lab',
        'beta-ministry-of-data',
        'delta-finance-service',
        'epsilon-digital-office',
        'fixture-directorate-general',
        'gamma-agency',
        'kappa-digital-bureau',
      ].map((id) => `/agencies/${id}/`),
    );
    const section = page('/agencies/').querySelector('section[aria-labelledby="country-fr"]');
    expect(section?.querySelector('h2#country-fr')?.text.trim()).toBe('France');
  });

  it('have no pagination while everything fits on one page', () => {
    for (const url of ['/agencies/', '/people/', '/ja/agencies/', '/ja/people/']) {
      expect(page(url).querySelector('.pagination'), url).toBeNull();
    }
    expect([...pages.keys()].filter((url) => /\/(agencies|people)\/page\//.test(url))).toEqual([]);
  });
});

describe('flags', () => {
  it('are images of their own that exist in the built site, with an empty text alternative', () => {
    const flags = page('/agreements/').querySelectorAll('img.flag');
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      const src = flag.getAttribute('src') ?? '';
      expect(src).toMatch(/^\/flags\/[a-z]{2}\.svg$/);
      expect(flag.getAttribute('alt')).toBe('');
      expect(existsSync(path.join(fixtureSite(), src)), src).toBe(true);
    }
    expect(page('/agreements/').querySelectorAll('.flag svg')).toHaveLength(0);
  });
});

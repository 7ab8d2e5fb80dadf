import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/catalogue/derive.ts';
import { agreementDateKey, searchRowKey } from '../../src/search/rows.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';
import { openSearchSite } from '../support/search-site.ts';

describe('the sort keys that pair Pagefind pages with the facet index', () => {
  it('come back from Pagefind in the order JavaScript sorts them, digits, capitals and accents included', async () => {
    // Ids whose order differs between byte order and natural order ("9" before "10"), and between
    // case-sensitive and case-insensitive order, as raw sort keys would; agreements on one day.
    const ids = ['item-10', 'item-9', 'item-100', 'Item-2', 'ítem', 'b', 'a-b', 'a', 'z-2024', 'z-2023-b'];
    const dates = ['2022-12', '2022-12-05', '2022', '2023-01-02', '2022-12-05'];
    const agreement = (id: string, signed: string) =>
      ({ id, data: { signed: parsePartialDate(signed) } }) as unknown as Agreement;
    const pages = [
      ...ids.map((id) => ({ sort: 'row', key: searchRowKey('agency', id) })),
      ...ids.map((id, n) => ({ sort: 'date', key: agreementDateKey(agreement(id, dates[n % dates.length]!)) })),
    ].map((page, n) => ({ ...page, url: `/p${n}/` }));
    const html = ({ sort, key }: { sort: string; key: string }) =>
      `<!doctype html><html lang="en"><head><title>${key}</title></head><body><main data-pagefind-body><h1>Page ${key}</h1><span data-pagefind-sort="${sort}:${key}"></span></main></body></html>`;
    const site = await openSearchSite(
      Object.fromEntries(pages.map((page) => [page.url, html(page)])),
      '<!doctype html><html lang="en"><head><title>Home</title></head><body></body></html>',
    );
    try {
      for (const sort of ['row', 'date']) {
        const expected = pages
          .filter((page) => page.sort === sort)
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map(({ url }) => url);
        expect(await site.search(null, { sort: { [sort]: 'asc' } }), sort).toEqual(expected);
      }
    } finally {
      await site.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchSite, type SearchSite } from '../support/search-site.ts';

// A tiny site indexed the way the real English pages are, to show how Pagefind treats accents and
// case in the queries readers type.
let site: SearchSite;

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

beforeAll(async () => {
  site = await openSearchSite(
    {
      '/ivory/': html(
        'Alpha and Côte d’Ivoire',
        "A fixture memorandum between Alpha and Côte d'Ivoire on e-invoicing.",
      ),
      '/other/': html('Alpha and Beta', 'A fixture memorandum between Alpha and Beta on digital identity.'),
    },
    html('Fixture', 'Search fixture'),
    { forceLanguage: 'en' },
  );
});

afterAll(async () => {
  await site?.close();
});

describe('search across accents and case', () => {
  it('finds "Côte d\'Ivoire" when the reader types "Cote d\'Ivoire" without the accent', async () => {
    expect(await site.search("Cote d'Ivoire")).toEqual(['/ivory/']);
  });

  it('finds it in lower case and with the accent too', async () => {
    expect(await site.search('côte')).toEqual(['/ivory/']);
    expect(await site.search('COTE')).toEqual(['/ivory/']);
  });
});

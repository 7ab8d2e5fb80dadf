import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/links.ts';
import { redirectTarget } from '../support/built-documents.ts';
import { fixturePages, fixtureSite, pageIn, type BuiltPage, fixtureAgreements } from '../support/fixture-site.ts';

// Expectations are read off the fixture catalogue (tests/fixtures/catalogue with
// tests/fixtures/site over it).
let pages: ReadonlyMap<string, BuiltPage>;

beforeAll(async () => {
  pages = await fixturePages();
});

const page = (url: string) => pageIn(pages, url).document;
const hrefs = (url: string): Set<string> =>
  new Set(
    page(url)
      .querySelectorAll('main a[href]')
      .map((link) => link.getAttribute('href') ?? ''),
  );

const agreements = fixtureAgreements;

describe('the built site', () => {
  it('has a page for every agreement, country, organisation, agency, topic and person, in both editions', () => {
    const expected = [
      ...agreements.map((id) => `/agreements/${id}/`),
      ...['be', 'ca', 'de', 'ee', 'eu', 'fr', 'it', 'jp', 'kr', 'nz', 'sg', 'uy'].map((code) => `/countries/${code}/`),
      ...[
        'alpha-digital-office',
        'beta-data-lab',
        'beta-ministry-of-data',
        'delta-finance-service',
        'epsilon-digital-office',
        'fixture-directorate-general',
        'gamma-agency',
        'kappa-digital-bureau',
      ].map((id) => `/agencies/${id}/`),
      ...['data-flows', 'digital-identity', 'e-invoicing'].map((id) => `/topics/${id}/`),
      ...['ada-example', 'ben-sample', 'takeshima-hana', 'tan-example'].map((id) => `/people/${id}/`),
    ];
    for (const url of expected) {
      expect(pages.has(url), url).toBe(true);
      expect(pages.has(`/ja${url}`), `/ja${url}`).toBe(true);
    }
  });

  it('keeps a space between each fact and its value, so search excerpts stay readable', () => {
    for (const id of agreements) {
      const facts = page(`/agreements/${id}/`).querySelector('dl.summary-list');
      expect(facts, id).not.toBeNull();
      expect(facts?.innerHTML ?? '', id).not.toMatch(/<\/(dt|dd)><d[td]/);
    }
  });

  it('links an agreement page to its countries, organisations, agencies, topics and people, and each links back', () => {
    const charter = '/agreements/digital-trust-charter-2023/';
    const targets = [
      ...['eu', 'jp', 'sg', 'fr', 'kr', 'ca', 'nz', 'ee', 'uy'].map((code) => `/countries/${code}/`),
      '/agencies/fixture-directorate-general/',
      '/agencies/kappa-digital-bureau/',
      '/agencies/alpha-digital-office/',
      '/topics/data-flows/',
      '/topics/digital-identity/',
      '/people/takeshima-hana/',
    ];
    for (const target of targets) {
      expect(hrefs(charter).has(target), `${charter} links to ${target}`).toBe(true);
      expect(hrefs(target).has(charter), `${target} links back to ${charter}`).toBe(true);
    }
    expect(hrefs('/agreements/japan-belgium-einvoicing-moc-2022/').has('/people/takeshima-hana/')).toBe(true);
    for (const id of ['japan-belgium-einvoicing-moc-2022', 'singapore-japan-wallets-moc-2023']) {
      expect(hrefs('/people/takeshima-hana/').has(`/agreements/${id}/`), id).toBe(true);
    }
  });

  it('shows related agreements from both ends', () => {
    const related = [
      ['alpha-beta-identity-renewal-2024', 'alpha-beta-identity-moc-2021'],
      ['alpha-beta-credential-pilots-arrangement-2025', 'alpha-beta-identity-renewal-2024'],
    ];
    for (const [from, to] of related) {
      expect(hrefs(`/agreements/${from}/`).has(`/agreements/${to}/`), `${from} -> ${to}`).toBe(true);
      expect(hrefs(`/agreements/${to}/`).has(`/agreements/${from}/`), `${to} -> ${from}`).toBe(true);
    }
  });

  it('has no broken internal link, fragment or asset, and no malformed external address', () => {
    expect(checkLinks(fixtureSite(), [...pages.values()]).problems).toEqual([]);
  });

  it('gives every page one h1, a title, a description and its edition’s language', () => {
    for (const built of pages.values()) {
      const { url, document } = built;
      expect(document.querySelectorAll('h1'), url).toHaveLength(1);
      expect(document.querySelector('title')?.text.trim(), url).toBeTruthy();
      // A page at a renamed entry's old address only forwards, and is kept out of search engines.
      if (!redirectTarget(built)) {
        expect(document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim(), url).toBeTruthy();
      }
      expect(document.querySelector('html')?.getAttribute('lang'), url).toBe(url.startsWith('/ja/') ? 'ja' : 'en');
    }
  });

  it('shows a date as precisely as it is known, never with an invented month or day', () => {
    const signed = (id: string) =>
      page(`/agreements/${id}/`).querySelector('dl.summary-list time')?.toString().replace(/\s+/g, ' ');
    expect(signed('japan-belgium-einvoicing-moc-2022')).toBe('<time datetime="2022-12-05">5 December 2022</time>');
    expect(signed('singapore-japan-wallets-moc-2023')).toBe('<time datetime="2023-03">March 2023</time>');
    expect(signed('alpha-beta-identity-renewal-2024')).toBe('<time datetime="2024">2024</time>');
  });

  it('gives another reading of a fact beside the entry’s own, with its source and note', () => {
    const facts = page('/agreements/japan-belgium-einvoicing-moc-2022/').querySelector('dl.summary-list')?.text;
    expect(facts?.replace(/\s+/g, ' ')).toContain(
      'Also reported: 6 December 2022[3] (The Belgian news item gives the day after, when the memorandum was announced in Brussels.)',
    );
  });

  it('names a party that joined later with the day it joined', () => {
    const parties = page('/agreements/digital-trust-charter-2023/').querySelector('dl.summary-list')?.text;
    expect(parties?.replace(/\s+/g, ' ')).toContain('Uruguay (joined March 2024)');
  });

  it('marks agreement pages for search with filters, metadata and a date sort key', () => {
    for (const id of agreements) {
      const document = page(`/agreements/${id}/`);
      expect(document.querySelector('[data-pagefind-body]')).not.toBeNull();
      const filters = document
        .querySelectorAll('[data-pagefind-filter]')
        .map((node) => node.getAttribute('data-pagefind-filter'));
      for (const name of ['type', 'country', 'topic', 'kind', 'status', 'year']) {
        expect(
          filters.some((filter) => filter?.startsWith(`${name}:`)),
          `${id} ${name}`,
        ).toBe(true);
      }
    }
    const charter = page('/agreements/digital-trust-charter-2023/');
    // The signing date first, so Pagefind orders by it; the id after it breaks ties between one day's agreements.
    expect(charter.querySelector('[data-pagefind-sort^="date:"]')?.getAttribute('data-pagefind-sort')).toMatch(
      /^date:2023-05-17[a-z]+$/,
    );
    expect(
      charter
        .querySelectorAll('[data-pagefind-filter^="country:"]')
        .map((node) => node.getAttribute('data-pagefind-filter')),
    ).toEqual(['EU', 'JP', 'SG', 'FR', 'KR', 'CA', 'NZ', 'EE', 'UY'].map((code) => `country:${code}`));
  });

  it('builds the search index', () => {
    expect(existsSync(path.join(fixtureSite(), 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('serves a helpful 404 page', () => {
    expect(page('/404.html').querySelector('h1')?.text).toBe('Page not found');
    expect(page('/404.html').querySelector('main form[role="search"]')).not.toBeNull();
  });

  it('links every agreement page to the editor and the problem form for its own file', () => {
    for (const id of agreements) {
      const links = [...hrefs(`/agreements/${id}/`)];
      const edit = links.find((href) => href.startsWith('https://github.com/accord-atlas/accord-atlas/edit/main/'));
      expect(edit, id).toMatch(new RegExp(`/agreements/${id}\\.mdx$`));
      const report = links.find((href) => href.includes('/issues/new?'));
      expect(new URL(report ?? 'https://invalid/').searchParams.get('entry'), id).toBe(id);
    }
  });

  it('renders the components an entry uses, not their source', () => {
    const withAside = page('/agreements/japan-belgium-einvoicing-moc-2022/').querySelector('.prose');
    expect(withAside?.querySelector('aside.callout.callout-caution[aria-label="Two dates"]')).not.toBeNull();
    expect(withAside?.querySelector('figure.quote blockquote')?.getAttribute('cite')).toBe(
      'https://example.org/kdb/japan-belgium',
    );
    const withFigure = page('/agreements/singapore-japan-wallets-moc-2023/').querySelector('.prose');
    expect(withFigure?.querySelector('figure.figure img')?.getAttribute('src')).toBe('/favicon.svg');
    for (const id of agreements) {
      expect(page(`/agreements/${id}/`).querySelector('.prose')?.text, id).not.toMatch(
        /<(Cite|Callout|Quote|Figure)\b/,
      );
    }
  });

  it('marks every fact and paragraph with references that lead to items of the source list', () => {
    const sourceCounts = {
      'japan-belgium-einvoicing-moc-2022': 3,
      'digital-trust-charter-2023': 3,
      'alpha-beta-identity-moc-2021': 1,
    };
    for (const [id, count] of Object.entries(sourceCounts)) {
      const document = page(`/agreements/${id}/`);
      const ids = new Set(
        document.querySelectorAll('section[aria-labelledby="sources"] li[id]').map((item) => item.id),
      );
      expect(ids.size, id).toBe(count);
      const references = document.querySelectorAll('.refs a');
      expect(references.length, id).toBeGreaterThan(0);
      for (const reference of references) {
        expect(ids.has((reference.getAttribute('href') ?? '').slice(1)), id).toBe(true);
        expect(reference.getAttribute('aria-label'), id).toMatch(new RegExp(`^Source ${reference.text}: .`));
      }
      // Paragraphs inside a callout or a quotation cite their sources too.
      for (const paragraph of document.querySelectorAll('.prose p:not(.callout-title)'))
        expect(paragraph.querySelector('.refs'), `${id}: ${paragraph.text.slice(0, 40)}`).not.toBeNull();
      expect(document.querySelector('h1 .refs'), id).toBeNull();
    }
  });
});

describe('the Japanese edition', () => {
  it('gives a title, a name or a topic in Japanese where the catalogue has one', () => {
    expect(page('/ja/agreements/japan-belgium-einvoicing-moc-2022/').querySelector('h1')?.text).toBe(
      '電子インボイス及び電子保存に関する協力覚書',
    );
    expect(page('/ja/agencies/kappa-digital-bureau/').querySelector('h1')?.text).toBe('カッパ電子局 (KDB)');
    expect(page('/ja/people/takeshima-hana/').querySelector('h1')?.text).toBe('竹島花');
    expect(page('/ja/topics/data-flows/').querySelector('h1')?.text).toBe('データ流通');
  });

  it('shows the English name, marked as English, where there is no Japanese one', () => {
    expect(page('/ja/topics/e-invoicing/').querySelector('h1 span[lang="en"]')?.text).toBe('E-invoicing');
    expect(page('/ja/agreements/singapore-japan-wallets-moc-2023/').querySelector('h1 span[lang="en"]')?.text).toBe(
      'Memorandum of Cooperation on digital identity wallets',
    );
    expect(page('/ja/agreements/singapore-japan-wallets-moc-2023/').querySelector('.prose')?.getAttribute('lang')).toBe(
      'en',
    );
  });
});

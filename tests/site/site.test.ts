import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { readContent } from '../../src/catalogue/read-files.ts';
import { latestOf } from '../../src/catalogue/lists.ts';
import { builtPages, distDir, internalLinks, type BuiltPage } from '../support/site.ts';

let pages: Map<string, BuiltPage>;
let catalogue: Catalogue;

beforeAll(async () => {
  pages = new Map((await builtPages()).map((page) => [page.url, page]));
  const { input, problems } = await readContent(process.env['ACCORD_CONTENT_DIR'] ?? 'content');
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  catalogue = deriveCatalogue(input, '2026-11-22');
});

/** The agreements an entity page lists (its latest, capped as the page caps them). */
function latestLinked(target: string): Set<string> {
  const [, kind, id] = target.split('/');
  const list =
    kind === 'countries'
      ? catalogue.countries.find((country) => country.code.toLowerCase() === id)?.agreements
      : kind === 'agencies'
        ? catalogue.agencyById.get(id ?? '')?.agreements
        : kind === 'topics'
          ? catalogue.topicById.get(id ?? '')?.agreements
          : undefined;
  // People pages list every appearance.
  if (!list) return new Set(catalogue.agreements.map((agreement) => agreement.id));
  return new Set(latestOf(list).shown.map((agreement) => agreement.id));
}

const hrefs = (page: BuiltPage): Set<string> =>
  new Set(page.document.querySelectorAll('main a[href]').map((link) => link.getAttribute('href') ?? ''));

function page(url: string): BuiltPage {
  const found = pages.get(url);
  if (!found) throw new Error(`no page at ${url}`);
  return found;
}

describe('the built site', () => {
  it('keeps a space between each fact and its value, so search excerpts stay readable', () => {
    for (const agreement of catalogue.agreements) {
      const facts = page(`/agreements/${agreement.id}/`).document.querySelector('dl.summary-list');
      expect(facts, agreement.id).not.toBeNull();
      expect(facts?.innerHTML ?? '', agreement.id).not.toMatch(/<\/(dt|dd)><d[td]/);
    }
  });

  it('has a page for every agreement, country, agency, topic and person', () => {
    const expected = [
      ...catalogue.agreements.map((item) => `/agreements/${item.id}/`),
      ...catalogue.countries.map((item) => `/countries/${item.code.toLowerCase()}/`),
      ...catalogue.agencies.map((item) => `/agencies/${item.id}/`),
      ...catalogue.topics.map((item) => `/topics/${item.id}/`),
      ...catalogue.people.map((item) => `/people/${item.id}/`),
    ];
    expect(expected.length).toBeGreaterThan(catalogue.agreements.length);
    for (const url of expected) expect(pages.has(url), url).toBe(true);
  });

  it('links every agreement page to its countries, agencies, topics and people, and each links back', () => {
    for (const agreement of catalogue.agreements) {
      const url = `/agreements/${agreement.id}/`;
      const links = hrefs(page(url));
      const targets = [
        ...agreement.countries.map((code) => `/countries/${code.toLowerCase()}/`),
        ...agreement.agencyIds.map((id) => `/agencies/${id}/`),
        ...agreement.data.topics.map((id) => `/topics/${id}/`),
        ...agreement.data.parties.flatMap((party) =>
          [...party.signatories, ...party.participants].map(({ person }) => `/people/${person}/`),
        ),
      ];
      for (const target of targets) {
        expect(links.has(target), `${url} links to ${target}`).toBe(true);
        // Country, agency and topic pages list their latest agreements and link to search for
        // the rest, so only those latest ones link back.
        if (!latestLinked(target).has(agreement.id)) continue;
        expect(hrefs(page(target)).has(url), `${target} links back to ${url}`).toBe(true);
      }
    }
  });

  it('shows related agreements from both ends', () => {
    for (const agreement of catalogue.agreements) {
      for (const relation of agreement.data.related) {
        const other = `/agreements/${relation.agreement}/`;
        expect(hrefs(page(`/agreements/${agreement.id}/`)).has(other)).toBe(true);
        expect(hrefs(page(other)).has(`/agreements/${agreement.id}/`)).toBe(true);
      }
    }
  });

  it('has no broken internal link, fragment or asset', () => {
    const broken: string[] = [];
    for (const source of pages.values()) {
      for (const url of internalLinks(source)) {
        const pathname = decodeURIComponent(url.pathname);
        // The search page is served with a query; the index files exist only after Pagefind ran.
        const file = pathname.endsWith('/') ? path.join(distDir, pathname, 'index.html') : path.join(distDir, pathname);
        if (!existsSync(file)) {
          broken.push(`${source.url} -> ${pathname}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && pathname.endsWith('/')) {
          const target = pages.get(pathname);
          if (!target?.document.querySelector(`[id="${fragment}"]`))
            broken.push(`${source.url} -> ${pathname}#${fragment}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives every page one h1, a title and a description', () => {
    for (const { url, document } of pages.values()) {
      expect(document.querySelectorAll('h1'), url).toHaveLength(1);
      expect(document.querySelector('title')?.text.trim(), url).toBeTruthy();
      expect(document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim(), url).toBeTruthy();
      expect(document.querySelector('html')?.getAttribute('lang'), url).toBe(url.startsWith('/ja/') ? 'ja' : 'en');
    }
  });

  it('shows a month-precise date as a month, never with an invented day', () => {
    const monthOnly = catalogue.agreements.find((agreement) => agreement.data.signed.precision === 'month');
    expect(monthOnly, 'the catalogue has a month-precise agreement').toBeDefined();
    if (!monthOnly) return;
    const time = page(`/agreements/${monthOnly.id}/`).document.querySelector(
      `time[datetime="${monthOnly.data.signed.iso}"]`,
    );
    expect(time?.text).toMatch(/^[A-Z][a-z]+ \d{4}$/);
  });

  it('marks agreement pages for search with filters, metadata and a date sort key', () => {
    for (const agreement of catalogue.agreements) {
      const { document } = page(`/agreements/${agreement.id}/`);
      expect(document.querySelector('[data-pagefind-body]')).not.toBeNull();
      const filters = document
        .querySelectorAll('[data-pagefind-filter]')
        .map((node) => node.getAttribute('data-pagefind-filter'));
      for (const name of ['type', 'country', 'topic', 'kind', 'status', 'year']) {
        expect(
          filters.some((filter) => filter?.startsWith(`${name}:`)),
          `${agreement.id} ${name}`,
        ).toBe(true);
      }
      expect(document.querySelector('[data-pagefind-sort^="date:"]')).not.toBeNull();
    }
  });

  it('builds the search index', () => {
    expect(existsSync(path.join(distDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('serves a helpful 404 page', () => {
    const notFound = page('/404.html');
    expect(notFound.document.querySelector('h1')?.text).toBe('Page not found');
    expect(notFound.document.querySelector('main form[role="search"]')).not.toBeNull();
  });

  it('links every agreement page to the editor and the problem form for its own file', () => {
    for (const agreement of catalogue.agreements) {
      const links = [...hrefs(page(`/agreements/${agreement.id}/`))];
      expect(
        links.some((href) => href.endsWith(`/edit/main/${agreement.filePath}`)),
        agreement.id,
      ).toBe(true);
      const report = links.find((href) => href.includes('/issues/new?'));
      expect(new URL(report ?? 'https://invalid/').searchParams.get('entry'), agreement.id).toBe(agreement.id);
    }
  });

  it('renders the components an entry uses, not their source', () => {
    for (const agreement of catalogue.agreements) {
      const prose = page(`/agreements/${agreement.id}/`).document.querySelector('.prose');
      expect(prose?.text, agreement.id).not.toMatch(/<(Cite|Callout|Quote|Figure)\b/);
    }
  });

  it('marks every fact and paragraph with references that lead to items of the source list', () => {
    for (const agreement of catalogue.agreements) {
      const { document } = page(`/agreements/${agreement.id}/`);
      const ids = new Set(
        document
          .querySelectorAll('#sources ~ ol li[id], section[aria-labelledby="sources"] li[id]')
          .map((item) => item.id),
      );
      expect(ids.size, agreement.id).toBe(agreement.data.sources.length);
      const references = document.querySelectorAll('.refs a');
      expect(references.length, agreement.id).toBeGreaterThan(0);
      for (const reference of references) {
        expect(ids.has((reference.getAttribute('href') ?? '').slice(1)), agreement.id).toBe(true);
        expect(reference.getAttribute('aria-label'), agreement.id).toMatch(new RegExp(`^Source ${reference.text}: .`));
      }
      for (const paragraph of document.querySelectorAll('.prose > p'))
        expect(paragraph.querySelector('.refs'), `${agreement.id}: ${paragraph.text.slice(0, 40)}`).not.toBeNull();
      expect(document.querySelector('h1 .refs'), agreement.id).toBeNull();
      expect(document.querySelectorAll('dl.summary-list dd').length, agreement.id).toBeGreaterThan(0);
    }
  });
});

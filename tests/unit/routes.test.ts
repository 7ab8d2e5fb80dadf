import { afterEach, describe, expect, it, vi } from 'vitest';
import { timelinePageSize, type TimelineItem, type TimelineYear } from '../../src/catalogue/timeline.ts';
import { counterpartOf, laterPagePaths } from '../../src/i18n/locales.ts';
import { absoluteUrl, editionPath, pathInLocale, routesFor } from '../../src/routes.ts';

describe('routes of each edition', () => {
  it('put the Japanese edition under /ja/ with the same slugs, and keep the data files shared', () => {
    const ja = routesFor('ja');
    expect(ja.agreement('alpha-2021')).toBe('/ja/agreements/alpha-2021/');
    expect(ja.country('JP')).toBe('/ja/countries/jp/');
    expect(ja.countryFeed('JP')).toBe('/ja/countries/jp/feed.xml');
    expect(ja.dataCatalogue()).toBe('/data/catalogue.json');
    expect(routesFor('en').agreement('alpha-2021')).toBe('/agreements/alpha-2021/');
  });

  it('give each timeline its years, and each year after its first page its pages', () => {
    const ja = routesFor('ja');
    const en = routesFor('en');
    expect(en.timelineYear({ type: 'all' }, 2019)).toBe('/timeline/2019/');
    expect(en.timelineYear({ type: 'all' }, 2019, 1)).toBe('/timeline/2019/');
    expect(en.timelineYear({ type: 'all' }, 2019, 2)).toBe('/timeline/2019/page/2/');
    expect(ja.timelineYear({ type: 'country', code: 'GB' }, 2019, 3)).toBe('/ja/timeline/country/gb/2019/page/3/');
    expect(en.timelineYear({ type: 'topic', id: 'e-invoicing' }, 2022)).toBe('/timeline/topic/e-invoicing/2022/');
    expect(en.timelineOf({ type: 'country', code: 'GB' })).toBe(en.timelineCountry('GB'));
    expect(en.agenciesPage(1)).toBe('/agencies/');
    expect(ja.peoplePage(2)).toBe('/ja/people/page/2/');
    // Flags are the same files in every edition.
    expect(ja.flag('GB')).toBe('/flags/gb.svg');
  });

  it("link a year to its page when the timeline is read a year at a time, else to its section of the timeline's front page", () => {
    const en = routesFor('en');
    const year = (items: number): TimelineYear => ({
      year: 2019,
      yearOnly: Array.from({ length: items }, () => ({}) as TimelineItem),
      months: [],
    });
    expect(en.timelineYearIn({ type: 'all' }, [year(timelinePageSize)], 2019)).toBe('/timeline/#year-2019');
    expect(en.timelineYearIn({ type: 'all' }, [year(timelinePageSize + 1)], 2019)).toBe('/timeline/2019/');
    expect(routesFor('ja').timelineYearIn({ type: 'topic', id: 'e-invoicing' }, [year(1)], 2019)).toBe(
      '/ja/timeline/topic/e-invoicing/#year-2019',
    );
  });

  it('find the same page in the other edition', () => {
    expect(pathInLocale('/agreements/alpha-2021/', 'ja')).toBe('/ja/agreements/alpha-2021/');
    expect(pathInLocale('/ja/agreements/alpha-2021/', 'en')).toBe('/agreements/alpha-2021/');
    expect(pathInLocale('/ja/', 'en')).toBe('/');
    expect(pathInLocale('/', 'ja')).toBe('/ja/');
    expect(pathInLocale('/japan-is-not-a-prefix/', 'ja')).toBe('/ja/japan-is-not-a-prefix/');
  });

  it('send each not-found page to the other edition’s not-found page', () => {
    expect(pathInLocale('/404.html', 'ja')).toBe('/ja/404/');
    expect(pathInLocale('/ja/404/', 'en')).toBe('/404.html');
  });
});

describe('counterparts in the other edition', () => {
  const en = routesFor('en');
  const ja = routesFor('ja');
  const counterpart = (pathname: string) => counterpartOf(editionPath(pathname));

  it('are the same page, a translation, for pages that list the same entries in every edition', () => {
    for (const pathname of [
      en.home(),
      ja.agreement('alpha-2021'),
      en.agencies(),
      ja.people(),
      en.agenciesPage(1),
      // The agreements index and the timeline are in the same order in every edition.
      ja.agreementsPage(2),
      en.timelineYear({ type: 'all' }, 2019, 2),
      ja.person('page'),
    ]) {
      expect(counterpart(pathname), pathname).toEqual({ path: editionPath(pathname), translated: true });
    }
  });

  it('are the index itself, not a translation, for the pages after the first of the agencies and people indexes', () => {
    expect(counterpart(en.agenciesPage(2))).toEqual({ path: '/agencies/', translated: false });
    expect(counterpart(ja.agenciesPage(3))).toEqual({ path: '/agencies/', translated: false });
    expect(counterpart(en.peoplePage(12))).toEqual({ path: '/people/', translated: false });
    expect(counterpart(ja.peoplePage(2))).toEqual({ path: '/people/', translated: false });
    expect(pathInLocale(counterpart(ja.peoplePage(2)).path, 'en')).toBe(en.people());
  });

  it("take a page's path within its edition, without the edition's prefix", () => {
    expect(editionPath('/ja/agencies/page/2/')).toBe('/agencies/page/2/');
    expect(editionPath('/agencies/page/2/')).toBe('/agencies/page/2/');
    expect(editionPath('/ja/')).toBe('/');
  });
});

describe('absolute addresses', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('resolve a site path against the configured site address', () => {
    vi.stubEnv('SITE', 'https://example.org');
    expect(absoluteUrl('/ja/agreements/alpha-2021/')).toBe('https://example.org/ja/agreements/alpha-2021/');
    expect(absoluteUrl(routesFor('en').dataSchema())).toBe('https://example.org/data/catalogue.schema.json');
  });

  it('refuse to guess a host when no site address is configured', () => {
    vi.stubEnv('SITE', '');
    expect(() => absoluteUrl('/about/')).toThrow('No site address to make "/about/" absolute');
  });
});

describe('the paths of the pages of an index after its first', () => {
  it('run from page 2 to the last, in every edition, each with its page number', () => {
    const paths = laterPagePaths(3, { total: 450 });
    expect(paths.map(({ params, props }) => [params.lang, params.page, props.page, props.total])).toEqual([
      [undefined, '2', 2, 450],
      [undefined, '3', 3, 450],
      ['ja', '2', 2, 450],
      ['ja', '3', 3, 450],
    ]);
    expect(laterPagePaths(1, {})).toEqual([]);
  });
});

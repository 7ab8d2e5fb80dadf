/**
 * Every URL of the site, built in one place so that links and routes cannot drift apart. Paths
 * carry the configured base, so the site can be served from a sub-folder, and the edition's
 * prefix (`/ja`), so a page links within its own language.
 */
import { hasYearPages, type TimelineScope, type TimelineYear } from './catalogue/timeline.ts';
import { defaultLocale, localePrefix, locales, type Locale } from './i18n/locales.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A site path with the configured base. */
const href = (path: string): string => `${base}${path}`;

/** The path of a timeline's front page, under which its years are. */
function timelinePath(scope: TimelineScope): string {
  if (scope.type === 'country') return `/timeline/country/${scope.code.toLowerCase()}/`;
  if (scope.type === 'topic') return `/timeline/topic/${scope.id}/`;
  return '/timeline/';
}

/** The routes of one edition. */
export function routesFor(locale: Locale | string | undefined) {
  const prefix = localePrefix(locales.find((known) => known === locale) ?? 'en');
  const page = (path: string) => href(`${prefix}${path}`);
  return {
    home: () => page('/'),
    agreements: () => page('/agreements/'),
    /** A page of the agreements index; page 1 is the index itself. */
    agreementsPage: (n: number) => (n <= 1 ? page('/agreements/') : page(`/agreements/page/${n}/`)),
    agreement: (id: string) => page(`/agreements/${id}/`),
    countries: () => page('/countries/'),
    country: (code: string) => page(`/countries/${code.toLowerCase()}/`),
    agencies: () => page('/agencies/'),
    /** A page of the agencies index; page 1 is the index itself. */
    agenciesPage: (n: number) => (n <= 1 ? page('/agencies/') : page(`/agencies/page/${n}/`)),
    agency: (id: string) => page(`/agencies/${id}/`),
    topics: () => page('/topics/'),
    topic: (id: string) => page(`/topics/${id}/`),
    people: () => page('/people/'),
    /** A page of the people index; page 1 is the index itself. */
    peoplePage: (n: number) => (n <= 1 ? page('/people/') : page(`/people/page/${n}/`)),
    person: (id: string) => page(`/people/${id}/`),
    timeline: () => page(timelinePath({ type: 'all' })),
    timelineCountry: (code: string) => page(timelinePath({ type: 'country', code })),
    timelineTopic: (id: string) => page(timelinePath({ type: 'topic', id })),
    /** The front page of a timeline: the whole catalogue's, or one country's or one topic's. */
    timelineOf: (scope: TimelineScope) => page(timelinePath(scope)),
    /** A year of a timeline; page 1 is the year itself. */
    timelineYear: (scope: TimelineScope, year: number, n = 1) =>
      page(`${timelinePath(scope)}${year}/${n <= 1 ? '' : `page/${n}/`}`),
    /**
     * Where a year of a timeline is read: its own page when the timeline is read a year at a
     * time, else its section of the timeline's front page.
     */
    timelineYearIn: (scope: TimelineScope, years: readonly TimelineYear[], year: number) =>
      hasYearPages(years) ? page(`${timelinePath(scope)}${year}/`) : page(`${timelinePath(scope)}#year-${year}`),
    search: () => page('/search/'),
    /** The search page with filters applied, such as `{ country: 'JP', sort: 'newest' }`. */
    searchFor: (filters: Readonly<Record<string, string>>) =>
      page(`/search/?${new URLSearchParams(filters).toString()}`),
    /** Every value of a search facet, with its label in the edition's language. */
    searchFacetValues: (facet: string) => page(`/search/${facet}.json`),
    // The facet index is the same for every edition: it holds codes, not labels.
    searchFacetIndex: () => href('/search/facets.bin'),
    // A flag is the same image in every edition.
    flag: (code: string) => href(`/flags/${code.toLowerCase()}.svg`),
    // The world map's shapes are one file for every map of every edition; a map uses its shapes by
    // id, from the file of its build's `version` (worldMapFile).
    worldMapShape: (version: string, id: string) => href(`/map/world.svg?v=${version}#${id}`),
    about: () => page('/about/'),
    feed: () => page('/feed.xml'),
    countryFeed: (code: string) => page(`/countries/${code.toLowerCase()}/feed.xml`),
    agencyFeed: (id: string) => page(`/agencies/${id}/feed.xml`),
    topicFeed: (id: string) => page(`/topics/${id}/feed.xml`),
    data: () => page('/data/'),
    // The data files are the same for every edition: they carry every language's names.
    dataCatalogue: () => href('/data/catalogue.json'),
    dataSchema: () => href('/data/catalogue.schema.json'),
    dataCsv: () => href('/data/agreements.csv'),
    dataAgreement: (id: string) => href(`/data/agreements/${id}.json`),
  } as const;
}

/**
 * The absolute address of a site path (one of the routes above, base included), for canonical
 * links, hreflang alternates, structured data and citations. The site's address is `site` in
 * astro.config.mjs, which is always set (SITE_URL, or the public address), so no page has to
 * guess a fallback: without it an absolute address would name the wrong host.
 */
export function absoluteUrl(path: string): string {
  // Typed as a string, but undefined in code that Astro did not configure (unit tests).
  const site: string | undefined = import.meta.env.SITE;
  if (!site) throw new Error(`No site address to make "${path}" absolute: set \`site\` in astro.config.mjs.`);
  return new URL(path, site).href;
}

/** The English edition's routes, for code that builds links outside any page (data files). */
export const routes = routesFor('en');

/**
 * The same page in another edition: `/ja/agreements/x/` for `/agreements/x/`, and back. The
 * not-found page is the exception: a static host serves the English one as `/404.html`, and the
 * Japanese one lives at `/ja/404/`.
 */
export function pathInLocale(pathname: string, locale: Locale): string {
  const bare = editionPath(pathname);
  if (/^\/404(\.html|\/)?$/.test(bare))
    return href(locale === defaultLocale ? '/404.html' : `${localePrefix(locale)}/404/`);
  return href(`${localePrefix(locale)}${bare}`);
}

/** A page's path within its edition, without the base or the edition's prefix: `/agreements/x/` for `/ja/agreements/x/`. */
export function editionPath(pathname: string): string {
  const withoutBase = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const current = locales.find((known) => localePrefix(known) && withoutBase.startsWith(`${localePrefix(known)}/`));
  return (current ? withoutBase.slice(localePrefix(current).length) : withoutBase) || '/';
}

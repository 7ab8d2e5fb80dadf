/**
 * Every URL of the site, built in one place so that links and routes cannot drift apart. Paths
 * carry the configured base, so the site can be served from a sub-folder.
 */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A site path with the configured base. */
export const href = (path: string): string => `${base}${path}`;

export const routes = {
  home: () => href('/'),
  agreements: () => href('/agreements/'),
  /** A page of the agreements index; page 1 is the index itself. */
  agreementsPage: (page: number) => (page <= 1 ? href('/agreements/') : href(`/agreements/page/${page}/`)),
  agreement: (id: string) => href(`/agreements/${id}/`),
  countries: () => href('/countries/'),
  country: (code: string) => href(`/countries/${code.toLowerCase()}/`),
  agencies: () => href('/agencies/'),
  agency: (id: string) => href(`/agencies/${id}/`),
  topics: () => href('/topics/'),
  topic: (id: string) => href(`/topics/${id}/`),
  people: () => href('/people/'),
  person: (id: string) => href(`/people/${id}/`),
  timeline: () => href('/timeline/'),
  timelineCountry: (code: string) => href(`/timeline/country/${code.toLowerCase()}/`),
  timelineTopic: (id: string) => href(`/timeline/topic/${id}/`),
  search: () => href('/search/'),
  /** The search page with filters applied, such as `{ country: 'Japan', sort: 'newest' }`. */
  searchFor: (filters: Readonly<Record<string, string>>) => href(`/search/?${new URLSearchParams(filters).toString()}`),
  about: () => href('/about/'),
  feed: () => href('/feed.xml'),
  countryFeed: (code: string) => href(`/countries/${code.toLowerCase()}/feed.xml`),
  agencyFeed: (id: string) => href(`/agencies/${id}/feed.xml`),
  topicFeed: (id: string) => href(`/topics/${id}/feed.xml`),
  data: () => href('/data/'),
  dataCatalogue: () => href('/data/catalogue.json'),
  dataSchema: () => href('/data/catalogue.schema.json'),
  dataCsv: () => href('/data/agreements.csv'),
  dataAgreement: (id: string) => href(`/data/agreements/${id}.json`),
} as const;

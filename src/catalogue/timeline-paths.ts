import { inEveryEdition } from '../i18n/locales.ts';
import { getCatalogue, getTimelines } from './load.ts';
import { timelinePageKey } from './page-keys.ts';
import { yearPagesOf, type TimelineScope, type TimelineYear } from './timeline.ts';

/**
 * The static paths of the timelines' year pages, for the six routes that serve them: the first
 * page of each year (`/timeline/2023/`) or the pages after it (`/timeline/2023/page/2/`), of the
 * whole timeline, of every country's or of every topic's that has agreements, in every edition,
 * each with its cache key.
 */
export async function timelineYearPaths(type: TimelineScope['type'], pages: 'first' | 'later') {
  const [catalogue, timelines] = await Promise.all([getCatalogue(), getTimelines()]);
  const timelinesOfType: { scope: TimelineScope; years: readonly TimelineYear[]; params: Record<string, string> }[] =
    type === 'all'
      ? [{ scope: { type }, years: timelines.all, params: {} }]
      : type === 'country'
        ? catalogue.countries.map((country) => ({
            scope: { type, code: country.code },
            years: timelines.byCountry.get(country.code) ?? [],
            params: { code: country.code.toLowerCase() },
          }))
        : catalogue.topics
            .filter((topic) => topic.agreements.length > 0)
            .map((topic) => ({
              scope: { type, id: topic.id },
              years: timelines.byTopic.get(topic.id) ?? [],
              params: { id: topic.id },
            }));
  return inEveryEdition(
    timelinesOfType.flatMap(({ scope, years, params }) =>
      yearPagesOf(scope, years)
        .filter(({ page }) => (pages === 'first' ? page.page === 1 : page.page > 1))
        .map(({ page }) => ({
          params: {
            ...params,
            year: String(page.section.year),
            ...(pages === 'later' ? { page: String(page.page) } : {}),
          },
          props: { catalogue, scope, years, page },
          cacheKey: timelinePageKey({ scope, years, page }, catalogue),
        })),
    ),
  );
}

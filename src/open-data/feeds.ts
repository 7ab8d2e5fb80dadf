import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { Agreement } from '../catalogue/derive.ts';
import { getCatalogue, getLastChanged } from '../catalogue/load.ts';
import { useStrings } from '../i18n/index.ts';
import { absoluteUrl, routesFor } from '../routes.ts';
import { feedItems } from './feed-items.ts';

/** An RSS response for a list of agreements, for the feed endpoints. */
export async function agreementFeed(
  context: APIContext,
  feed: { readonly title: string; readonly agreements: readonly Agreement[] },
): Promise<Response> {
  const strings = useStrings(context.currentLocale);
  const routes = routesFor(strings.locale);
  const catalogue = await getCatalogue();
  return rss({
    title: feed.title,
    description: strings.t.feed.description,
    site: absoluteUrl(routes.home()),
    items: feedItems(feed.agreements, {
      strings,
      routes,
      absolute: absoluteUrl,
      lastChanged: getLastChanged,
      topicName: (id) => catalogue.topicById.get(id)?.data.name ?? id,
    }),
    customData: `<language>${strings.locale}</language>`,
  });
}

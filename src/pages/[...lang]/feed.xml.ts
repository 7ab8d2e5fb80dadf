import type { GetStaticPaths } from 'astro';
import { editionPaths } from '../../i18n/locales.ts';
import type { APIRoute } from 'astro';
import { getCatalogue } from '../../catalogue/load.ts';
import { useStrings } from '../../i18n/index.ts';
import { agreementFeed } from '../../open-data/feeds.ts';

export const getStaticPaths = (() => editionPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) =>
  agreementFeed(context, {
    title: useStrings(context.currentLocale).t.feed.siteTitle,
    agreements: (await getCatalogue()).agreements,
  });

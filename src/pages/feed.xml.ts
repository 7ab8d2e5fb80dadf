import type { APIRoute } from 'astro';
import { getCatalogue } from '../catalogue/load.ts';
import { useStrings } from '../i18n/index.ts';
import { agreementFeed } from '../open-data/feeds.ts';

export const GET: APIRoute = async (context) =>
  agreementFeed(context, { title: useStrings().t.feed.siteTitle, agreements: (await getCatalogue()).agreements });

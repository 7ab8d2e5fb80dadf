import { inEveryEdition } from '../../../../i18n/locales.ts';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue, getLastChanged } from '../../../../catalogue/load.ts';
import { feedKey } from '../../../../catalogue/page-keys.ts';
import { fill, useStrings } from '../../../../i18n/index.ts';
import { agreementFeed } from '../../../../open-data/feeds.ts';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return inEveryEdition(
    catalogue.agencies.map((agency) => ({
      params: { id: agency.id },
      props: { agency },
      cacheKey: feedKey(agency.data, agency.agreements, catalogue, getLastChanged),
    })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = (context) => {
  const { agency } = context.props;
  const title = fill(useStrings(context.currentLocale).t.feed.agencyTitle, { name: agency.data.name });
  return agreementFeed(context, { title, agreements: agency.agreements });
};

import { inEveryEdition } from '../../../../i18n/locales.ts';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue, getLastChanged } from '../../../../catalogue/load.ts';
import { feedKey } from '../../../../catalogue/page-keys.ts';
import { countryNameInText } from '../../../../countries.ts';
import { fill, useStrings } from '../../../../i18n/index.ts';
import { agreementFeed } from '../../../../open-data/feeds.ts';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return inEveryEdition(
    catalogue.countries.map((country) => ({
      params: { code: country.code.toLowerCase() },
      props: { country },
      cacheKey: feedKey(country.code, country.agreements, catalogue, getLastChanged),
    })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = (context) => {
  const { country } = context.props;
  const title = fill(useStrings(context.currentLocale).t.feed.countryTitle, {
    name: countryNameInText(country.code, context.currentLocale),
  });
  return agreementFeed(context, { title, agreements: country.agreements });
};

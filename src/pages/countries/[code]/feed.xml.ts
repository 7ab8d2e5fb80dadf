import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../catalogue/load.ts';
import { countryNameInText } from '../../../countries.ts';
import { fill, useStrings } from '../../../i18n/index.ts';
import { agreementFeed } from '../../../open-data/feeds.ts';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return catalogue.countries.map((country) => ({ params: { code: country.code.toLowerCase() }, props: { country } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = (context) => {
  const { country } = context.props;
  const title = fill(useStrings().t.feed.countryTitle, { name: countryNameInText(country.code) });
  return agreementFeed(context, { title, agreements: country.agreements });
};

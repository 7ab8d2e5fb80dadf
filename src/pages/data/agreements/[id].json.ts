import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../catalogue/load.ts';
import { jsonResponse, recordContext } from '../../../open-data/load.ts';
import { agreementRecord } from '../../../open-data/records.ts';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return catalogue.agreements.map((agreement) => ({ params: { id: agreement.id }, props: { agreement, catalogue } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  jsonResponse(agreementRecord(props.agreement, props.catalogue, recordContext(site)));

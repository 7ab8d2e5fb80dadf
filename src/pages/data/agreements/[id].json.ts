import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getAgreementDigest, getCatalogue, getLastChanged } from '../../../catalogue/load.ts';
import { agreementKey, sliceFor } from '../../../catalogue/page-keys.ts';
import { jsonResponse, recordContext } from '../../../open-data/load.ts';
import { agreementRecord } from '../../../open-data/records.ts';

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  return Promise.all(
    catalogue.agreements.map(async (agreement) => {
      const slice = sliceFor(agreement, catalogue);
      const page = { lastChanged: getLastChanged(agreement.filePath), body: await getAgreementDigest(agreement.id) };
      return {
        params: { id: agreement.id },
        props: { agreement, catalogue: slice },
        cacheKey: agreementKey(agreement, slice, page),
      };
    }),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  jsonResponse(agreementRecord(props.agreement, props.catalogue, recordContext()));

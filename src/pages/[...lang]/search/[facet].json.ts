import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../catalogue/load.ts';
import { searchFacets } from '../../../catalogue/search-facets.ts';
import { useStrings } from '../../../i18n/index.ts';
import { editions } from '../../../i18n/locales.ts';
import { facetValueList, pageFacets } from '../../../search/facet-file.ts';

export const getStaticPaths = (() =>
  editions.flatMap(({ lang }) =>
    searchFacets.map((facet) => ({ params: { lang, facet }, props: { facet } })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** Every value of one facet in one edition, fetched when the reader narrows or expands its list. */
export const GET: APIRoute<Props> = async ({ props, currentLocale }) => {
  const facet = pageFacets(await getCatalogue(), useStrings(currentLocale)).find(
    (found) => found.facet === props.facet,
  );
  return new Response(JSON.stringify(facetValueList(facet?.values ?? [])), {
    headers: { 'content-type': 'application/json' },
  });
};

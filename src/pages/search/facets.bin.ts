import type { APIRoute } from 'astro';
import { getCatalogue } from '../../catalogue/load.ts';
import { facetIndexFile } from '../../search/facet-file.ts';

// The same file serves both editions: their pages carry the same row keys and filter codes.
export const GET: APIRoute = async () =>
  new Response(facetIndexFile(await getCatalogue()).bytes, { headers: { 'content-type': 'application/octet-stream' } });

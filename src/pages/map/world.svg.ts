import type { APIRoute } from 'astro';
import { getCatalogue } from '../../catalogue/load.ts';
import { worldMapFile } from '../../map/catalogue-maps.ts';

// The shapes of the world map, the same on the countries index and every country page of every
// edition: one file the pages use by reference rather than repeat.
export const GET: APIRoute = async () =>
  new Response(worldMapFile(await getCatalogue()).svg, { headers: { 'content-type': 'image/svg+xml' } });

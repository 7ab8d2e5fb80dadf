import type { APIRoute } from 'astro';
import { getCatalogue } from '../../catalogue/load.ts';
import { catalogueMap } from '../../map/catalogue-maps.ts';
import { worldMapSvg } from '../../map/world-map.ts';

// The shapes of the world map, the same on the countries index and every country page of every
// edition: one file the pages use by reference rather than repeat.
export const GET: APIRoute = async () =>
  new Response(worldMapSvg(catalogueMap(await getCatalogue())), { headers: { 'content-type': 'image/svg+xml' } });

import type { APIRoute } from 'astro';
import { jsonResponse } from '../../open-data/load.ts';
import { catalogueJsonSchema } from '../../open-data/schema.ts';
import { routes } from '../../routes.ts';

export const GET: APIRoute = ({ site, url }) =>
  jsonResponse(catalogueJsonSchema(new URL(routes.dataSchema(), site ?? url.origin).href));

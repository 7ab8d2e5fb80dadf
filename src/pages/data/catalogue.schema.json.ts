import type { APIRoute } from 'astro';
import { jsonResponse } from '../../open-data/load.ts';
import { catalogueJsonSchema } from '../../open-data/schema.ts';
import { absoluteUrl, routes } from '../../routes.ts';

export const GET: APIRoute = () => jsonResponse(catalogueJsonSchema(absoluteUrl(routes.dataSchema())));

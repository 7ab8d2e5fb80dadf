import type { APIRoute } from 'astro';
import { getCatalogueFile, jsonResponse } from '../../open-data/load.ts';

export const GET: APIRoute = async () => jsonResponse(await getCatalogueFile());

import type { APIRoute } from 'astro';
import { agreementCsvHeader, agreementCsvRow, toCsv } from '../../open-data/csv.ts';
import { getCatalogueFile } from '../../open-data/load.ts';

export const GET: APIRoute = async () => {
  const file = await getCatalogueFile();
  return new Response(toCsv(agreementCsvHeader, file.agreements.map(agreementCsvRow)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};

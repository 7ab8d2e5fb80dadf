import type { APIRoute } from 'astro';
import { useStrings } from '../../i18n/index.ts';
import { agreementColumns, agreementCsvRow, toCsv, type AgreementColumn } from '../../open-data/csv.ts';
import { getCatalogueFile } from '../../open-data/load.ts';

export const GET: APIRoute = async ({ site }) => {
  const { t } = useStrings();
  const file = await getCatalogueFile(site);
  const header = (Object.keys(agreementColumns) as AgreementColumn[]).map((key) => t.data.columns[key].header);
  return new Response(toCsv(header, file.agreements.map(agreementCsvRow)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};

import { getCatalogue, getLastChanged } from '../catalogue/load.ts';
import { useStrings } from '../i18n/index.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { catalogueFile, type RecordContext } from './records.ts';
import type { CatalogueFile } from './schema.ts';

/** The record context of a build: absolute URLs on the configured site, English labels, git history. */
export function recordContext(): RecordContext {
  return {
    absolute: absoluteUrl,
    routes,
    t: useStrings().t,
    lastChanged: getLastChanged,
  };
}

let built: Promise<CatalogueFile> | undefined;

/** The open-data document, built once per build and shared by every data file. */
export function getCatalogueFile(): Promise<CatalogueFile> {
  built ??= getCatalogue().then((catalogue) => catalogueFile(catalogue, recordContext()));
  return built;
}

/** A JSON response, pretty-printed so that diffs between builds are readable. */
export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

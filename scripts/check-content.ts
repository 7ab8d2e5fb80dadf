/**
 * `npm run check`: validates every content file with the build's own schemas and integrity checks,
 * without building the site, and reports every problem at once.
 *
 *   npm run check                      # the catalogue in content/
 *   npm run check -- --content DIR     # another folder with the same layout
 *   npm run check -- --no-cache        # parse every file again
 *
 * Files whose text has not changed since the last clean check are not parsed again: their data
 * is kept in node_modules/.cache/accord-atlas/ (ACCORD_CHECK_CACHE_DIR elsewhere) and still goes
 * through the schemas and integrity checks. When no file and no code has changed at all, the last
 * report is printed again without reading a file.
 *
 * Exits 1 when there is any error; warnings alone exit 0.
 */
import { parseArgs } from 'node:util';
import { formatJapaneseNameCoverage } from '../src/checker/japanese-names.ts';
import { listContentFiles } from '../src/checker/list-files.ts';
import { checkCacheDirectory, openCheckCache } from '../src/checker/check-cache.ts';
import { formatReport } from '../src/checker/problems.ts';
import { folderState, openRunRecord, type CheckReport } from '../src/checker/run-record.ts';
import { contentRoot } from '../src/content-root.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
const root = values.content ?? contentRoot;

/** Checks the folder, reading only the files the cache does not know. */
async function check(): Promise<CheckReport> {
  // Loaded only when the folder has to be read: the parsers are most of the time of a quick check.
  const [{ readContent }, { japaneseNameCoverage }] = await Promise.all([
    import('../src/checker/read-content.ts'),
    import('../src/checker/japanese-names.ts'),
  ]);
  const stored = values['no-cache'] ? undefined : await openCheckCache(checkCacheDirectory(), root);
  const { problems, fileCount, input } = await readContent(root, stored ? { cache: stored.cache } : {});
  await stored?.save();
  return { problems, fileCount, validAgreements: input.agreements.length, japaneseNames: japaneseNameCoverage(input) };
}

const started = performance.now();
try {
  const runs = values['no-cache'] ? undefined : await openRunRecord(checkCacheDirectory(), root);
  const state = runs ? await folderState(root, await listContentFiles(root)) : undefined;
  let report = state === undefined ? undefined : runs?.reportFor(state);
  if (!report) {
    report = await check();
    if (state !== undefined) await runs?.save(state, report);
  }
  const { problems, fileCount, validAgreements, japaneseNames } = report;
  const elapsed = Math.round(performance.now() - started);
  if (problems.length > 0) console.log(formatReport(problems));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  if (!values.quiet) console.log(formatJapaneseNameCoverage(japaneseNames));
  if (!values.quiet || errors > 0) {
    console.log(
      `Checked ${fileCount} files in ${root} (${validAgreements} valid agreements) in ${elapsed} ms: ${errors === 0 ? 'no errors' : `${errors} ${errors === 1 ? 'error' : 'errors'}`}.`,
    );
  }
  process.exitCode = errors > 0 ? 1 : 0;
} catch (error) {
  // An unexpected failure is still reported as one readable line, not a stack trace.
  console.error(`The content check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

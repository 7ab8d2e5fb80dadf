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
 * through the schemas and integrity checks.
 *
 * Exits 1 when there is any error; warnings alone exit 0.
 */
import { parseArgs } from 'node:util';
import { readContent } from '../src/checker/read-content.ts';
import { formatReport } from '../src/checker/problems.ts';
import { openCheckCache } from '../src/checker/check-cache.ts';
import { formatJapaneseNameCoverage, japaneseNameCoverage } from '../src/checker/japanese-names.ts';
import { contentRoot } from '../src/content-root.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
const root = values.content ?? contentRoot;

const started = performance.now();
try {
  const stored = values['no-cache']
    ? undefined
    : await openCheckCache(process.env['ACCORD_CHECK_CACHE_DIR'] ?? 'node_modules/.cache/accord-atlas', root);
  const { problems, fileCount, input } = await readContent(root, stored ? { cache: stored.cache } : {});
  await stored?.save();
  const elapsed = Math.round(performance.now() - started);
  if (problems.length > 0) console.log(formatReport(problems));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  if (!values.quiet) console.log(formatJapaneseNameCoverage(japaneseNameCoverage(input)));
  if (!values.quiet || errors > 0) {
    console.log(
      `Checked ${fileCount} files in ${root} (${input.agreements.length} valid agreements) in ${elapsed} ms: ${errors === 0 ? 'no errors' : `${errors} ${errors === 1 ? 'error' : 'errors'}`}.`,
    );
  }
  process.exitCode = errors > 0 ? 1 : 0;
} catch (error) {
  // An unexpected failure is still reported as one readable line, not a stack trace.
  console.error(`The content check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

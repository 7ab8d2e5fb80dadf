import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { openCheckCache } from './check-cache.ts';
import { formatReport } from './problems.ts';
import type { CollectionName } from '../collections.ts';
import { readContent, type ReadResult } from './read-files.ts';

/**
 * The content loader of every collection. It replaces Astro's `glob()` loader, which read files
 * through symbolic links, parsed YAML with another library than the check, and handed entries to
 * the MDX compiler unchecked. Here every collection comes from one `readContent` run, the same as
 * `npm run check`: files are listed deny by default, read as data and checked before any of them
 * is stored, so nothing imports, compiles or renders an entry the check refuses. That holds for
 * `npm run build`, a bare `astro build`, `astro check` and `astro dev`.
 *
 * Agreements are stored for deferred rendering, as `glob()` stores them: Astro compiles each
 * body when a page renders it, with the safe-content remark plugin as a second line.
 */

let current: Promise<ReadResult> | undefined;
let invalidated = false;
const logged = new WeakSet<ReadResult>();

async function checkContent(root: string): Promise<ReadResult> {
  // The check cache of `npm run check`: `npm run build` has just filled it, so the build parses
  // no file a second time.
  const stored = await openCheckCache(
    process.env['ACCORD_CHECK_CACHE_DIR'] ?? 'node_modules/.cache/accord-atlas',
    root,
  ).catch(() => undefined);
  const result = await readContent(root, stored ? { cache: stored.cache } : {});
  await stored?.save().catch(() => undefined);
  return result;
}

/** The checked content of `root`, read once for all four collections of a sync. */
function checkedContent(root: string): Promise<ReadResult> {
  current ??= checkContent(root);
  return current;
}

/** True when `file` is `folder` or inside it. */
const isInside = (folder: string, file: string): boolean => file === folder || file.startsWith(folder + path.sep);

/**
 * Loads one collection of the content folder `root`. A build stops with the check's report when
 * any file has an error; `astro dev` logs the report and leaves every refused file out.
 */
export function contentLoader(root: string, collection: CollectionName): Loader {
  return {
    name: 'accord-content',
    load: async ({ store, parseData, watcher, logger, config }) => {
      const projectRoot = fileURLToPath(config.root);
      const sync = async (): Promise<void> => {
        const result = await checkedContent(root);
        const { problems, files } = result;
        const errors = problems.filter((problem) => problem.severity === 'error');
        if (errors.length > 0) {
          const report = `The content has errors; \`npm run check\` lists them with their fixes.\n${formatReport(errors)}`;
          if (!watcher) {
            const error = new Error(report);
            // The report names every file and its fix; the loader's own stack would only hide it.
            error.stack = report;
            throw error;
          }
          // The four collections share one check: its report is shown once.
          if (!logged.has(result)) logger.error(report);
          logged.add(result);
        }
        const refused = new Set(errors.map((problem) => problem.file));
        const kept = new Set<string>();
        for (const file of files[collection]) {
          if (refused.has(file.filePath)) continue;
          const absolute = path.resolve(file.filePath);
          const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath: absolute });
          const filePath = path.relative(projectRoot, absolute).split(path.sep).join('/');
          const deferredRender = collection === 'agreements';
          const changed = store.set({
            id: file.id,
            data,
            ...(file.body !== undefined ? { body: file.body } : {}),
            filePath,
            digest: file.digest,
            ...(deferredRender ? { deferredRender } : {}),
          });
          // An unchanged entry is not set again, so its module would be missing from the list of
          // modules Astro writes for this run (as glob() does, it is added by hand).
          if (!changed && deferredRender) store.addModuleImport(filePath);
          kept.add(file.id);
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
      };
      await sync();
      if (!watcher) return;
      const folder = path.resolve(root);
      watcher.add(folder);
      watcher.on('all', (_event: string, changed: string) => {
        if (!isInside(folder, path.resolve(changed))) return;
        // The four collections hear the same event in one tick: the first forgets the last
        // check, and all four share the next one.
        if (!invalidated) {
          invalidated = true;
          current = undefined;
          queueMicrotask(() => {
            invalidated = false;
          });
        }
        sync().catch((error: unknown) => {
          logger.error(`Could not reload ${collection}: ${error instanceof Error ? error.message : String(error)}`);
        });
      });
    },
  };
}

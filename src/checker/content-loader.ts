import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../collections.ts';
import { checkCacheDirectory, openCheckCache } from './check-cache.ts';
import { formatReport } from './problems.ts';
import { readContent, type ReadResult } from './read-content.ts';
import { rendererVersion } from './rendered-bodies.ts';

/**
 * The content loader of every collection. It replaces Astro's `glob()` loader, which read files
 * through symbolic links, parsed YAML with another library than the check, and handed entries to
 * the MDX compiler unchecked. Here every collection comes from one `readContent` run, the same as
 * `npm run check`: files are listed deny by default, read as data and checked before any of them
 * is stored, so nothing imports, compiles or renders an entry the check refuses. That holds for
 * `npm run build`, a bare `astro build`, `astro check` and `astro dev`.
 *
 * An agreement's body is parsed once, checked on its tree and rendered there into the HTML of
 * every edition, which the store keeps with the entry: no entry is compiled as an MDX module, and
 * an entry whose file and renderer have not changed since the last build is neither parsed nor
 * rendered again.
 */

type Store = LoaderContext['store'];

let current: Promise<ReadResult> | undefined;
let invalidated = false;
const logged = new WeakSet<object>();

/**
 * The agreements' store, which says which bodies are rendered already. Astro starts the four
 * loaders side by side, in no set order: the shared check waits for this one.
 */
let resolveAgreementsStore: (store: Store) => void = () => undefined;
const agreementsStore = new Promise<Store>((resolve) => {
  resolveAgreementsStore = resolve;
});

/** The digest under which an entry is stored: its file's, and the renderer's. */
const storedDigest = (fileDigest: string, version: string): string =>
  createHash('sha256').update(fileDigest).update('\0').update(version).digest('base64url');

async function checkContent(root: string): Promise<ReadResult> {
  const store = await agreementsStore;
  // The check cache of `npm run check`: files it has seen clean need no parsing here either.
  const stored = await openCheckCache(checkCacheDirectory(), root).catch(() => undefined);
  const version = await rendererVersion();
  const result = await readContent(root, {
    ...(stored ? { cache: stored.cache } : {}),
    render: { wanted: ({ id, digest }) => store.get(id)?.digest !== storedDigest(digest, version) },
  });
  await stored?.save().catch(() => undefined);
  versions.set(result, version);
  return result;
}

/** The renderer version of each check, for the digests its entries are stored under. */
const versions = new WeakMap<object, string>();

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
      if (collection === 'agreements') resolveAgreementsStore(store);
      const sync = async (): Promise<void> => {
        const result = await checkedContent(root);
        const { problems, files } = result;
        const errors = problems.filter((problem) => problem.severity === 'error');
        const warnings = problems.filter((problem) => problem.severity === 'warning');
        // The four collections share one check: its report is shown once.
        const first = !logged.has(result);
        logged.add(result);
        if (first && errors.length === 0 && warnings.length > 0) logger.warn(formatReport(warnings));
        if (errors.length > 0) {
          const report = `The content has errors; \`npm run check\` lists them with their fixes.\n${formatReport(errors)}`;
          if (!watcher) {
            const error = new Error(report);
            // The report names every file and its fix; the loader's own stack would only hide it.
            error.stack = report;
            throw error;
          }
          if (first) logger.error(report);
        }
        const version = versions.get(result) ?? '';
        const refused = new Set(errors.map((problem) => problem.file));
        const kept = new Set<string>();
        for (const file of files[collection]) {
          if (refused.has(file.filePath)) continue;
          kept.add(file.id);
          const digest = storedDigest(file.digest, version);
          if (store.get(file.id)?.digest === digest) continue;
          if (collection === 'agreements' && file.rendered === undefined)
            throw new Error(`${file.filePath}: the body was not rendered.`);
          const absolute = path.resolve(file.filePath);
          const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath: absolute });
          store.set({
            id: file.id,
            data,
            filePath: path.relative(projectRoot, absolute).split(path.sep).join('/'),
            digest,
            ...(file.rendered !== undefined ? { rendered: { html: file.rendered } } : {}),
          });
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
        if (collection === 'agreements') {
          const rendered = files.agreements.filter((file) => file.rendered !== undefined).length;
          logger.info(
            `Rendered ${rendered} of ${files.agreements.length} agreement bodies; the others were unchanged.`,
          );
        }
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

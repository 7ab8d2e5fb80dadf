import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { renderedBodyFile } from '../build-cache.ts';
import { isInside } from '../dev-watch.ts';
import type { CollectionName } from '../collections.ts';
import { checkCacheDirectory, openCheckCache, type CheckCacheRun } from './check-cache.ts';
import { formatReport } from './problems.ts';
import { readContent, readMemo, type ReadMemo, type ReadResult } from './read-content.ts';
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
 * every edition, kept in a file named by the entry's digest (`renderedBodyFile`) beside Astro's
 * store: no entry is compiled as an MDX module, and an entry whose file and renderer have not
 * changed since the last build is neither parsed nor rendered again.
 */

let current: Promise<ReadResult> | undefined;
let invalidated = false;
const logged = new WeakSet<object>();

/** The digest under which an entry is stored: its file's, and the renderer's. */
const storedDigest = (fileDigest: string, version: string): string =>
  createHash('sha256').update(fileDigest).update('\0').update(version).digest('base64url');

/**
 * What `astro dev` keeps between the checks that follow edits, so that an edit costs the edited
 * file, not the catalogue: the check cache, open (saved a few seconds after the last edit); the
 * texts read and the outcomes of the files checked clean, whose memo forgets a file when the
 * watcher reports it (`changed`, applied before the next check starts); and the bodies known to be
 * stored (`astro dev` never sweeps them).
 */
interface DevSession {
  cache?: CheckCacheRun;
  readonly memo: ReadMemo;
  readonly changed: Set<string>;
  readonly bodies: Set<string>;
  saving?: NodeJS.Timeout;
}

let session: DevSession | undefined;

/** How long after the last check `astro dev` saves the check cache: an edit waits for nothing. */
const saveDelayMs = 5000;

/** Whether a rendered body is stored under `digest`. */
function bodyStored(digest: string): boolean {
  if (session?.bodies.has(digest)) return true;
  const stored = existsSync(renderedBodyFile(digest));
  if (stored) session?.bodies.add(digest);
  return stored;
}

async function checkContent(root: string): Promise<ReadResult> {
  // The check cache of `npm run check`: files it has seen clean need no parsing here either.
  const stored = session?.cache?.next() ?? (await openCheckCache(checkCacheDirectory(), root).catch(() => undefined));
  const version = await rendererVersion();
  if (session) {
    for (const file of session.changed) session.memo.texts.delete(file);
    session.changed.clear();
  }
  const result = await readContent(root, {
    ...(stored ? { cache: stored.cache } : {}),
    ...(session ? { memo: session.memo } : {}),
    // A body is named by its file's digest and the renderer's: one already on disk, from an
    // earlier build or `astro dev`, is the one this renderer would write.
    render: { wanted: ({ digest }) => !bodyStored(storedDigest(digest, version)) },
  });
  if (session && stored) {
    session.cache = stored;
    clearTimeout(session.saving);
    session.saving = setTimeout(() => void stored.save().catch(() => undefined), saveDelayMs).unref();
  } else {
    await stored?.save().catch(() => undefined);
  }
  versions.set(result, version);
  return result;
}

/** Keeps an agreement's rendered body under its digest, for its pages to read. */
async function writeBody(digest: string, html: string): Promise<void> {
  const file = renderedBodyFile(digest);
  await mkdir(path.dirname(file), { recursive: true });
  // Written whole under another name first: a build stopped halfway never leaves a cut body.
  await writeFile(`${file}.partial`, html);
  await rename(`${file}.partial`, file);
}

/** Deletes the stored bodies of agreements that are gone or changed. */
async function removeBodiesBut(digests: ReadonlySet<string>): Promise<void> {
  const folder = path.dirname(renderedBodyFile('_'));
  const names = await readdir(folder).catch(() => []);
  await Promise.all(
    names
      // A body still being written (`.partial`) may belong to a sync running beside this one.
      .filter((name) => name.endsWith('.html') && !digests.has(name.slice(0, -'.html'.length)))
      .map((name) => rm(path.join(folder, name), { force: true })),
  );
}

/** The renderer version of each check, for the digests its entries are stored under. */
const versions = new WeakMap<object, string>();

/**
 * The checked content of `root`, read once for all four collections of a sync. A check starts
 * only after the one before it has finished, so that it sees every change that one missed.
 */
function checkedContent(root: string): Promise<ReadResult> {
  if (current) return current;
  const previous = last;
  current = previous.then(() => checkContent(root));
  last = current.catch(() => undefined);
  return current;
}

let last: Promise<unknown> = Promise.resolve();

/**
 * Loads one collection of the content folder `root`. A build stops with the check's report when
 * any file has an error; `astro dev` logs the report and leaves every refused file out.
 */
export function contentLoader(root: string, collection: CollectionName): Loader {
  return {
    name: 'accord-content',
    load: async ({ store, parseData, watcher, logger, config }) => {
      const projectRoot = fileURLToPath(config.root);
      if (watcher) session ??= { memo: readMemo(), changed: new Set(), bodies: new Set() };
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
          if (collection === 'agreements') {
            if (file.rendered !== undefined) await writeBody(digest, file.rendered);
            else if (!bodyStored(digest)) throw new Error(`${file.filePath}: the body was not rendered.`);
          }
          if (store.get(file.id)?.digest === digest) continue;
          const absolute = path.resolve(file.filePath);
          const data = await parseData({ id: file.id, data: file.data as Record<string, unknown>, filePath: absolute });
          store.set({
            id: file.id,
            data,
            filePath: path.relative(projectRoot, absolute).split(path.sep).join('/'),
            digest,
          });
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
        if (collection === 'agreements') {
          // Only a build sweeps. Under `astro dev` the pages keep the catalogue they loaded until
          // Vite reloads them, about 6 s after the sync at 10,000 agreements: an edited entry's
          // old body, swept at once, was read by them meanwhile and failed (ENOENT). The bodies
          // of a session's edits stay until the next build.
          if (!watcher) await removeBodiesBut(new Set(store.values().map((entry) => String(entry.digest))));
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
        session?.changed.add(path.resolve(changed));
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

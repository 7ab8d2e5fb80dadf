import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JapaneseNameCoverage } from './japanese-names.ts';
import type { ContentFile } from './list-files.ts';
import type { ContentProblem } from './problems.ts';

/** What `npm run check` reports about a content folder. */
export interface CheckReport {
  readonly problems: readonly ContentProblem[];
  readonly fileCount: number;
  readonly validAgreements: number;
  readonly japaneseNames: JapaneseNameCoverage;
}

/**
 * A change younger than this is not trusted to show in a file's times: on a file system that
 * keeps times to the second, a second edit of the same size within it would look like none.
 */
const settleMs = 2000n * 1_000_000n;

const sourceFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A digest of all the code a report can depend on (every module under src/, the schemas and
 * messages included) and of the packages, so that a change to any of it checks the folder again.
 */
async function codeVersion(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(sourceFolder, { recursive: true })).filter((name) => name.endsWith('.ts')).sort();
  for (const name of files) hash.update(name).update(await readFile(path.join(sourceFolder, name)));
  hash.update(await readFile(path.join(sourceFolder, '..', 'package-lock.json')).catch(() => Buffer.from('')));
  return hash.digest('base64url');
}

/**
 * A digest of the state of a content folder as the check sees it, without reading a file: the
 * code's version, what the listing refused, and each accepted file's path, size, inode and
 * change times in nanoseconds (any write changes the change time, which no tool can set back).
 * Undefined when a file changed too recently to tell a later edit from this state.
 */
export async function folderState(
  root: string,
  listing: { readonly files: readonly ContentFile[]; readonly problems: readonly ContentProblem[] },
): Promise<string | undefined> {
  const hash = createHash('sha256')
    .update(await codeVersion())
    .update(path.resolve(root));
  hash.update(JSON.stringify(listing.problems));
  const now = BigInt(Date.now()) * 1_000_000n;
  for (const file of listing.files) {
    const stats = lstatSync(file.filePath, { bigint: true, throwIfNoEntry: false });
    if (!stats) return undefined;
    if (now - stats.ctimeNs < settleMs || now - stats.mtimeNs < settleMs) return undefined;
    hash.update(`${file.filePath}\0${stats.size}\0${stats.ino}\0${stats.mtimeNs}\0${stats.ctimeNs}\n`);
  }
  return hash.digest('base64url');
}

interface StoredRun {
  readonly state: string;
  readonly report: CheckReport;
}

/**
 * The report of the last check of a content folder, kept beside the check cache with the state
 * of the folder it describes: when nothing in the folder or the checker has changed since, the
 * check prints it again without reading a file (under a second for the 10,000-entry benchmark,
 * where checking again from the cache took two).
 */
export async function openRunRecord(
  directory: string,
  root: string,
): Promise<{
  reportFor(state: string): CheckReport | undefined;
  save(state: string, report: CheckReport): Promise<void>;
}> {
  const name = createHash('sha256').update(path.resolve(root)).digest('base64url').slice(0, 16);
  const file = path.join(directory, `run-${name}.json`);
  const stored = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as StoredRun)
    .catch(() => undefined);
  return {
    reportFor: (state) => (stored?.state === state ? stored.report : undefined),
    save: async (state, report) => {
      await mkdir(directory, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ state, report } satisfies StoredRun));
      await rename(temporary, file);
    },
  };
}

/**
 * Gate: the build is reproducible. Builds the site twice, into two fresh folders with separate
 * caches, and compares every file byte for byte; lists each file that differs, with where and how.
 *
 *   node scripts/gates/reproducible.ts [--keep]
 *
 * Both builds take their "today" (which agreements have ended) from SOURCE_DATE_EPOCH, set to
 * the last commit's time unless already set, as reproducible-builds.org recommends: a rebuild
 * of the same commit on another day then still gives the same site.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { finish } from './report.ts';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const started = performance.now();

function lastCommitEpoch(): string | undefined {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
const epoch = process.env['SOURCE_DATE_EPOCH'] ?? lastCommitEpoch();

/** Runs `npm run build` into `folder`, with its own cache, and fails loudly if the build does. */
function build(folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      env: {
        ...process.env,
        ACCORD_OUT_DIR: path.join(folder, 'dist'),
        ACCORD_CACHE_DIR: path.join(folder, 'cache'),
        ...(epoch ? { SOURCE_DATE_EPOCH: epoch } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`The build into ${folder} failed.`))));
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Where two versions of a file first differ, with a little of each side for the report. */
function firstDifference(a: Buffer, b: Buffer): string {
  let offset = 0;
  while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset += 1;
  const show = (bytes: Buffer) =>
    JSON.stringify(bytes.subarray(Math.max(0, offset - 40), offset + 60).toString('utf8'));
  return `sizes ${a.length} and ${b.length}, first difference at byte ${offset}:\n    first:  ${show(a)}\n    second: ${show(b)}`;
}

const folders = [
  await mkdtemp(path.join(tmpdir(), 'accord-build-a-')),
  await mkdtemp(path.join(tmpdir(), 'accord-build-b-')),
];
const problems: string[] = [];
let compared = 0;
try {
  // One after the other: two builds at once would only fight over the same cores.
  for (const folder of folders) await build(folder);
  const [first = '', second = ''] = folders.map((folder) => path.join(folder, 'dist'));
  const [firstFiles, secondFiles] = await Promise.all([filesUnder(first), filesUnder(second)]);
  const inSecond = new Set(secondFiles);
  for (const file of secondFiles) if (!firstFiles.includes(file)) problems.push(`${file}: only in the second build`);
  for (const file of firstFiles) {
    if (!inSecond.has(file)) {
      problems.push(`${file}: only in the first build`);
      continue;
    }
    compared += 1;
    const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
    if (!a.equals(b)) problems.push(`${file}: ${firstDifference(a, b)}`);
  }
} finally {
  if (values.keep) console.log(`Kept the builds in ${folders.join(' and ')}.`);
  else await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}

for (const problem of problems) console.log(problem);
finish(
  'Reproducible build',
  { checked: `${compared} files`, problems: problems.length, note: epoch ? `SOURCE_DATE_EPOCH ${epoch}` : undefined },
  started,
);

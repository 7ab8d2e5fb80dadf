/**
 * `npm run bench -- [--entries N]... [--runs R] [--seed S]`: how the build scales with the size of
 * the catalogue. For each N (1,000 and 10,000 unless given):
 *
 *   generate a synthetic catalogue -> time `npm run check` cold and warm
 *   -> time a cold build (no output, no cache), split into the Astro build and the Pagefind index
 *   -> time a rebuild after editing one agreement -> count pages and bytes
 *
 * Each timing is the median of R runs (3 unless given). Peak memory is the largest resident set
 * of the whole process tree (Pagefind runs as a child process), polled from /proc. Builds go to
 * `.bench/out-N` with their own cache, so `dist/` is left alone. Results are written to
 * `.bench/results-<timestamp>.json` and `.md`, with the machine's load, which skews timings on a
 * shared machine.
 */
import { spawn } from 'node:child_process';
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalogue } from './lib/synthetic/catalogue.ts';
import { readTopics, writeCatalogue } from './lib/synthetic/files.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    label: { type: 'string', default: '' },
    /** Builds with ACCORD_SEARCH_INDEX=separate and indexes in a second process, as `npm run index-search` does. */
    'separate-index': { type: 'boolean', default: false },
  },
});
const sizes = (values.entries ?? ['1000', '10000']).flatMap((value) => value.split(',')).map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
const benchDir = '.bench';
const separateIndex = values['separate-index'];

/** One finished process: its wall time, the peak resident memory of its tree and its output. */
interface Measured {
  readonly ms: number;
  readonly peakRssBytes: number;
  /** The peak while a Pagefind process is running, to tell the index's share of memory. */
  readonly pagefindPeakRssBytes: number;
  /**
   * CPU seconds (user + system) of the process and the children it waited for, from
   * /usr/bin/time: on a busy machine this varies far less than the wall time.
   */
  readonly cpuMs: number;
  readonly output: string;
  readonly load: number;
}

/** Pids of a process and all its descendants, from /proc. */
async function processTree(pid: number): Promise<number[]> {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const taskDir = `/proc/${tree[i]}/task`;
    const tasks = await readdir(taskDir).catch(() => [] as string[]);
    for (const task of tasks) {
      const children = await readFile(`${taskDir}/${task}/children`, 'utf8').catch(() => '');
      for (const child of children.split(' ').filter(Boolean)) tree.push(Number(child));
    }
  }
  return tree;
}

async function isPagefind(pid: number): Promise<boolean> {
  const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  return name.startsWith('pagefind');
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : 0;
}

/** Runs the project's Node on a script and measures it. Fails loudly when the command fails. */
async function measure(args: readonly string[], env: Record<string, string>): Promise<Measured> {
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const timeFile = path.resolve(benchDir, `time-${process.pid}.txt`);
  const timed = existsSync('/usr/bin/time');
  const [command, commandArgs] = timed
    ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, [...args]];
  const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakRssBytes = 0;
  let pagefindPeakRssBytes = 0;
  let polling = true;
  const poll = (async () => {
    while (polling && child.pid !== undefined) {
      const pids = await processTree(child.pid);
      const total = (await Promise.all(pids.map(residentBytes))).reduce((sum, bytes) => sum + bytes, 0);
      peakRssBytes = Math.max(peakRssBytes, total);
      if ((await Promise.all(pids.map(isPagefind))).some(Boolean))
        pagefindPeakRssBytes = Math.max(pagefindPeakRssBytes, total);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  polling = false;
  await poll;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
  const [user, system] = timed ? (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number) : [];
  const cpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
  return { ms, peakRssBytes, pagefindPeakRssBytes, cpuMs, output, load };
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function countPages(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The Pagefind time the integration logs ("Indexed N pages in X ms."), or undefined. */
function pagefindMs(output: string): number | undefined {
  const match = /Indexed \d+ pages in (\d+) ms/.exec(output);
  return match ? Number(match[1]) : undefined;
}

interface BuildRun {
  readonly totalMs: number;
  readonly astroMs: number;
  readonly pagefindMs: number;
  readonly peakRssBytes: number;
  readonly pagefindPeakRssBytes: number;
  readonly cpuMs: number;
  readonly load: number;
}

function toBuildRun(measured: Measured): BuildRun {
  const pagefind = pagefindMs(measured.output) ?? 0;
  return {
    totalMs: measured.ms,
    astroMs: measured.ms - pagefind,
    pagefindMs: pagefind,
    peakRssBytes: measured.peakRssBytes,
    pagefindPeakRssBytes: measured.pagefindPeakRssBytes,
    cpuMs: measured.cpuMs,
    load: measured.load,
  };
}

interface SizeResult {
  readonly entries: number;
  readonly generateMs: number;
  readonly files: number;
  readonly check: {
    readonly coldMs: number[];
    readonly warmMs: number[];
    readonly coldCpuMs: number[];
    readonly warmCpuMs: number[];
  };
  readonly cold: BuildRun[];
  readonly rebuild: BuildRun[];
  readonly pages: number;
  readonly distBytes: number;
  readonly pagefindBytes: number;
}

async function log(line: string): Promise<void> {
  console.log(line);
  await appendFile(path.join(benchDir, 'bench.log'), `${new Date().toISOString()} ${line}\n`);
}

async function benchSize(entries: number): Promise<SizeResult> {
  const content = path.join(benchDir, `catalogue-${entries}`);
  const out = path.resolve(benchDir, `out-${entries}`);
  const cache = path.resolve(benchDir, `cache-${entries}`);
  const checkCache = path.resolve(benchDir, `check-cache-${entries}`);
  const started = performance.now();
  const files = generateCatalogue({ entries, seed, topics: await readTopics('content') });
  await writeCatalogue(content, files);
  const generateMs = performance.now() - started;
  await log(`${entries}: generated ${files.size} files in ${Math.round(generateMs)} ms`);

  const env = {
    ACCORD_CONTENT_DIR: content,
    ACCORD_OUT_DIR: out,
    ACCORD_CACHE_DIR: cache,
    ACCORD_CHECK_CACHE_DIR: checkCache,
    // The same build day every run, so the output does not depend on the clock.
    SOURCE_DATE_EPOCH: '1795000000',
    ...(separateIndex ? { ACCORD_SEARCH_INDEX: 'separate' } : {}),
  };
  /** One build: Astro with the index inside, or Astro and then the index as its own process. */
  const build = async (): Promise<BuildRun> => {
    const site = await measure(['node_modules/astro/bin/astro.mjs', 'build'], env);
    if (!separateIndex) return toBuildRun(site);
    const index = await measure(['scripts/index-search.ts', '--site', out], env);
    return {
      totalMs: site.ms + index.ms,
      astroMs: site.ms,
      pagefindMs: index.ms,
      peakRssBytes: Math.max(site.peakRssBytes, index.peakRssBytes),
      pagefindPeakRssBytes: index.peakRssBytes,
      cpuMs: site.cpuMs + index.cpuMs,
      load: site.load,
    };
  };
  const check = {
    coldMs: [] as number[],
    warmMs: [] as number[],
    coldCpuMs: [] as number[],
    warmCpuMs: [] as number[],
  };
  for (let run = 0; run < runs; run++) {
    await rm(checkCache, { recursive: true, force: true });
    const cold = await measure(['scripts/check-content.ts', '--content', content], env);
    const warm = await measure(['scripts/check-content.ts', '--content', content], env);
    check.coldMs.push(cold.ms);
    check.warmMs.push(warm.ms);
    check.coldCpuMs.push(cold.cpuMs);
    check.warmCpuMs.push(warm.cpuMs);
    await log(
      `${entries}: check cold ${Math.round(cold.ms)} ms (CPU ${Math.round(cold.cpuMs)} ms), warm ${Math.round(warm.ms)} ms (CPU ${Math.round(warm.cpuMs)} ms) (load ${cold.load})`,
    );
  }

  // The first agreement in file order stands for a contributor's edit to one entry.
  const first = [...files.keys()].find((file) => file.startsWith('agreements/'));
  if (!first) throw new Error('The generated catalogue has no agreements.');
  const edited = path.join(content, first);
  const original = await readFile(edited, 'utf8');
  const cold: BuildRun[] = [];
  const rebuild: BuildRun[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    const fresh = await build();
    cold.push(fresh);
    await log(
      `${entries}: cold build ${Math.round(fresh.totalMs)} ms (CPU ${Math.round(fresh.cpuMs)} ms, pagefind ${Math.round(fresh.pagefindMs)} ms, peak ${Math.round(fresh.peakRssBytes / 2 ** 20)} MiB, load ${fresh.load})`,
    );
    await writeFile(edited, `${original}\nThe parties met again in run ${run + 1} to review progress.\n`);
    const second = await build();
    rebuild.push(second);
    await writeFile(edited, original);
    await log(
      `${entries}: rebuild ${Math.round(second.totalMs)} ms (CPU ${Math.round(second.cpuMs)} ms, pagefind ${Math.round(second.pagefindMs)} ms, peak ${Math.round(second.peakRssBytes / 2 ** 20)} MiB, load ${second.load})`,
    );
  }
  return {
    entries,
    generateMs,
    files: files.size,
    check,
    cold,
    rebuild,
    pages: await countPages(out),
    distBytes: await folderBytes(out),
    pagefindBytes: await folderBytes(path.join(out, 'pagefind')),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mebibytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function table(
  results: readonly SizeResult[],
  meta: { date: string; node: string; cpus: number; label: string },
): string {
  const column = (pick: (result: SizeResult) => string) => results.map(pick).join(' | ');
  const rows: [string, (result: SizeResult) => string][] = [
    ['agreements (files)', (r) => `${r.entries} (${r.files})`],
    ['cold build, total', (r) => seconds(median(r.cold.map((b) => b.totalMs)))],
    ['  CPU time (user + system)', (r) => seconds(median(r.cold.map((b) => b.cpuMs)))],
    ['  of which Astro', (r) => seconds(median(r.cold.map((b) => b.astroMs)))],
    ['  of which Pagefind', (r) => seconds(median(r.cold.map((b) => b.pagefindMs)))],
    ['cold build peak RSS', (r) => mebibytes(median(r.cold.map((b) => b.peakRssBytes)))],
    ['  peak while Pagefind runs', (r) => mebibytes(median(r.cold.map((b) => b.pagefindPeakRssBytes)))],
    ['rebuild after one edit', (r) => seconds(median(r.rebuild.map((b) => b.totalMs)))],
    ['  CPU time (user + system)', (r) => seconds(median(r.rebuild.map((b) => b.cpuMs)))],
    ['  of which Pagefind', (r) => seconds(median(r.rebuild.map((b) => b.pagefindMs)))],
    ['rebuild peak RSS', (r) => mebibytes(median(r.rebuild.map((b) => b.peakRssBytes)))],
    ['`npm run check`, cold', (r) => seconds(median(r.check.coldMs))],
    ['`npm run check`, warm', (r) => seconds(median(r.check.warmMs))],
    [
      '`npm run check` CPU time, cold / warm',
      (r) => `${seconds(median(r.check.coldCpuMs))} / ${seconds(median(r.check.warmCpuMs))}`,
    ],
    ['pages', (r) => String(r.pages)],
    ['size of the site', (r) => mebibytes(r.distBytes)],
    ['size of the Pagefind index', (r) => mebibytes(r.pagefindBytes)],
    ['load average at build starts', (r) => r.cold.map((b) => b.load.toFixed(2)).join(', ')],
    ['runs (median reported)', (r) => String(r.cold.length)],
  ];
  return [
    `# Benchmark ${meta.label}`.trimEnd(),
    '',
    `${meta.date}, Node ${meta.node}, ${meta.cpus} CPUs, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} at the end. The machine is shared, so timings are noisy.`,
    '',
    `| measure | ${results.map((r) => `${r.entries}`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, pick]) => `| ${name} | ${column(pick)} |`),
    '',
  ].join('\n');
}

const date = new Date().toISOString();
const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size));
const meta = {
  date,
  node: process.version,
  cpus: cpus().length,
  label: `${values.label}${separateIndex ? ' (search index as a separate step)' : ''}`,
  loadAverage: loadavg(),
};
const stamp = date.replace(/[:.]/g, '-');
await writeFile(
  path.join(benchDir, `results-${stamp}.json`),
  `${JSON.stringify({ meta, seed, runs, results }, null, 2)}\n`,
);
const markdown = table(results, meta);
await writeFile(path.join(benchDir, `results-${stamp}.md`), markdown);
console.log(markdown);

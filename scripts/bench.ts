/**
 * `npm run bench -- [--entries N]... [--runs R] [--seed S] [--editions en] [--no-bare] [--no-dev]`:
 * how the build scales with the size of the catalogue. For each N (1,000 and 10,000 unless given):
 *
 *   generate a synthetic catalogue -> `npm run check` cold and warm -> a cold build (no output, no
 *   cache), with the Pagefind index's share -> largest page -> a rebuild after editing one
 *   agreement's body, then one after editing its frontmatter -> `astro dev`: its first agreement
 *   page, and an edit shown -> a bare Astro site rendering the same bodies as plain Markdown, the
 *   fastest Astro goes, beside it
 *
 * Each timing is the median of R runs (3 unless given), wall and CPU time; peak memory is that of
 * the whole process tree. `--editions en` builds the English edition alone, to weigh the second
 * one. Builds go to `.bench/` with their own caches, so `dist/` is left alone. Results are written
 * to `.bench/results-<timestamp>.json` and `.md`, with the machine's load, which skews timings on a
 * shared machine (CPU time much less).
 */
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalogue } from './lib/synthetic/catalogue.ts';
import { readTopics, writeCatalogue } from './lib/synthetic/files.ts';
import { writeBareSite } from './lib/bare-site.ts';
import { measure, median, type Measured } from './lib/measure.ts';
import { timeDevServer, type DevTimings } from './lib/dev-timing.ts';
import { splitFrontmatter } from '../src/checker/frontmatter.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    label: { type: 'string', default: '' },
    /** Builds with ACCORD_SEARCH_INDEX=separate and indexes in a second process, as `npm run index-search` does. */
    'separate-index': { type: 'boolean', default: false },
    /** The editions to build (`en` for English alone); all by default. */
    editions: { type: 'string' },
    /** Leaves out the bare Astro site. */
    'no-bare': { type: 'boolean', default: false },
    /** Leaves out `astro dev`. */
    'no-dev': { type: 'boolean', default: false },
  },
});
const sizes = (values.entries ?? ['1000', '10000']).flatMap((value) => value.split(',')).map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
const benchDir = '.bench';
const separateIndex = values['separate-index'];
const astro = 'node_modules/astro/bin/astro.mjs';

async function log(line: string): Promise<void> {
  console.log(line);
  await appendFile(path.join(benchDir, 'bench.log'), `${new Date().toISOString()} ${line}\n`);
}

/** Every file under a folder with its size. */
async function filesOf(folder: string): Promise<{ file: string; bytes: number }[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file: path.relative(folder, file), bytes: (await stat(file)).size };
      }),
  );
}

/** One build: its wall and CPU time, the Pagefind index's share and the peak memory. */
interface BuildRun {
  readonly totalMs: number;
  readonly cpuMs: number;
  readonly pagefindMs: number;
  readonly peakRssBytes: number;
  readonly load: number;
}

/** The Pagefind time the build logs ("Indexed N pages in X ms."), or 0. */
const pagefindMs = (output: string): number => Number(/Indexed \d+ pages in (\d+) ms/.exec(output)?.[1] ?? 0);

const toRun = (measured: Measured, indexMs = pagefindMs(measured.output)): BuildRun => ({
  totalMs: measured.ms,
  cpuMs: measured.cpuMs,
  pagefindMs: indexMs,
  peakRssBytes: measured.peakRssBytes,
  load: measured.load,
});

interface SizeResult {
  readonly entries: number;
  readonly files: number;
  readonly check: { readonly cold: BuildRun[]; readonly warm: BuildRun[] };
  readonly cold: BuildRun[];
  readonly bodyEdit: BuildRun[];
  readonly frontmatterEdit: BuildRun[];
  readonly bare: BuildRun[];
  readonly barePages: number;
  readonly pages: number;
  readonly distBytes: number;
  readonly pagefindBytes: number;
  readonly largest: { readonly file: string; readonly bytes: number };
  /** Pages over 100 KiB. */
  readonly heavyPages: number;
  readonly dev: DevTimings | undefined;
}

async function benchSize(entries: number): Promise<SizeResult> {
  const content = path.join(benchDir, `catalogue-${entries}`);
  const out = path.resolve(benchDir, `out-${entries}`);
  const cache = path.resolve(benchDir, `cache-${entries}`);
  const checkCache = path.resolve(benchDir, `check-cache-${entries}`);
  const files = generateCatalogue({ entries, seed, topics: await readTopics('content') });
  await writeCatalogue(content, files);
  await log(`${entries}: generated ${files.size} files`);
  // `npm run check` trusts no file changed in the last two seconds to its time stamps.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const env = {
    ACCORD_CONTENT_DIR: content,
    ACCORD_OUT_DIR: out,
    ACCORD_CACHE_DIR: cache,
    ACCORD_CHECK_CACHE_DIR: checkCache,
    // The same build day every run, so the output does not depend on the clock.
    SOURCE_DATE_EPOCH: '1795000000',
    ...(separateIndex ? { ACCORD_SEARCH_INDEX: 'separate' } : {}),
    ...(values.editions ? { ACCORD_LOCALES: values.editions } : {}),
  };
  const build = async (): Promise<BuildRun> => {
    const site = await measure([astro, 'build'], env);
    if (!separateIndex) return toRun(site);
    const index = await measure(['scripts/index-search.ts', '--site', out], env);
    return { ...toRun(site, index.ms), totalMs: site.ms + index.ms, cpuMs: site.cpuMs + index.cpuMs };
  };
  /** Runs one step, keeps its figures in `list` and logs them. */
  const step = async (list: BuildRun[], label: string, run: () => Promise<BuildRun>): Promise<void> => {
    const figures = await run();
    list.push(figures);
    await log(`${entries}: ${label} ${describe(figures)}`);
  };
  const describe = (run: BuildRun): string =>
    `${Math.round(run.totalMs)} ms (CPU ${Math.round(run.cpuMs)} ms, pagefind ${Math.round(run.pagefindMs)} ms, peak ${Math.round(run.peakRssBytes / 2 ** 20)} MiB, load ${run.load.toFixed(2)})`;

  const check = { cold: [] as BuildRun[], warm: [] as BuildRun[] };
  for (let run = 0; run < runs; run++) {
    await rm(checkCache, { recursive: true, force: true });
    const checkRun = async (): Promise<BuildRun> =>
      toRun(await measure(['scripts/check-content.ts', '--content', content, '--quiet'], env));
    await step(check.cold, 'check cold', checkRun);
    await step(check.warm, 'check warm', checkRun);
  }

  // The first agreement in file order stands for a contributor's edit to one entry.
  const first = [...files.keys()].find((file) => file.startsWith('agreements/'));
  if (!first) throw new Error('The generated catalogue has no agreements.');
  const edited = path.join(content, first);
  const original = await readFile(edited, 'utf8');
  const source = /^ {2}- id: (\S+)$/m.exec(original)?.[1] ?? 'source-1';
  const cold: BuildRun[] = [];
  const bodyEdit: BuildRun[] = [];
  const frontmatterEdit: BuildRun[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    await step(cold, 'cold build', build);
    const withBody = `${original}\nThe parties met again in run ${run + 1}. <Cite source="${source}" />\n`;
    await writeFile(edited, withBody);
    await step(bodyEdit, 'rebuild after a body edit', build);
    await writeFile(edited, withBody.replace(/^summary: .*$/m, `summary: "Reviewed again in run ${run + 1}."`));
    await step(frontmatterEdit, 'rebuild after a frontmatter edit', build);
    await writeFile(edited, original);
  }
  // `astro dev` after the builds, as a contributor meets it: the check's cache and the rendered
  // bodies are there; its own content store (in .astro/) is built afresh.
  const dev = values['no-dev']
    ? undefined
    : await timeDevServer({
        astro,
        env,
        port: 4391,
        id: path.basename(first, '.mdx'),
        file: edited,
        source,
      });
  if (dev)
    await log(
      `${entries}: astro dev first page ${Math.round(dev.firstPageMs)} ms, edit shown ${Math.round(dev.editMs)} ms`,
    );
  const built = await filesOf(out);
  const pages = built.filter(({ file }) => file.endsWith('.html'));
  const largest = pages.reduce((max, page) => (page.bytes > max.bytes ? page : max), { file: '', bytes: 0 });

  const bare: BuildRun[] = [];
  const bareSite = path.resolve(benchDir, `bare-${entries}`);
  if (!values['no-bare']) {
    const bodies = new Map<string, { title: string; body: string }>();
    for (const [file, text] of files) {
      if (!file.startsWith('agreements/')) continue;
      const split = splitFrontmatter(text);
      const title = /^title: (.*)$/m.exec(split?.yaml ?? '')?.[1] ?? file;
      bodies.set(path.basename(file, '.mdx'), { title, body: split?.body ?? '' });
    }
    await writeBareSite(bareSite, bodies);
    const bareEnv = { BARE_OUT_DIR: path.join(bareSite, 'dist'), BARE_CACHE_DIR: path.join(bareSite, 'cache') };
    for (let run = 0; run < runs; run++) {
      await rm(bareEnv.BARE_OUT_DIR, { recursive: true, force: true });
      await rm(bareEnv.BARE_CACHE_DIR, { recursive: true, force: true });
      await step(bare, 'bare Astro site', async () =>
        toRun(await measure([path.resolve(astro), 'build'], bareEnv, bareSite)),
      );
    }
  }
  return {
    entries,
    files: files.size,
    check,
    cold,
    bodyEdit,
    frontmatterEdit,
    bare,
    barePages: bare.length > 0 ? (await filesOf(path.join(bareSite, 'dist'))).length : 0,
    pages: pages.length,
    distBytes: built.reduce((sum, { bytes }) => sum + bytes, 0),
    pagefindBytes: built.filter(({ file }) => file.startsWith('pagefind')).reduce((sum, { bytes }) => sum + bytes, 0),
    largest,
    heavyPages: pages.filter(({ bytes }) => bytes > 100 * 1024).length,
    dev,
  };
}

const seconds = (ms: number): string => (Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(1)} s`);
const mebibytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
/** Wall time with CPU time, medians of the runs. */
const timed = (list: readonly BuildRun[]): string =>
  list.length === 0
    ? '-'
    : `${seconds(median(list.map((b) => b.totalMs)))} (CPU ${seconds(median(list.map((b) => b.cpuMs)))})`;
const pagesMs = (list: readonly BuildRun[]): number => median(list.map((b) => b.totalMs - b.pagefindMs));

function table(
  results: readonly SizeResult[],
  meta: { date: string; node: string; cpus: number; label: string },
): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['agreements (files), pages', (r) => `${r.entries} (${r.files}), ${r.pages}`],
    ['cold build, pages and search index', (r) => timed(r.cold)],
    ['  of which the search index', (r) => seconds(median(r.cold.map((b) => b.pagefindMs)))],
    ['peak memory of the whole build', (r) => mebibytes(median(r.cold.map((b) => b.peakRssBytes)))],
    ['rebuild after one body edit', (r) => timed(r.bodyEdit)],
    ['  of which the search index', (r) => seconds(median(r.bodyEdit.map((b) => b.pagefindMs)))],
    ['rebuild after one frontmatter edit', (r) => timed(r.frontmatterEdit)],
    ['  of which the search index', (r) => seconds(median(r.frontmatterEdit.map((b) => b.pagefindMs)))],
    ['search index alone (in the cold build)', (r) => seconds(median(r.cold.map((b) => b.pagefindMs)))],
    ['`npm run check`, cold', (r) => timed(r.check.cold)],
    ['`npm run check`, warm', (r) => timed(r.check.warm)],
    ['largest page', (r) => `/${path.dirname(r.largest.file)}/ ${(r.largest.bytes / 1024).toFixed(0)} KiB`],
    ['pages over 100 KiB', (r) => String(r.heavyPages)],
    [
      '`npm run dev`: first page, an edit shown',
      (r) => (r.dev ? `${seconds(r.dev.firstPageMs)}, ${seconds(r.dev.editMs)}` : '-'),
    ],
    ['size of the site, of the search index', (r) => `${mebibytes(r.distBytes)}, ${mebibytes(r.pagefindBytes)}`],
    ['bare Astro, same bodies as plain .md', (r) => `${timed(r.bare)}, ${r.barePages} pages`],
    [
      '  ratio: this build without its index / bare',
      (r) => (r.bare.length === 0 ? '-' : `${(pagesMs(r.cold) / median(r.bare.map((b) => b.totalMs))).toFixed(1)}×`),
    ],
    ['load average at the cold builds', (r) => r.cold.map((b) => b.load.toFixed(2)).join(', ')],
    ['runs (median reported)', (r) => String(r.cold.length)],
  ];
  return [
    `# Benchmark ${meta.label}`.trimEnd(),
    '',
    `${meta.date}, Node ${meta.node}, ${meta.cpus} CPUs, editions: ${values.editions ?? 'all'}, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} at the end. The machine may be shared: CPU times vary less than wall times.`,
    '',
    `| measure | ${results.map((r) => `${r.entries}`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, pick]) => `| ${name} | ${results.map(pick).join(' | ')} |`),
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
  editions: values.editions ?? 'all',
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

/**
 * `npm run bench:search -- [--site DIR] [--runs R] [--query TEXT]... [--typed] [--profile]`: how
 * fast search answers on a large built site (`.bench/out-10000` from `npm run bench` unless
 * given), in headless Chromium.
 *
 *   serve the site -> open /search/ and let it settle -> type a query
 *   -> time from the input event to the first rendered results, and the bytes fetched meanwhile
 *
 * Each query is measured cold (a fresh browser context: nothing fetched, Pagefind not started)
 * and warm (the same page, the same query typed again after clearing the box), R times each
 * (5 unless given), and the medians are reported. The search box waits a moment after the last
 * keystroke before it searches (TYPING_WAIT in src/client/search.ts); that wait is part of the
 * time, as a reader feels it. The query lands as one input event; with --typed it is also typed a
 * key at a time on the warm page, where searches for its first letters may still be running when
 * the last key lands. Results go to `.bench/search-<timestamp>.json` and `.md`.
 *
 * With --profile, each query is also taken apart, warm, to say where its time goes:
 *   - Pagefind alone, called from a plain page of the site: the search, the search again once
 *     every filter index is loaded (as the facet counts need), and the data of the first results;
 *   - one keystroke on the search page under Chromium's tracer: the busy time of the page's main
 *     thread (its own code, style and layout) and of Pagefind's worker.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';
import { summariseTrace, traceCategories, type ThreadTime } from './lib/trace-summary.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: path.join('.bench', 'out-10000') },
    runs: { type: 'string', default: '5' },
    query: { type: 'string', multiple: true },
    profile: { type: 'boolean', default: false },
    typed: { type: 'boolean', default: false },
  },
});

/** Typical queries: a country, a topic word, a two-word phrase and a rare word. */
const queries = values.query ?? ['Japan', 'identity', 'data exchange', 'quillmoor'];
const runs = Number(values.runs);

/** Bytes fetched: as served here (uncompressed) and as a host that gzips text would send them. */
interface Bytes {
  readonly raw: number;
  readonly gzip: number;
}

const textTypes = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.csv']);

/**
 * Counts the bytes a browser context fetches, bodies and headers. Pagefind fetches its index from
 * a worker, which the page's own network log does not see; the context's request events do. The
 * body is measured from the file served, because Chromium reports no size for a worker's own
 * script, and text files are also measured gzipped: the local server sends them as they are, but
 * a static host compresses them (Pagefind's own files are compressed already).
 */
function byteCounter(context: BrowserContext, site: string) {
  /** Each finished request's bytes, with the time (ms since the epoch) the browser sent it. */
  let pending: Promise<Bytes & { sent: number }>[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const active = () => {
    lastActivity = performance.now();
  };
  context.on('request', () => {
    inFlight++;
    active();
  });
  context.on('requestfailed', () => {
    inFlight--;
    active();
  });
  context.on('requestfinished', (request) => {
    inFlight--;
    active();
    const sent = request.timing().startTime;
    pending.push(
      (async () => {
        const headers = (await request.sizes()).responseHeadersSize;
        let file = path.join(site, decodeURIComponent(new URL(request.url()).pathname));
        if (file.endsWith('/')) file = path.join(file, 'index.html');
        const body = await readFile(file).catch(() => Buffer.alloc(0));
        const text = textTypes.has(path.extname(file));
        return { sent, raw: headers + body.length, gzip: headers + (text ? gzipSync(body).length : body.length) };
      })().catch(() => ({ sent, raw: 0, gzip: 0 })),
    );
  });
  return {
    /** The bytes fetched since the last call, of requests sent before `before` (ms since the epoch) if given. */
    take: async (before = Infinity): Promise<Bytes> => {
      const finished = await Promise.all(pending);
      const taken = finished.filter((bytes) => bytes.sent < before);
      pending = finished.filter((bytes) => bytes.sent >= before).map((bytes) => Promise.resolve(bytes));
      return taken.reduce((sum, bytes) => ({ raw: sum.raw + bytes.raw, gzip: sum.gzip + bytes.gzip }), {
        raw: 0,
        gzip: 0,
      });
    },
    /**
     * Waits until nothing has been fetched for a second. Playwright's `networkidle` does not wait
     * for the page's workers, which fetch the search index and the facet index.
     */
    settle: async (): Promise<void> => {
      while (inFlight > 0 || performance.now() - lastActivity < 1000)
        await new Promise((done) => setTimeout(done, 100));
    },
  };
}

interface Watch {
  lastInput: number;
  /** When the list first gained results after the last input. */
  rendered: number;
  /** When the list last changed after the last input. */
  lastRendered: number;
  /** `rendered` in milliseconds since the epoch, the clock of the requests' timing. */
  renderedAt: number;
}

/**
 * Watches the results list from inside the page: the time of the last input event, and the times
 * the list first and last gains results after it.
 */
async function watchResults(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as Watch;
    state.lastInput = 0;
    state.rendered = 0;
    state.lastRendered = 0;
    state.renderedAt = 0;
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    input?.addEventListener('input', () => {
      state.lastInput = performance.now();
      state.rendered = 0;
      state.lastRendered = 0;
    });
    if (list) {
      new MutationObserver(() => {
        if (list.children.length === 0 || state.lastInput === 0) return;
        state.lastRendered = performance.now();
        if (state.rendered === 0) {
          state.rendered = state.lastRendered;
          state.renderedAt = performance.timeOrigin + state.rendered;
        }
      }).observe(list, { childList: true });
    }
  });
}

/** Milliseconds between a reader's keystrokes in --typed runs: about 60 words a minute. */
const typingDelay = 200;

/**
 * Types a query a key at a time, as a reader does, and returns the milliseconds from the last
 * keystroke to the last change of the results: searches for the first letters may still be
 * running when the last key lands, and the results it shows must be the whole query's.
 */
async function timeTyped(page: Page, query: string): Promise<number> {
  await page.locator('#search-input').pressSequentially(query, { delay: typingDelay });
  await page
    .waitForFunction(
      () => {
        const state = window as unknown as Watch;
        return state.lastRendered > state.lastInput;
      },
      undefined,
      { timeout: 60_000 },
    )
    .catch(async (error: unknown) => {
      const seen = await page.evaluate(() => ({
        watch: { ...(window as unknown as Watch) },
        status: document.getElementById('search-status')?.textContent,
        value: (document.getElementById('search-input') as HTMLInputElement | null)?.value,
        url: location.href,
      }));
      throw new Error(`"${query}" typed: no results after the last key (${JSON.stringify(seen)})`, { cause: error });
    });
  // The results have settled once they have not changed for a second.
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => (window as unknown as Watch).lastRendered);
    if (now === last) break;
    last = now;
    await page.waitForTimeout(1000);
  }
  return page.evaluate(() => {
    const state = window as unknown as Watch;
    return state.lastRendered - state.lastInput;
  });
}

/** Types a query and returns the milliseconds to the first rendered results. */
async function timeQuery(page: Page, query: string): Promise<number> {
  await page.locator('#search-input').fill(query);
  await page.waitForFunction(() => (window as unknown as Watch).rendered > 0, undefined, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const state = window as unknown as Watch;
    return state.rendered - state.lastInput;
  });
}

/** Empties the search box and waits until the results are gone. */
async function clearQuery(page: Page): Promise<void> {
  await page.locator('#search-input').fill('');
  await page.waitForFunction(() => document.getElementById('search-results')?.children.length === 0);
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** Median bytes as served here and, in brackets, as a host that gzips text sends them. */
const kibs = (bytes: readonly Bytes[]): string =>
  `${kib(median(bytes.map((b) => b.raw)))} (${kib(median(bytes.map((b) => b.gzip)))})`;

interface QueryResult {
  readonly query: string;
  results: string;
  readonly pageLoadBytes: Bytes[];
  /** `bytes` runs to the first results; `settledBytes` on until nothing is fetched (the facet counts). */
  readonly cold: { readonly ms: number[]; readonly bytes: Bytes[]; readonly settledBytes: Bytes[] };
  readonly warm: { readonly ms: number[]; readonly bytes: Bytes[] };
  /** With --typed: warm, typed a key at a time, last keystroke to the last change of the results. */
  readonly typed: number[];
  profile?: Profile;
}

/** Where one warm query's time goes; see --profile. */
interface Profile {
  /** Pagefind's search alone, with only the index chunks the words need. */
  readonly searchMs: number;
  /** The same once every filter index is loaded, so that every facet value gets a count. */
  readonly searchAllFiltersMs: number;
  /** Inside that search, Pagefind's own figure for the WebAssembly search. */
  readonly wasmSearchMs: number;
  /** The data (address, excerpt, metadata) of the first ten results. */
  readonly dataMs: number;
  readonly matches: number;
  /** One keystroke to results on the search page, under the tracer. */
  readonly tracedMs: number;
  readonly threads: ThreadTime[];
}

/**
 * Times Pagefind on its own from a plain page of the site (the about page), warm: each figure is
 * the median of `runs` calls after one call that fetched what the query needs.
 */
async function engineAlone(page: Page, query: string, runs: number): Promise<Omit<Profile, 'tracedMs' | 'threads'>> {
  await page.goto(`${server.url}/about/`, { waitUntil: 'networkidle' });
  // Passed as text, like the tests' search site, so nothing rewrites the dynamic import.
  return page.evaluate(`(async () => {
    const query = ${JSON.stringify(query)};
    const runs = ${runs};
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
    const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
    const time = async (work) => {
      const started = performance.now();
      const value = await work();
      return [performance.now() - started, value];
    };
    const timed = async (work) => {
      await work();
      const times = [];
      let last;
      for (let run = 0; run < runs; run++) {
        const [ms, value] = await time(work);
        times.push(ms);
        last = value;
      }
      return [median(times), last];
    };
    const [searchMs, found] = await timed(() => pagefind.search(query));
    const [dataMs] = await timed(() => Promise.all(found.results.slice(0, 10).map((result) => result.data())));
    await pagefind.filters();
    const [searchAllFiltersMs, all] = await timed(() => pagefind.search(query));
    const timings = [all.timings].flat();
    return {
      searchMs,
      searchAllFiltersMs,
      wasmSearchMs: timings.reduce((sum, timing) => sum + (timing?.search ?? 0), 0),
      dataMs,
      matches: found.results.length,
    };
  })()`);
}

/** Types the query once on a warm search page under Chromium's tracer; returns its time and threads. */
async function traced(page: Page, query: string): Promise<Pick<Profile, 'tracedMs' | 'threads'>> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to trace.');
  await browser.startTracing(page, { categories: traceCategories });
  const tracedMs = await timeQuery(page, query);
  const threads = summariseTrace((await browser.stopTracing()).toString('utf8'));
  return { tracedMs, threads };
}

const server = await serveStatic(values.site);
const browser = await launchChromium();
const results: QueryResult[] = [];
const started = new Date().toISOString();
const loadAtStart = loadavg();
try {
  for (const query of queries) {
    const result: QueryResult = {
      query,
      results: '',
      pageLoadBytes: [],
      cold: { ms: [], bytes: [], settledBytes: [] },
      warm: { ms: [], bytes: [] },
      typed: [],
    };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const counter = byteCounter(context, values.site);
      await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
      await watchResults(page);
      result.pageLoadBytes.push(await counter.take());
      result.cold.ms.push(await timeQuery(page, query));
      // Only what was asked for before the results showed: the facet index is asked for after.
      await counter.settle();
      const toResults = await counter.take(await page.evaluate(() => (window as unknown as Watch).renderedAt));
      await counter.settle();
      const rest = await counter.take();
      result.cold.bytes.push(toResults);
      result.cold.settledBytes.push({ raw: toResults.raw + rest.raw, gzip: toResults.gzip + rest.gzip });
      result.results = (await page.locator('#search-status').textContent()) ?? '';
      await clearQuery(page);
      await counter.settle();
      await counter.take();
      result.warm.ms.push(await timeQuery(page, query));
      await counter.settle();
      result.warm.bytes.push(await counter.take());
      if (values.typed) {
        await clearQuery(page);
        result.typed.push(await timeTyped(page, query));
      }
      if (values.profile && run === runs - 1) {
        await clearQuery(page);
        const traceRun = await traced(page, query);
        result.profile = { ...(await engineAlone(page, query, runs)), ...traceRun };
      }
      await context.close();
    }
    results.push(result);
    console.log(
      `${query}: cold ${median(result.cold.ms).toFixed(0)} ms, ${kibs(result.cold.bytes)} (${kibs(result.cold.settledBytes)} settled); warm ${median(result.warm.ms).toFixed(0)} ms, ${kibs(result.warm.bytes)} (${result.results})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

/** The --profile figures as a Markdown table. */
function profileTable(measured: readonly QueryResult[]): string[] {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const thread = (threads: readonly ThreadTime[], pattern: RegExp): ThreadTime | undefined =>
    threads.find((time) => pattern.test(time.thread));
  return [
    'Where a warm query goes. Pagefind alone, from a plain page: the search with only the chunks the words need, then with every filter index loaded (the facet counts), of which the WebAssembly search, and the data of the first ten results. Then one keystroke on the search page under the tracer: its time (wait included) and the busy time of the main thread (of it, style and layout) and of Pagefind’s worker.',
    '',
    '| query | matches | search | search, all filters | of it, WebAssembly | data of 10 | traced keystroke | main thread | of it, style and layout | worker |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...measured.flatMap(({ query, profile }) => {
      if (!profile) return [];
      const main = thread(profile.threads, /^CrRendererMain$/);
      const worker = thread(profile.threads, /worker/i);
      return [
        `| ${query} | ${profile.matches} | ${ms(profile.searchMs)} | ${ms(profile.searchAllFiltersMs)} | ${ms(profile.wasmSearchMs)} | ${ms(profile.dataMs)} | ${ms(profile.tracedMs)} | ${ms(main?.busyMs ?? 0)} | ${ms(main?.styleLayoutMs ?? 0)} | ${ms(worker?.busyMs ?? 0)} |`,
      ];
    }),
    '',
  ];
}

const stamp = started.replace(/[:.]/g, '-');
const meta = {
  date: started,
  node: process.version,
  cpus: cpus().length,
  loadAtStart,
  loadAtEnd: loadavg(),
  site: values.site,
  runs,
};
const markdown = [
  `# Search benchmark`,
  '',
  `${started}, ${values.site}, Node ${process.version}, ${meta.cpus} CPUs, load average ${loadAtStart.map((value) => value.toFixed(2)).join(' ')} at the start and ${meta.loadAtEnd.map((value) => value.toFixed(2)).join(' ')} at the end; medians of ${runs} runs. Times run from the input event to the first rendered result and include the search box's wait after typing.`,
  '',
  `Bytes are as served here, uncompressed, and in brackets as a static host that gzips text sends them. Cold bytes run to the first results; "settled" goes on until nothing has been fetched for a second (the facet counts come last).${values.typed ? ` "Typed" is warm, a key every ${typingDelay} ms, from the last key to the last change of the results.` : ''}`,
  '',
  `| query | results | page load before typing | cold: time | cold: bytes | cold: bytes settled | warm: time | warm: bytes |${values.typed ? ' typed: time |' : ''}`,
  `| --- | --- | --- | --- | --- | --- | --- | --- |${values.typed ? ' --- |' : ''}`,
  ...results.map(
    (r) =>
      `| ${r.query} | ${r.results} | ${kibs(r.pageLoadBytes)} | ${median(r.cold.ms).toFixed(0)} ms | ${kibs(r.cold.bytes)} | ${kibs(r.cold.settledBytes)} | ${median(r.warm.ms).toFixed(0)} ms | ${kibs(r.warm.bytes)} |${values.typed ? ` ${median(r.typed).toFixed(0)} ms |` : ''}`,
  ),
  '',
  ...(values.profile ? profileTable(results) : []),
].join('\n');
await writeFile(path.join('.bench', `search-${stamp}.json`), `${JSON.stringify({ meta, results }, null, 2)}\n`);
await writeFile(path.join('.bench', `search-${stamp}.md`), markdown);
console.log(markdown);

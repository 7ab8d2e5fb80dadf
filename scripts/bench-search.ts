/**
 * `npm run bench:search -- [--site DIR] [--runs R] [--query TEXT]...`: how fast search answers on a
 * large built site (`.bench/out-10000` from `npm run bench` unless given), in headless Chromium.
 *
 *   serve the site -> open /search/ and let it settle -> type a query
 *   -> time from the input event to the first rendered results, and the bytes fetched meanwhile
 *
 * Each query is measured cold (a fresh browser context: nothing fetched, Pagefind not started)
 * and warm (the same page, the same query typed again after clearing the box), R times each
 * (5 unless given), and the medians are reported. The search box waits 150 ms after the last
 * keystroke before it searches; that wait is part of the time, as a reader feels it. Results go
 * to `.bench/search-<timestamp>.json` and `.md`.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: path.join('.bench', 'out-10000') },
    runs: { type: 'string', default: '5' },
    query: { type: 'string', multiple: true },
  },
});

/** Typical queries: a country, a topic word, a two-word phrase and a rare word. */
const queries = values.query ?? ['Japan', 'identity', 'data exchange', 'quillmoor'];
const runs = Number(values.runs);

/**
 * Counts the bytes a browser context fetches, bodies and headers. Pagefind fetches its index from
 * a worker, which the page's own network log does not see; the context's request events do.
 */
function byteCounter(context: BrowserContext): { take: () => Promise<number> } {
  let pending: Promise<number>[] = [];
  context.on('requestfinished', (request) => {
    pending.push(
      request
        .sizes()
        .then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
        .catch(() => 0),
    );
  });
  return {
    take: async () => {
      const taken = pending;
      pending = [];
      return (await Promise.all(taken)).reduce((sum, bytes) => sum + bytes, 0);
    },
  };
}

/**
 * Watches the results list from inside the page: the time of the last input event, and the time
 * the list next gains results after it.
 */
async function watchResults(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { lastInput: number; rendered: number };
    state.lastInput = 0;
    state.rendered = 0;
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    input?.addEventListener('input', () => {
      state.lastInput = performance.now();
      state.rendered = 0;
    });
    if (list) {
      new MutationObserver(() => {
        if (list.children.length > 0 && state.lastInput > 0 && state.rendered === 0) state.rendered = performance.now();
      }).observe(list, { childList: true });
    }
  });
}

/** Types a query and returns the milliseconds to the first rendered results. */
async function timeQuery(page: Page, query: string): Promise<number> {
  await page.locator('#search-input').fill(query);
  await page.waitForFunction(() => (window as unknown as { rendered: number }).rendered > 0, undefined, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const state = window as unknown as { lastInput: number; rendered: number };
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

interface QueryResult {
  readonly query: string;
  results: string;
  readonly pageLoadBytes: number[];
  readonly cold: { readonly ms: number[]; readonly bytes: number[] };
  readonly warm: { readonly ms: number[]; readonly bytes: number[] };
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
      cold: { ms: [], bytes: [] },
      warm: { ms: [], bytes: [] },
    };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const counter = byteCounter(context);
      await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
      await watchResults(page);
      result.pageLoadBytes.push(await counter.take());
      result.cold.ms.push(await timeQuery(page, query));
      await page.waitForLoadState('networkidle');
      result.cold.bytes.push(await counter.take());
      result.results = (await page.locator('#search-status').textContent()) ?? '';
      await clearQuery(page);
      await page.waitForLoadState('networkidle');
      await counter.take();
      result.warm.ms.push(await timeQuery(page, query));
      await page.waitForLoadState('networkidle');
      result.warm.bytes.push(await counter.take());
      await context.close();
    }
    results.push(result);
    console.log(
      `${query}: cold ${median(result.cold.ms).toFixed(0)} ms, ${(median(result.cold.bytes) / 1024).toFixed(0)} KiB; warm ${median(result.warm.ms).toFixed(0)} ms, ${(median(result.warm.bytes) / 1024).toFixed(0)} KiB (${result.results})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
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
  `${started}, ${values.site}, Node ${process.version}, ${meta.cpus} CPUs, load average ${loadAtStart.map((value) => value.toFixed(2)).join(' ')} at the start and ${meta.loadAtEnd.map((value) => value.toFixed(2)).join(' ')} at the end; medians of ${runs} runs. Times run from the input event to the first rendered result and include the search box's 150 ms wait after typing.`,
  '',
  '| query | results | page load before typing | cold: time | cold: bytes | warm: time | warm: bytes |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.query} | ${r.results} | ${kib(median(r.pageLoadBytes))} | ${median(r.cold.ms).toFixed(0)} ms | ${kib(median(r.cold.bytes))} | ${median(r.warm.ms).toFixed(0)} ms | ${kib(median(r.warm.bytes))} |`,
  ),
  '',
].join('\n');
await writeFile(path.join('.bench', `search-${stamp}.json`), `${JSON.stringify({ meta, results }, null, 2)}\n`);
await writeFile(path.join('.bench', `search-${stamp}.md`), markdown);
console.log(markdown);

/**
 * `npm run links:external`: asks the server of every external address in the content (sources,
 * agency and people pages) whether it still answers, and lists the dead ones. Needs the internet,
 * so it is not part of CI; run it now and then and replace dead sources with archived copies.
 *
 *   npm run links:external
 *   npm run links:external -- --timeout 20000 --concurrency 4
 */
import { parseArgs } from 'node:util';
import { readContent } from '../src/checker/read-content.ts';
import { contentRoot } from '../src/content-root.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: contentRoot },
    timeout: { type: 'string', default: '15000' },
    concurrency: { type: 'string', default: '6' },
  },
});
const timeout = Number(values.timeout);

/** Every http(s) address anywhere in an entry's data, with the entry it came from. */
function collectUrls(value: unknown, found: string[]): void {
  if (typeof value === 'string') {
    if (/^https?:\/\//.test(value)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectUrls(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectUrls(item, found);
  }
}

/** Whether an address answers with a success or redirect, trying HEAD first and GET when refused. */
async function probe(url: string): Promise<string | undefined> {
  let lastProblem = '';
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeout),
        headers: { 'user-agent': 'accord-atlas-link-check (+https://github.com/accord-atlas/accord-atlas)' },
      });
      await response.body?.cancel();
      if (response.ok) return undefined;
      lastProblem = `HTTP ${response.status}`;
      // Some servers refuse HEAD (405) or answer it differently; GET is the real test.
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
      lastProblem =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer in ${timeout} ms`
          : `${String(error)}${cause ? ` (${cause})` : ''}`;
    }
  }
  return lastProblem;
}

const { input } = await readContent(values.content);
const owners = new Map<string, string[]>();
for (const [collection, entries] of Object.entries(input)) {
  for (const entry of entries as readonly { filePath: string; data: unknown }[]) {
    const urls: string[] = [];
    collectUrls(entry.data, urls);
    for (const url of urls) owners.set(url, [...(owners.get(url) ?? []), entry.filePath || collection]);
  }
}

const queue = [...owners.keys()];
const dead: { url: string; problem: string }[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(values.concurrency) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const problem = await probe(url);
      if (problem) dead.push({ url, problem });
    }
  }),
);

for (const { url, problem } of dead.sort((a, b) => a.url.localeCompare(b.url))) {
  console.log(`${problem}: ${url}\n  in ${[...new Set(owners.get(url))].join(', ')}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nChecked ${owners.size} external addresses in ${seconds} s: ${dead.length} dead.`);
process.exitCode = dead.length > 0 ? 1 : 0;

/**
 * Gate: Lighthouse scores 100 for accessibility, best practices and SEO on four pages: the home
 * page and an agreement in English, a country and the search page with results in Japanese;
 * performance is reported, not judged (its simulated throttling swings with the machine's load).
 *
 * Four pages because each takes about 9 s, and what only Lighthouse judges is the page's frame
 * rather than its components: title, description, canonical and hreflang links, crawlable and
 * descriptive link text, the console, the doctype and charset. The axe gate already checks every
 * page type and component state for accessibility, and the HTML, links and CSP gates every page
 * of both editions. The four cover the page types with the most links (home, agreement), the map
 * and partner network (country), the one page that runs a script (search), and each edition's
 * layout and link text; both editions of all four took 75 s.
 *
 *   node scripts/gates/lighthouse.ts [--dist dist] [page paths…]
 *
 * Chromium is started here with a debugging port for Lighthouse to drive: Lighthouse's own
 * launcher is not a dependency of the project, and Debian's Chromium is the browser every other
 * test uses.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../lib/browser.ts';
import { serveStatic } from '../lib/serve.ts';
import { onePerType } from '../lib/page-types.ts';
import { builtPages, defaultOutDir } from '../lib/built-site.ts';
import { finish } from './report.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: defaultOutDir() } },
});
const started = performance.now();
const judged = ['accessibility', 'best-practices', 'seo'] as const;
const categories = ['performance', ...judged];

async function defaultPaths(): Promise<string[]> {
  const samples = onePerType((await builtPages(values.dist)).map((page) => page.url));
  return [
    '/',
    samples.get('agreements/*') ?? '/agreements/',
    samples.get('ja:countries/*') ?? '/ja/countries/',
    '/ja/search/?q=digital',
  ];
}

/** A free loopback port for Chromium's debugging endpoint. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until Chromium answers on its debugging port. */
async function waitForDebugger(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answered = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Chromium did not open its debugging port ${port} within 30 s.`);
}

const paths = positionals.length > 0 ? positionals : await defaultPaths();
const server = await serveStatic(values.dist);
const port = await freePort();
const profile = await mkdtemp(path.join(tmpdir(), 'accord-lighthouse-'));
const chromium = spawn(
  chromiumPath,
  [
    '--headless=new',
    '--no-sandbox',
    // Without these, Chromium keeps trying to reach Google's services from a closed network.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: 'ignore' },
);
const problems: string[] = [];
const scores: string[] = [];
const performanceScores: number[] = [];
try {
  await waitForDebugger(port);
  for (const pathname of paths) {
    const result = await lighthouse(`${server.url}${pathname}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    const report = result?.lhr;
    if (!report) {
      problems.push(`${pathname}: Lighthouse returned no report`);
      continue;
    }
    if (report.runtimeError) problems.push(`${pathname}: ${report.runtimeError.message}`);
    const score = (category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
    performanceScores.push(score('performance'));
    scores.push(`${pathname.padEnd(48)} ${categories.map((category) => `${category} ${score(category)}`).join(', ')}`);
    for (const category of judged) {
      if (score(category) === 100) continue;
      problems.push(`${pathname}: ${category} scores ${score(category)}, not 100`);
      for (const reference of report.categories[category]?.auditRefs ?? []) {
        const audit = report.audits[reference.id];
        if (audit && audit.score !== null && audit.score < 1 && reference.weight > 0) {
          problems.push(`  ${audit.id}: ${audit.title}`);
        }
      }
    }
  }
} finally {
  // Chromium writes to its profile until it has exited; removing the folder before then fails.
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  chromium.kill();
  if (chromium.exitCode === null && chromium.signalCode === null) await exited;
  await server.close();
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

console.log(scores.join('\n'));
if (problems.length > 0) console.log(`\n${problems.join('\n')}`);
finish(
  'Lighthouse',
  {
    checked: `${paths.length} pages`,
    problems: problems.filter((problem) => !problem.startsWith('  ')).length,
    note: `performance ${Math.min(...performanceScores)}–${Math.max(...performanceScores)}`,
  },
  started,
);

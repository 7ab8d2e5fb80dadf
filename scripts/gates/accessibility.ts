/**
 * Gate: axe finds no accessibility violation on the built site, nor on the search page showing
 * results, against WCAG 2.0, 2.1 and 2.2 A and AA plus axe's best practices.
 *
 * It checks the fewest pages that show every page type, every component state of that type and
 * every language mark (`representativePages`): axe judges structure, names, roles, contrast and
 * language attributes, which are the same on two pages that differ only in their text. The two
 * editions are made by the same templates and show the same component states, so one edition's
 * page stands for both, and a Japanese page is added for what only the Japanese edition marks
 * (its html lang, English names and bodies). Visiting every page took 204 s of a 10-minute test
 * run at 96 pages; a cover of each edition apart took 105 s at 41 of 1,247 pages; this one checks
 * 21 (75 s against 225 s for the 41, run back to back on a machine busy with other builds), and
 * grows only with new kinds of markup. Name pages to check those instead.
 *
 *   node scripts/gates/accessibility.ts [--dist dist] [page paths…]
 *
 * One browser and one tab visit the pages in turn: starting a browser per page would take longer
 * than checking it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { parseArgs } from 'node:util';
import { launchChromium } from '../lib/browser.ts';
import { serveStatic } from '../lib/serve.ts';
import { builtPages, defaultOutDir } from '../lib/built-site.ts';
import { representativePages } from '../lib/page-types.ts';
import { finish } from './report.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: defaultOutDir() } },
});
const started = performance.now();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** A search whose results, filters and excerpts are part of what is checked. */
const searchWithResults = '/search/?q=digital';

const pages = positionals.length > 0 ? [] : await builtPages(values.dist);
const paths = positionals.length > 0 ? positionals : [...representativePages(pages), searchWithResults];
const server = await serveStatic(values.dist);
const browser = await launchChromium();
let violations = 0;
let nodes = 0;
try {
  // axe needs a page from an explicit context to run in every frame.
  const page = await (await browser.newContext()).newPage();
  for (const pathname of paths) {
    await page.goto(`${server.url}${pathname}`);
    if (pathname.startsWith('/search/?')) {
      await page.locator('#search-results li').first().waitFor();
      await page.locator('#search-facets input').first().waitFor();
    }
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    for (const violation of results.violations) {
      violations += 1;
      nodes += violation.nodes.length;
      console.log(`\n${pathname}: ${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`);
      console.log(`  ${violation.helpUrl}`);
      for (const node of violation.nodes.slice(0, 5)) {
        console.log(`  - ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`);
      }
      if (violation.nodes.length > 5) console.log(`  … and ${violation.nodes.length - 5} more elements`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

finish(
  'Accessibility',
  {
    checked:
      positionals.length > 0
        ? `${paths.length} pages`
        : `${paths.length} pages showing every state of ${pages.length + 1}`,
    problems: violations,
    note: `${nodes} elements in violation; tags ${tags.join(', ')}`,
  },
  started,
);

/**
 * Gate: every internal link, fragment and asset in the built site resolves, and every external
 * link is a well-formed https address (the check itself: scripts/lib/links.ts).
 *
 *   node scripts/gates/links.ts [--dist dist]
 *
 * External addresses are checked for form only: CI has no internet. `npm run links:external`
 * asks each source's server whether the document is still there.
 */
import { parseArgs } from 'node:util';
import { builtPages, defaultOutDir } from '../lib/built-site.ts';
import { checkLinks } from '../lib/links.ts';
import { finish } from './report.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: defaultOutDir() } } });
const started = performance.now();

const pages = await builtPages(values.dist);
const { problems, internal, fragments, external } = checkLinks(values.dist, pages);

for (const problem of problems) console.log(problem);
finish(
  'Links',
  {
    checked: `${pages.length} pages`,
    problems: problems.length,
    note: `${internal} internal links (${fragments} with fragments), ${external.size} distinct external addresses`,
  },
  started,
);

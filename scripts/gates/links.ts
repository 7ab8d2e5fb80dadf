/**
 * Gate: every internal link, fragment and asset in the built site resolves, and every external
 * link is a well-formed https address.
 *
 *   node scripts/gates/links.ts [--dist dist]
 *
 * External addresses are checked for form only: CI has no internet. `npm run links:external`
 * asks each source's server whether the document is still there.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HTMLElement } from 'node-html-parser';
import { builtPages, type BuiltPage, defaultOutDir, fileFor } from '../lib/built-site.ts';
import { externalProblem } from './checks.ts';
import { finish } from './report.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: defaultOutDir() } } });
const started = performance.now();
const origin = 'http://site.invalid';

/** Every address a page refers to: links, stylesheets, scripts, images and their source sets. */
function references(document: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('a[href], link[href], area[href]')) {
    found.push(element.getAttribute('href') ?? '');
  }
  for (const element of document.querySelectorAll('script[src], img[src], source[src], iframe[src]')) {
    found.push(element.getAttribute('src') ?? '');
  }
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) found.push(url);
    }
  }
  for (const element of document.querySelectorAll('form[action]')) found.push(element.getAttribute('action') ?? '');
  return found;
}

const pages = await builtPages(values.dist);
const idsByFile = new Map<string, Set<string>>(
  pages.map((page: BuiltPage) => [
    path.resolve(page.file),
    new Set(page.document.querySelectorAll('[id]').map((element) => element.id)),
  ]),
);
const problems: string[] = [];
let internal = 0;
let fragments = 0;
const external = new Set<string>();

for (const page of pages) {
  const base = new URL(page.url, origin);
  for (const href of references(page.document)) {
    if (href === '') {
      problems.push(`${page.url}: an empty link`);
      continue;
    }
    const url = new URL(href, base);
    if (url.origin !== origin) {
      external.add(href);
      const problem = externalProblem(href);
      if (problem) problems.push(`${page.url}: external link ${href} ${problem}`);
      continue;
    }
    internal += 1;
    const file = fileFor(values.dist, url.pathname);
    if (!file) {
      problems.push(`${page.url}: ${href} leads nowhere (no ${url.pathname} in the built site)`);
      continue;
    }
    if (url.hash.length > 1) {
      fragments += 1;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!idsByFile.get(path.resolve(file))?.has(id)) {
        problems.push(`${page.url}: ${href} points at #${id}, which ${url.pathname} does not have`);
      }
    }
  }
}

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

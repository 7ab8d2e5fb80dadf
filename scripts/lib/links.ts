/**
 * The link check of a built site: every internal link, fragment and asset resolves (the shapes a
 * map uses from a shared SVG file included), and every external address is well-formed. The links
 * gate runs it on the real site and the site tests on the fixture site, so both hold pages to one
 * rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { externalProblem } from '../gates/checks.ts';
import { fileFor, type BuiltPage } from './built-site.ts';

/** Stands for the site's own origin while links are resolved against a page's path. */
const origin = 'http://site.invalid';

/**
 * Every address a page refers to: links, stylesheets, scripts, images and their source sets, forms,
 * and what inline SVG uses from a file.
 */
function references(document: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('a[href], link[href], area[href], use[href], image[href]')) {
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

/** What the link check found: each problem as a line naming the page, and what it counted. */
export interface LinkReport {
  readonly problems: readonly string[];
  readonly internal: number;
  readonly fragments: number;
  /** The distinct external addresses, checked for form only. */
  readonly external: ReadonlySet<string>;
}

/** Checks the links of `pages`, the pages of the site built in `dir`. */
export function checkLinks(dir: string, pages: readonly BuiltPage[]): LinkReport {
  const idsOf = (document: HTMLElement) => new Set(document.querySelectorAll('[id]').map((element) => element.id));
  const idsByFile = new Map<string, Set<string>>(pages.map((page) => [path.resolve(page.file), idsOf(page.document)]));
  /** The ids of a page, or of an SVG file (read once), that a fragment may point at. */
  const idsIn = (file: string): ReadonlySet<string> | undefined => {
    const resolved = path.resolve(file);
    let ids = idsByFile.get(resolved);
    if (!ids && resolved.endsWith('.svg')) {
      ids = idsOf(parse(readFileSync(resolved, 'utf8')));
      idsByFile.set(resolved, ids);
    }
    return ids;
  };
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
      const file = fileFor(dir, url.pathname);
      if (!file) {
        problems.push(`${page.url}: ${href} leads nowhere (no ${url.pathname} in the built site)`);
        continue;
      }
      if (url.hash.length > 1) {
        fragments += 1;
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsIn(file)?.has(id)) {
          problems.push(`${page.url}: ${href} points at #${id}, which ${url.pathname} does not have`);
        }
      }
    }
  }
  return { problems, internal, fragments, external };
}

/**
 * Page types of the built site, read from URL paths: `/agreements/` is the agreement list,
 * `/agreements/x/` an agreement page, `/ja/agreements/x/` its Japanese edition. Gates that check
 * samples rather than every page pick them here.
 */
import type { HTMLElement } from 'node-html-parser';

/** Path prefixes of the editions other than the default one. */
const editionPrefixes = ['ja'];

/** The type of a page from its URL path: "home", "agreements", "agreements/*", "ja:agreements/*", "404", … */
export function pageType(url: string): string {
  const segments = url.split('/').filter(Boolean);
  const [first] = segments;
  if (first !== undefined && editionPrefixes.includes(first)) {
    return `${first}:${pageType(`/${segments.slice(1).join('/')}${url.endsWith('/') && segments.length > 1 ? '/' : ''}`)}`;
  }
  if (url === '/') return 'home';
  if (url.endsWith('.html')) return url.slice(1, -'.html'.length);
  return segments.length === 1 ? (segments[0] ?? 'home') : `${segments[0] ?? ''}/*`;
}

/** The first page, in sorted URL order, of each type, keyed by type. */
export function onePerType(urls: readonly string[]): Map<string, string> {
  const samples = new Map<string, string>();
  for (const url of [...urls].sort()) if (!samples.has(pageType(url))) samples.set(pageType(url), url);
  return samples;
}

/** A page as the sampler sees it: its URL and its parsed document. */
export interface SampledPage {
  readonly url: string;
  readonly document: HTMLElement;
}

/**
 * The states of components a page shows: each class name in its markup, with the element it is
 * on (`dl.facts`, `section.family`, `a.cite-ref`), plus each `role` and `aria-*` attribute name.
 * Two pages of one type that show the same set differ only in text, which axe's rules about
 * structure, names and contrast judge the same way.
 */
export function componentStates(document: HTMLElement): Set<string> {
  const states = new Set<string>();
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const name of (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)) states.add(`${tag}.${name}`);
    for (const attribute of Object.keys(element.attributes)) {
      if (attribute === 'role' || attribute.startsWith('aria-')) states.add(`${tag}[${attribute}]`);
    }
  }
  return states;
}

/**
 * The fewest pages, in URL order, that together show every page type and every component state
 * found anywhere in the site: a greedy set cover per type (the page adding most unseen states
 * first), which is within a small factor of the smallest cover and takes milliseconds.
 */
export function representativePages(pages: readonly SampledPage[]): string[] {
  const byType = new Map<string, { url: string; states: Set<string> }[]>();
  for (const page of [...pages].sort((a, b) => a.url.localeCompare(b.url))) {
    const list = byType.get(pageType(page.url)) ?? [];
    list.push({ url: page.url, states: componentStates(page.document) });
    byType.set(pageType(page.url), list);
  }
  const chosen: string[] = [];
  for (const candidates of byType.values()) {
    const unseen = new Set(candidates.flatMap((candidate) => [...candidate.states]));
    let first = true;
    while (unseen.size > 0 || first) {
      let best = candidates[0];
      let bestGain = -1;
      for (const candidate of candidates) {
        let gain = 0;
        for (const state of candidate.states) if (unseen.has(state)) gain += 1;
        if (gain > bestGain) [best, bestGain] = [candidate, gain];
      }
      if (!best || (bestGain === 0 && !first)) break;
      chosen.push(best.url);
      for (const state of best.states) unseen.delete(state);
      first = false;
    }
  }
  return chosen.sort();
}

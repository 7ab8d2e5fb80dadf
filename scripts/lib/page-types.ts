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

/** The type of a page whatever its edition: `/ja/agreements/x/` and `/agreements/x/` are both `agreements/*`. */
export function templateType(url: string): string {
  return pageType(url).replace(/^[a-z]+:/, '');
}

/**
 * The language marks of a page: the edition's language on `<html>` (`html[lang=ja]`), and each
 * element that marks a part in another language (`span[lang]`, a Japanese page's English name;
 * `a[lang]`, a source's title). axe's language rules judge the attribute and its value alone,
 * wherever the one component that writes it puts it, so each mark needs checking once in the
 * whole site, not once per page type.
 */
export function languageStates(document: HTMLElement): Set<string> {
  const states = new Set<string>();
  for (const element of document.querySelectorAll('[lang]')) {
    const tag = element.tagName.toLowerCase();
    states.add(tag === 'html' ? `html[lang=${element.getAttribute('lang') ?? ''}]` : `${tag}[lang]`);
  }
  return states;
}

/** Picks from `candidates`, most unseen states first, until none of `unseen` is left; returns the picks. */
function cover<T extends { readonly url: string }>(
  candidates: readonly T[],
  statesOf: (candidate: T) => ReadonlySet<string>,
  unseen: Set<string>,
): T[] {
  const picked: T[] = [];
  while (unseen.size > 0) {
    let best: T | undefined;
    let bestGain = 0;
    for (const candidate of candidates) {
      let gain = 0;
      for (const state of statesOf(candidate)) if (unseen.has(state)) gain += 1;
      // Strictly more, so that among equals the first candidate, in the order given, is kept.
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    if (!best) break;
    picked.push(best);
    for (const state of statesOf(best)) unseen.delete(state);
  }
  return picked;
}

/**
 * The fewest pages that together show every page type, every component state found on a page
 * of that type, and every language mark found anywhere in the site: a greedy set cover (the page
 * adding most unseen states first), which is within a small factor of the smallest cover and
 * takes milliseconds.
 *
 * The editions share their page types: `/ja/agreements/x/` is rendered by the same template and
 * components as `/agreements/x/`, and on the real site no page type shows a component state in
 * one edition that it does not show in the other (checked at 1,246 pages: 0 states), so a page
 * of the default edition, preferred on ties, stands for both. What the edition changes is text,
 * which axe judges the same way, and language marks, which `languageStates` covers site-wide: one
 * Japanese agreement page carries `html[lang=ja]` and the English names and body it marks as such.
 * Every page of every edition still goes through the HTML, links, CSP and page-weight gates, and
 * one page of each type of each edition loads in a browser in tests/gates/csp.test.ts.
 */
export function representativePages(pages: readonly SampledPage[]): string[] {
  const edition = (url: string) => (pageType(url).includes(':') ? 1 : 0);
  const sorted = [...pages]
    .map((page) => ({
      url: page.url,
      components: componentStates(page.document),
      languages: languageStates(page.document),
    }))
    .sort((a, b) => edition(a.url) - edition(b.url) || a.url.localeCompare(b.url));
  const byType = new Map<string, typeof sorted>();
  for (const page of sorted) byType.set(templateType(page.url), [...(byType.get(templateType(page.url)) ?? []), page]);

  const chosen = new Set<string>();
  for (const candidates of byType.values()) {
    const unseen = new Set(candidates.flatMap((candidate) => [...candidate.components]));
    const picked = cover(candidates, (candidate) => candidate.components, unseen);
    // A type whose pages show no state at all is still a type: its first page stands for it.
    for (const page of picked.length > 0 ? picked : candidates.slice(0, 1)) chosen.add(page.url);
  }
  const unseen = new Set(sorted.flatMap((page) => [...page.languages]));
  for (const page of sorted) if (chosen.has(page.url)) for (const state of page.languages) unseen.delete(state);
  for (const page of cover(sorted, (candidate) => candidate.languages, unseen)) chosen.add(page.url);
  return [...chosen].sort();
}

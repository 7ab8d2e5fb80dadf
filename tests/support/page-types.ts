/**
 * Page types of the built site, read from URL paths: `/agreements/` is the agreement list,
 * `/agreements/x/` an agreement page. Gates that check one page of each type, rather than every
 * page, pick their samples here.
 */

/** The type of a page from its URL path: "home", "agreements", "agreements/*", "404", … */
export function pageType(url: string): string {
  if (url === '/') return 'home';
  if (url.endsWith('.html')) return url.slice(1, -'.html'.length);
  const segments = url.split('/').filter(Boolean);
  return segments.length === 1 ? (segments[0] ?? 'home') : `${segments[0] ?? ''}/*`;
}

/** The first page, in sorted URL order, of each type, keyed by type. */
export function onePerType(urls: readonly string[]): Map<string, string> {
  const samples = new Map<string, string>();
  for (const url of [...urls].sort()) if (!samples.has(pageType(url))) samples.set(pageType(url), url);
  return samples;
}

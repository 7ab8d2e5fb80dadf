import type { SitemapItem } from '@astrojs/sitemap';
import { counterpartOf, defaultLocale, localePrefix, locales } from '../i18n/locales.ts';

/**
 * Orders URLs as the sitemap integration does (`localeCompare(b, 'en', { numeric: true })`, which
 * is this collator's order), so the links come out in its order.
 */
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The sitemap's options for its pages and their hreflang alternates. The integration's own
 * `i18n` option compares every page's URL with every other page's (27,056 pages at 10,000
 * agreements: about 6 s a build); here each page's other editions are looked up by address. The
 * links are the same, in the same order: each edition of the page that exists, then `x-default`
 * for the English one, where search engines matching no edition should go; none for a page whose
 * editions are not translations of each other (`counterpartOf`).
 *
 * `filter` sees every page before `serialize` sees any (the integration filters its list before
 * it writes a line of the sitemap), so the pages are known when the links are made.
 */
export function sitemapAlternates(siteRoot: string, excluded: ReadonlySet<string>) {
  const pages = new Set<string>();
  const prefixes = locales
    .filter((locale) => locale !== defaultLocale)
    .map((locale) => `${siteRoot}${localePrefix(locale).slice(1)}/`);
  /** A page's path within its edition: `agreements/x/` for both `/agreements/x/` and `/ja/agreements/x/`. */
  const pathOf = (url: string): string | undefined => {
    if (!url.startsWith(siteRoot)) return undefined;
    const prefix = prefixes.find((candidate) => url.startsWith(candidate));
    return url.slice((prefix ?? siteRoot).length);
  };
  return {
    filter: (url: string): boolean => {
      if (excluded.has(url)) return false;
      pages.add(url);
      return true;
    },
    serialize: (item: SitemapItem): SitemapItem => {
      const path = pathOf(item.url);
      // A page whose editions list different entries names no translation, as in its head.
      if (path === undefined || !counterpartOf(`/${path}`).translated) return item;
      const links = locales
        .map((locale) => ({
          lang: locale,
          url: `${siteRoot}${locale === defaultLocale ? '' : `${localePrefix(locale).slice(1)}/`}${path}`,
        }))
        .filter((link) => pages.has(link.url))
        .sort((a, b) => byUrl(a.url, b.url));
      if (links.length <= 1) return item;
      const english = links.find((link) => link.lang === defaultLocale);
      return { ...item, links: english ? [...links, { lang: 'x-default', url: english.url }] : links };
    },
  };
}

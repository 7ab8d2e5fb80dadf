/**
 * The site's editions. English is the default and lives at the root; every other locale lives
 * under its own prefix with the same slugs (`/ja/agreements/x/`). One list feeds Astro's `i18n`
 * configuration, the routes, every page's `getStaticPaths`, `hreflang` and the sitemap.
 */
const allLocales = ['en', 'ja'] as const;
export type Locale = (typeof allLocales)[number];
export const defaultLocale: Locale = 'en';

/**
 * The editions this build makes: all of them, or those `ACCORD_LOCALES` names (`en`), which the
 * benchmark uses to weigh what the second edition costs. The default edition is always built.
 */
export const locales: readonly Locale[] = allLocales.filter(
  (locale) => locale === defaultLocale || (process.env['ACCORD_LOCALES']?.split(',') ?? [locale]).includes(locale),
);

/** The locale of a page from Astro's `currentLocale` (set from the URL by Astro's i18n routing). */
export function localeOf(value: string | undefined): Locale {
  return locales.find((locale) => locale === value) ?? defaultLocale;
}

/** The path prefix of a locale's edition: none for the default, `/ja` for Japanese. */
export function localePrefix(locale: Locale): string {
  return locale === defaultLocale ? '' : `/${locale}`;
}

/** The `lang` route parameter of each edition, for pages under `src/pages/[...lang]/`. */
export const editions: readonly { readonly lang: string | undefined; readonly locale: Locale }[] = locales.map(
  (locale) => ({ lang: locale === defaultLocale ? undefined : locale, locale }),
);

/** Static paths for a page that exists once per edition, with the edition's locale as a prop. */
export function editionPaths(): { params: { lang: string | undefined }; props: { locale: Locale } }[] {
  return editions.map(({ lang, locale }) => ({ params: { lang }, props: { locale } }));
}

/**
 * Static paths for a page that exists once per entry and edition: each of `paths` is repeated
 * for every edition, with `lang` added to its params and `locale` to its props, and its cache key
 * kept.
 */
export function inEveryEdition<P extends Record<string, string | undefined>, T extends object>(
  paths: readonly { params: P; props: T; cacheKey?: string }[],
): { params: P & { lang: string | undefined }; props: T & { locale: Locale }; cacheKey?: string }[] {
  return editions.flatMap(({ lang, locale }) =>
    paths.map((path) => ({ ...path, params: { ...path.params, lang }, props: { ...path.props, locale } })),
  );
}

/** The page another edition has for a page: where its language switcher leads, and whether it is a translation. */
export interface Counterpart {
  /** The counterpart's path within its edition, as `path` was given. */
  readonly path: string;
  /** Whether the two are translations of each other, which each names in its head and the sitemap (hreflang). */
  readonly translated: boolean;
}

/**
 * The counterpart in the other editions of the page at `path`, its path within its edition
 * (`/agencies/page/2/` for `/ja/agencies/page/2/`): the page at the same path, a translation.
 * The pages after the first of the agencies and people indexes are the exception. Each edition
 * lists agencies and people in the order of their names in its own language, so page 2 in English
 * and page 2 in Japanese list different entries: neither translates the other, and a reader who
 * switches edition goes to the index's first page, which stands for the index as a whole.
 */
export function counterpartOf(path: string): Counterpart {
  const paged = /^(\/(?:agencies|people)\/)page\/\d+\/$/.exec(path);
  return paged?.[1] ? { path: paged[1], translated: false } : { path, translated: true };
}

/**
 * The paths of an index's pages after its first (`/agencies/page/2/` and on), in every edition,
 * each with `props` and its page number: page 1 is the index's own address. `keyOf` gives a page's
 * cache key, where the index has them.
 */
export function laterPagePaths<T extends Record<string, unknown>>(
  pageCount: number,
  props: T,
  keyOf?: (page: number) => string,
) {
  return inEveryEdition(
    Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => ({
      params: { page: String(index + 2) },
      props: { ...props, page: index + 2 },
      ...(keyOf ? { cacheKey: keyOf(index + 2) } : {}),
    })),
  );
}

import type { Locale } from './locales.ts';

/**
 * A name or title in the page's language where the entry gives one, else in English. `lang` is
 * set when the text is not in the page's language, so it can be marked up as such (`lang="en"`
 * inside a Japanese page) for screen readers, fonts and search.
 */
export interface LocalText {
  readonly text: string;
  readonly lang?: Locale;
}

/** What an entry may carry: its English name and, optionally, a Japanese one (with its reading). */
export interface Named {
  readonly name: string;
  /** A topic's Japanese name, or an agency's or person's with its reading and source. */
  readonly nameJa?: string | { readonly text: string } | undefined;
}

/** The name of an agency, topic or person in a locale, falling back to English. */
export function localName(data: Named, locale: Locale): LocalText {
  if (locale === 'ja' && data.nameJa) return { text: typeof data.nameJa === 'string' ? data.nameJa : data.nameJa.text };
  return locale === 'en' ? { text: data.name } : { text: data.name, lang: 'en' };
}

/** An agreement's title in a locale, falling back to English. */
export function localTitle(
  data: { readonly title: string; readonly titleJa?: string | undefined },
  locale: Locale,
): LocalText {
  if (locale === 'ja' && data.titleJa) return { text: data.titleJa };
  return locale === 'en' ? { text: data.title } : { text: data.title, lang: 'en' };
}

/** An agreement's short name for lists in a locale: the Japanese title where there is one, else the short title. */
export function localShortTitle(
  data: { readonly title: string; readonly shortTitle?: string | undefined; readonly titleJa?: string | undefined },
  locale: Locale,
): LocalText {
  if (locale === 'ja' && data.titleJa) return { text: data.titleJa };
  const text = data.shortTitle ?? data.title;
  return locale === 'en' ? { text } : { text, lang: 'en' };
}

/** English prose (summaries, bodies) as it appears in a locale's page. */
export function englishText(text: string, locale: Locale): LocalText {
  return locale === 'en' ? { text } : { text, lang: 'en' };
}

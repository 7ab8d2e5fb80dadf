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
  readonly nameJa?: string | undefined;
}

/** The name of an agency, topic or person in a locale, falling back to English. */
export function localName(data: Named, locale: Locale): LocalText {
  if (locale === 'ja' && data.nameJa) return { text: data.nameJa };
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

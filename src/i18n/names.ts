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

const collators = new Map<Locale, Intl.Collator>();

/**
 * Entries in the order a locale's readers look them up: by name in English; in Japanese by the
 * reading of the Japanese name (names in kanji sort by their kana, as Japanese lists do), then
 * the Japanese name, then the English one for entries that have none.
 */
export function byLocalName<T extends { readonly data: Named & { readonly nameJa?: unknown } }>(
  items: readonly T[],
  locale: Locale,
): T[] {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  const key = ({ data }: T): string => {
    if (locale !== 'ja' || !data.nameJa) return data.name;
    if (typeof data.nameJa === 'string') return data.nameJa;
    const { text, reading } = data.nameJa as { text: string; reading?: string };
    return reading ?? text;
  };
  const compare = collator.compare;
  return [...items].sort((a, b) => compare(key(a), key(b)));
}

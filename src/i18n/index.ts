import type { PartialDate } from '../schemas/date.ts';
import { en, type Dictionary } from './en.ts';
import { ja } from './ja.ts';
import { localeOf, type Locale } from './locales.ts';

export type { Locale } from './locales.ts';

const dictionaries: Record<Locale, Dictionary> = { en, ja };

/**
 * The locale used for dates, numbers and lists: British English writes "26 May 2022"; Japanese
 * "2022年5月26日" in the Western calendar, as digital.go.jp does, and joins lists with "、".
 */
const intlLocales: Record<Locale, string> = { en: 'en-GB', ja: 'ja-JP' };

import type { PluralForms } from './plural.ts';

export type { PluralForms } from './plural.ts';

/** Fills `{name}` placeholders in a template. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** Everything a page needs to speak one locale: the strings and the formatters. */
export interface Strings {
  readonly locale: Locale;
  readonly t: Dictionary;
  /** A count with its noun in the right plural form: "1 agreement", "3 agreements". */
  plural(forms: PluralForms, count: number): string;
  /** A partial date at its own precision: "2022", "May 2022", "26 May 2022". */
  date(date: PartialDate): string;
  /** A list joined as the locale does: "Japan, Singapore and the United Kingdom"; "日本、シンガポール、英国". */
  list(items: readonly string[]): string;
  /** A language's name from its BCP 47 tag. */
  language(tag: string): string;
}

const cache = new Map<Locale, Strings>();

/**
 * The strings and formatters for a locale. Built once per locale and shared: every component of
 * every page calls this, and creating the `Intl` formatters each time cost more than the
 * formatting itself on a large catalogue.
 */
export function useStrings(requested?: string): Strings {
  const locale = localeOf(requested);
  const cached = cache.get(locale);
  if (cached) return cached;
  const t = dictionaries[locale];
  const intl = intlLocales[locale];
  const rules = new Intl.PluralRules(intl);
  const formats = {
    year: new Intl.DateTimeFormat(intl, { year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  };
  const lists = new Intl.ListFormat(intl, { style: 'long', type: 'conjunction' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const numbers = new Intl.NumberFormat(intl);
  const dates = new Map<string, string>();
  const strings: Strings = {
    locale,
    t,
    plural: (forms, count) => fill(forms[rules.select(count)] ?? forms.other, { count: numbers.format(count) }),
    date: (date) => {
      // Pages format the same dates over and over (every list shows each agreement's date).
      const key = `${date.precision}:${date.iso}`;
      let text = dates.get(key);
      if (text === undefined) {
        text = formats[date.precision].format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)));
        dates.set(key, text);
      }
      return text;
    },
    list: (items) => lists.format(items),
    language: (tag) => languages.of(tag) ?? tag,
  };
  cache.set(locale, strings);
  return strings;
}

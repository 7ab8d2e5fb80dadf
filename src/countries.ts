import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import * as flags from 'country-flag-icons/string/3x2';
import { en } from './i18n/en.ts';
import { ja } from './i18n/ja.ts';
import { organisationCodes, type OrganisationCode } from './vocabulary.ts';

countries.registerLocale(english);

/** The locale dictionaries that name organisations and say which names take an article. */
const dictionaries = { en, ja } as const;
type NameLocale = keyof typeof dictionaries;

const organisations: ReadonlySet<string> = new Set(organisationCodes);

/** True for the code of an international organisation or group that is a party (EU, ASEAN, ...). */
export function isOrganisationCode(code: string): code is OrganisationCode {
  return organisations.has(code);
}

/** True for an ISO 3166-1 alpha-2 code the country library knows, or a listed organisation. */
export function isPartyCode(code: string): boolean {
  return organisations.has(code) || (/^[A-Z]{2}$/.test(code) && countries.isValid(code));
}

/** Every accepted party code, for suggestions in error messages and editor completion. */
export function allPartyCodes(): readonly string[] {
  return [...Object.keys(countries.getAlpha2Codes()), ...organisations].sort();
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** Names already looked up, by locale and code: a page names the same few countries many times. */
const names = new Map<string, string>();
const collators = new Map<string, Intl.Collator>();

function dictionaryOf(locale: string): (typeof dictionaries)[NameLocale] {
  return locale in dictionaries ? dictionaries[locale as NameLocale] : en;
}

/**
 * Where a locale's government writes a country differently from CLDR: Japan's ministries and the
 * Digital Agency write 英国 and 米国 (CLDR: イギリス, アメリカ合衆国). Only the forms that differ
 * are listed; every other name comes from CLDR.
 */
const governmentForms: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ja: { GB: '英国', US: '米国' },
};

/**
 * The country's common name in a locale ("United Kingdom", "South Korea"), from the Unicode CLDR
 * data that ships with the JavaScript runtime, so a second locale needs no new data. An
 * organisation's name comes from the locale dictionary.
 */
export function countryName(code: string, locale = 'en'): string {
  const key = `${locale}:${code}`;
  let name = names.get(key);
  if (name === undefined) {
    name = lookUpCountryName(code, locale);
    names.set(key, name);
  }
  return name;
}

function lookUpCountryName(code: string, locale: string): string {
  const governmentForm = governmentForms[locale]?.[code];
  if (governmentForm) return governmentForm;
  if (isOrganisationCode(code)) return dictionaryOf(locale).organisation[code];
  let regions = displayNames.get(locale);
  if (!regions) {
    regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, regions);
  }
  return regions.of(code) ?? countries.getName(code, locale) ?? code;
}

/**
 * The name as it reads inside a sentence: "for the United Kingdom", "for the African Union", but
 * "for Japan". The locale dictionary lists the codes whose names take an article
 * (`countryArticle`), so the rule is data a translator can check, not a guess from the name.
 */
export function countryNameInText(code: string, locale = 'en'): string {
  const { countryArticle } = dictionaryOf(locale);
  const name = countryName(code, locale);
  return (countryArticle.codes as readonly string[]).includes(code)
    ? countryArticle.template.replace('{name}', name)
    : name;
}

/** The codes of every flag the flag library draws, each served as an image of its own. */
export function flagCodes(): string[] {
  return Object.entries(flags).flatMap(([code, svg]) => (typeof svg === 'string' ? [code] : []));
}

/** The country's flag as an SVG string, from the flag library; empty where it has none. */
export function countryFlagSvg(code: string): string {
  const svg: unknown = (flags as Record<string, unknown>)[code];
  return typeof svg === 'string' ? svg : '';
}

/** Countries in the order of their names in a locale (Japanese by CLDR's collation of the Japanese names). */
export function byCountryName<T extends { readonly code: string }>(items: readonly T[], locale: string): T[] {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return [...items].sort((a, b) => collator.compare(countryName(a.code, locale), countryName(b.code, locale)));
}

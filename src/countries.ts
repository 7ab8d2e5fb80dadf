import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import * as flags from 'country-flag-icons/string/3x2';

countries.registerLocale(english);

/**
 * Parties that are not countries but sign as one, keyed by the code they use in place of an
 * ISO 3166-1 alpha-2 code. ISO reserves `EU` for the European Union.
 */
const organisations: ReadonlyMap<string, string> = new Map([['EU', 'European Union']]);

/** True for an ISO 3166-1 alpha-2 code the country library knows, or a listed organisation. */
export function isPartyCode(code: string): boolean {
  return organisations.has(code) || (/^[A-Z]{2}$/.test(code) && countries.isValid(code));
}

/** Every accepted party code, for suggestions in error messages and editor completion. */
export function allPartyCodes(): readonly string[] {
  return [...Object.keys(countries.getAlpha2Codes()), ...organisations.keys()].sort();
}

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * Where a locale's government writes a country differently from CLDR: Japan's ministries and the
 * Digital Agency write 英国 and 米国 (CLDR: イギリス, アメリカ合衆国). Only the forms that differ
 * are listed; every other name comes from CLDR.
 */
const governmentForms: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ja: { GB: '英国', US: '米国', EU: '欧州連合（EU）' },
};

/**
 * The country's common name in a locale ("United Kingdom", "South Korea"), from the Unicode CLDR
 * data that ships with the JavaScript runtime, so a second locale needs no new data.
 */
export function countryName(code: string, locale = 'en'): string {
  const governmentForm = governmentForms[locale]?.[code];
  if (governmentForm) return governmentForm;
  const organisation = organisations.get(code);
  if (organisation) return organisation;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? countries.getName(code, locale) ?? code;
}

/** The country's flag as an SVG string, from the flag library; empty where it has none. */
export function countryFlagSvg(code: string): string {
  const svg: unknown = (flags as Record<string, unknown>)[code];
  return typeof svg === 'string' ? svg : '';
}

import type { ContentEntry } from '../catalogue/input.ts';
import type { AgencyData } from '../schemas/index.ts';

/** An agency that a role can name, by its name or its acronym. */
interface RoleAgency {
  /** Its place in the list of agencies, which decides which one a role names first. */
  readonly order: number;
  readonly data: AgencyData;
  /** Its name, and its acronym when that is long enough to find. */
  readonly names: readonly string[];
}

/** The agencies a role can name, by the first word of their names. */
export interface RoleAgencies {
  readonly byFirstWord: ReadonlyMap<string, readonly RoleAgency[]>;
  /** Agencies with a name that does not start with a letter or digit, tried on every role. */
  readonly always: readonly RoleAgency[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a text: runs of letters and digits, as the patterns' word boundaries see them. */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A pattern per agency that finds its name, or its acronym as a whole word and in its own case
 * ("GovTech", "DCMS"), in a signatory's role. Acronyms shorter than three letters are left out:
 * they match ordinary words. A name can only be found in a role that has its first word, so each
 * role is tested against those agencies only: testing all 1,250 agencies of the 10,000-entry
 * benchmark against each of its 30,000 roles took most of the check.
 */
export function agencyNamePatterns(agencies: readonly ContentEntry<AgencyData>[]): RoleAgencies {
  const byFirstWord = new Map<string, RoleAgency[]>();
  const always: RoleAgency[] = [];
  agencies.forEach(({ data }, order) => {
    const names = [data.name];
    if (data.acronym && data.acronym.length >= 3) names.push(data.acronym);
    const agency = { order, data, names };
    const firstWords = new Set(names.map((name) => (/^[\p{L}\p{N}]/u.test(name) ? wordsOf(name)[0] : undefined)));
    if (firstWords.has(undefined)) always.push(agency);
    for (const word of firstWords) {
      if (word === undefined) continue;
      const list = byFirstWord.get(word) ?? [];
      if (!list.includes(agency)) list.push(agency);
      byFirstWord.set(word, list);
    }
  });
  return { byFirstWord, always };
}

const patterns = new WeakMap<RoleAgency, RegExp>();

/**
 * The pattern of an agency's names, made when a role first has its first word: most agencies are
 * never tested, and making all 1,250 patterns of the 10,000-entry benchmark took 0.3 s.
 */
function patternOf(agency: RoleAgency): RegExp {
  let pattern = patterns.get(agency);
  if (!pattern) {
    const names = agency.names.map(escapeRegExp).join('|');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}\\p{N}])`, 'u');
    patterns.set(agency, pattern);
  }
  return pattern;
}

/**
 * The agency of another party that a role names ("Chief Executive, GovTech" under the United
 * Kingdom), or undefined when the role names none, or names one of the party's own.
 */
export function foreignAgencyNamedIn(role: string, country: string, agencies: RoleAgencies): AgencyData | undefined {
  const candidates = new Set(agencies.always);
  for (const word of wordsOf(role)) for (const agency of agencies.byFirstWord.get(word) ?? []) candidates.add(agency);
  const named = [...candidates]
    .filter((agency) => patternOf(agency).test(role))
    .sort((a, b) => a.order - b.order)
    .map((agency) => agency.data);
  return named.some((agency) => agency.country === country) ? undefined : named[0];
}

import type { CatalogueInput } from '../catalogue/input.ts';

/** How many entries of each collection carry a Japanese name (title, for agreements), of how many. */
export interface JapaneseNameCoverage {
  readonly agreements: readonly [number, number];
  readonly agencies: readonly [number, number];
  readonly people: readonly [number, number];
  readonly topics: readonly [number, number];
}

/**
 * The Japanese edition shows a Japanese name where an entry has one and the English one, marked
 * as English, where it has none: a missing name is not an error, so the check reports this as
 * information for contributors who can add one from a Japanese source.
 */
export function japaneseNameCoverage(input: CatalogueInput): JapaneseNameCoverage {
  const count = (entries: readonly { data: object }[], key: string): readonly [number, number] => [
    entries.filter(({ data }) => key in data && (data as Record<string, unknown>)[key] !== undefined).length,
    entries.length,
  ];
  return {
    agreements: count(input.agreements, 'titleJa'),
    agencies: count(input.agencies, 'nameJa'),
    people: count(input.people, 'nameJa'),
    topics: count(input.topics, 'nameJa'),
  };
}

/** One line of information for `npm run check`. */
export function formatJapaneseNameCoverage(coverage: JapaneseNameCoverage): string {
  const part = (label: string, [have, all]: readonly [number, number]) => `${have} of ${all} ${label}`;
  return `info: Japanese names: ${part('agreements (titleJa)', coverage.agreements)}, ${part('agencies', coverage.agencies)}, ${part('people', coverage.people)}, ${part('topics', coverage.topics)} (nameJa). The Japanese edition shows the English name, marked as English, for the others; see "Japanese names and titles" in CONTRIBUTING.md to add one.`;
}

import type { Catalogue } from './derive.ts';

/** One bar of a chart: a label, a count and, where there is one, the page it stands for. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly href?: string;
}

/** Signings per year from the first year to the last, with the years that have none at zero. */
export function signingsPerYear(catalogue: Catalogue): Bar[] {
  const counts = new Map<number, number>();
  for (const { data } of catalogue.agreements) counts.set(data.signed.year, (counts.get(data.signed.year) ?? 0) + 1);
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const bars: Bar[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
    bars.push({ label: String(year), value: counts.get(year) ?? 0 });
  }
  return bars;
}

/** The `limit` entries with the highest counts, highest first, ties by label. */
export function ranking<T>(
  items: readonly T[],
  count: (item: T) => number,
  bar: (item: T) => { label: string; href?: string },
  limit: number,
): Bar[] {
  return items
    .map((item) => ({ ...bar(item), value: count(item) }))
    .filter((item) => item.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
    .slice(0, limit);
}

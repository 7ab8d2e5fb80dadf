/**
 * How many agreements a country, agency or topic page lists. A page that listed all of them would
 * grow with the catalogue (thousands of cards on a large country's page); beyond this number the
 * page links to search, which pages through the rest. A card and its line of structured data weigh
 * 670 to 840 bytes in Japanese, and a country page carries a world map of 59 to 68 KB besides: at
 * 50 cards /ja/countries/gb/ weighed 117 KB on a synthetic catalogue of 10,000 agreements, and at
 * 20 /ja/countries/sg/ still weighed 103 KB in the catalogue itself, whose map is the larger.
 */
export const entityListLimit = 15;

/**
 * How many partners an agency's page lists, and how many agencies a country's page lists. Both
 * grow with the catalogue (on a synthetic catalogue of 2,000 agreements an agency had 79 partner
 * agencies), so a page lists those with the most agreements and says how many there are in all.
 */
export const relatedListLimit = 20;

/**
 * How many partners a partner network draws. The figure places them on one circle, where labels
 * beyond a dozen overlap; a country's table and an agency's list name the others.
 */
export const networkLimit = 12;

/**
 * The first `limit` items of an ordered list (newest first, or most agreements first), and how
 * many are left out.
 */
export function latestOf<T>(items: readonly T[], limit = entityListLimit): { shown: readonly T[]; hidden: number } {
  return { shown: items.slice(0, limit), hidden: Math.max(0, items.length - limit) };
}

/**
 * How many agreements each page of the agreements index lists. A row weighs about 850 bytes of
 * HTML in Japanese with its structured data, so 100 rows made a page of 111 KB on a synthetic
 * catalogue of 2,000 agreements; at 50 the heaviest page of 10,000 agreements weighs 62 KB.
 */
export const agreementsPageSize = 50;

/** The number of pages a list needs, at least one so an empty catalogue still has its index. */
export function pageCount(total: number, size = agreementsPageSize): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items on page `page` (from 1). */
export function pageOf<T>(items: readonly T[], page: number, size = agreementsPageSize): readonly T[] {
  return items.slice((page - 1) * size, page * size);
}

/**
 * The page numbers a pagination bar shows: the first, the last, and the current page with its
 * neighbours, with `gap` where pages are left out (1 … 4 5 6 … 100).
 */
export function pageWindow(current: number, count: number): (number | 'gap')[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((page) => page >= 1 && page <= count));
  const pages = [...wanted].sort((a, b) => a - b);
  const shown: (number | 'gap')[] = [];
  for (const page of pages) {
    const previous = shown[shown.length - 1];
    if (typeof previous === 'number' && page - previous === 2) shown.push(previous + 1);
    else if (typeof previous === 'number' && page - previous > 2) shown.push('gap');
    shown.push(page);
  }
  return shown;
}

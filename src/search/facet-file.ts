import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Catalogue } from '../catalogue/derive.ts';
import { facetTotals, searchFacets, type FacetValue, type SearchFacet } from '../catalogue/search-facets.ts';
import type { Strings } from '../i18n/index.ts';
import { encodeFacetIndex } from './facet-index.ts';
import { shortList } from './facet-limits.ts';
import { searchRowGroups } from './rows.ts';

/** The facet index file of a catalogue: gzip-compressed, and a digest that changes with it. */
export interface FacetIndexFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly digest: string;
}

const files = new WeakMap<Catalogue, FacetIndexFile>();

/**
 * The facet index of the catalogue, built once per build: the search page names it by its digest
 * and the endpoint writes it. Compressed here rather than by the host, like Pagefind's own files,
 * because a static host serves it as it is: 10,000 agreements take 117 KiB instead of 187.
 */
export function facetIndexFile(catalogue: Catalogue): FacetIndexFile {
  let file = files.get(catalogue);
  if (!file) {
    const bytes = new Uint8Array(gzipSync(encodeFacetIndex(searchFacets, searchRowGroups(catalogue)), { level: 9 }));
    file = { bytes, digest: createHash('sha256').update(bytes).digest('hex').slice(0, 12) };
    files.set(catalogue, file);
  }
  return file;
}

/** One value of a facet as the search page and its value lists carry it, with its place in the full list. */
export interface ListedValue extends FacetValue {
  readonly index: number;
}

/** A facet on the search page: all its values in display order, and the few the page itself carries. */
export interface PageFacet {
  readonly facet: SearchFacet;
  readonly values: readonly ListedValue[];
  /**
   * The values written into the page: all of a short facet, the `shortList` most common of a long
   * one, so that the page stays the same size however many agencies the catalogue names (1,250
   * agencies made the page 223 KiB). The rest come from the facet's value list when asked for.
   */
  readonly inPage: readonly ListedValue[];
}

const facetsByEdition = new WeakMap<Catalogue, Map<Strings, PageFacet[]>>();

/**
 * Every facet of the search page in one edition, counted once per build: the search page and each
 * facet's value list read them (at 10,000 agreements each count took about 70 ms).
 */
export function pageFacets(catalogue: Catalogue, strings: Strings): readonly PageFacet[] {
  let editions = facetsByEdition.get(catalogue);
  if (!editions) {
    editions = new Map();
    facetsByEdition.set(catalogue, editions);
  }
  let facets = editions.get(strings);
  if (!facets) {
    facets = countFacets(catalogue, strings);
    editions.set(strings, facets);
  }
  return facets;
}

/** Counts the values of every facet in one edition, and picks the ones the page carries. */
function countFacets(catalogue: Catalogue, strings: Strings): PageFacet[] {
  const totals = facetTotals(catalogue, strings);
  return searchFacets.flatMap((facet) => {
    const values = (totals.get(facet) ?? []).map((value, index) => ({ ...value, index }));
    if (values.length === 0) return [];
    const common = new Set(
      [...values]
        .sort((a, b) => b.count - a.count || a.index - b.index)
        .slice(0, shortList)
        .map((value) => value.index),
    );
    return [{ facet, values, inPage: values.filter((value) => common.has(value.index)) }];
  });
}

/**
 * A facet's value list as the search page fetches it: `[code, label, total]` in display order,
 * with the label's language as a fourth item where it differs from the page's.
 */
export function facetValueList(values: readonly FacetValue[]): (string | number)[][] {
  return values.map(({ value, label, count }) =>
    label.lang ? [value, label.text, count, label.lang] : [value, label.text, count],
  );
}

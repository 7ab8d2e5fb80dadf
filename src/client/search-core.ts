/**
 * The search behind the search page: Pagefind finds and orders the pages for the words, and the
 * facet index (src/search/facet-index.ts) narrows them by the ticked values and counts every
 * value. Pagefind's own filters are used only when the facet index cannot be loaded: with every
 * filter index loaded, Pagefind spent 0.6 to 1.2 s of each search counting on 10,000 agreements.
 *
 * It runs in a worker of its own (search-worker.ts), so that the page receives ten results and
 * the counts rather than every match: on 10,000 agreements, taking 10,000 matches from Pagefind's
 * worker kept the page's main thread busy for 0.15 to 0.35 s a search.
 */
import { decodeFacetIndex, narrowAndCount, valueNumber, type FacetIndex } from '../search/facet-index.ts';
import type { SearchState } from './search-state.ts';

/** What the page shows of a result. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: SearchOptions) => Promise<void>;
  search: (term: string | null, options: SearchOptions) => Promise<PagefindResponse | null>;
}

/** The facets of the index as the page needs them to read counts: names and value codes, in value order. */
export type FacetCodes = readonly (readonly [name: string, codes: readonly string[]])[];

export interface CoreAnswer {
  /** How many pages match. */
  readonly total: number;
  /** The first of them, as many as asked for. */
  readonly results: readonly ResultData[];
  /** Each value's count among all matches, by value number, once the facet index is in. */
  readonly counts: Uint32Array | undefined;
  /**
   * The counts, when they wait for the facet index: called once the results show, so that a
   * first search's results do not wait for the index (117 KiB on 10,000 agreements).
   */
  readonly countsLater: (() => Promise<Uint32Array | undefined>) | undefined;
}

/** A search's matches, narrowed and counted when the facet index was in. */
interface Matches {
  readonly key: string;
  readonly results: readonly PagefindResult[];
  readonly counts: Uint32Array | undefined;
}

interface Facets {
  readonly index: FacetIndex;
  /** Each Pagefind page's row in the index. */
  readonly rowOf: ReadonlyMap<string, number>;
}

export interface CoreOptions {
  readonly pagefindUrl: string;
  readonly baseUrl: string;
  readonly facetIndexUrl: string;
}

/** Reads a gzip-compressed file, or an uncompressed one when the host has already unpacked it. */
async function gunzipped(response: Response): Promise<Uint8Array> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class SearchCore {
  readonly #options: CoreOptions;
  #pagefind: Promise<Pagefind> | undefined;
  #facets: Promise<Facets | undefined> | undefined;
  #ready: Facets | undefined;
  /** The last search's matches, so that "show more" does not search again. */
  #last: Matches | undefined;

  constructor(options: CoreOptions) {
    this.#options = options;
  }

  /** Fetches and starts Pagefind, once: its script, its WebAssembly and its page list. */
  load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const engine = (await import(/* @vite-ignore */ this.#options.pagefindUrl)) as Pagefind;
      // A site served from a sub-folder (BASE_PATH) needs that folder in front of every result's
      // address. Pagefind would guess it from where its bundle loads; the page states it.
      await engine.options({ excerptLength: 30, baseUrl: this.#options.baseUrl });
      await engine.init();
      return engine;
    })();
    return this.#pagefind;
  }

  /** Fetches the index chunks a query needs, without searching. */
  async preload(query: string): Promise<void> {
    if (query) await (await this.load()).preload(query);
  }

  /** The facets' value codes, once the facet index is in. */
  facetCodes(): FacetCodes | undefined {
    return this.#ready?.index.facets.map((facet) => [facet.name, facet.values] as const);
  }

  /**
   * Fetches the facet index, once, and pairs its rows with Pagefind's pages: each group of rows
   * is in the order of a sort key its pages carry, so all pages sorted by that key are the
   * group's rows in order. Resolves to nothing, and search falls back on Pagefind's filters, if
   * the two do not match.
   */
  facets(): Promise<Facets | undefined> {
    this.#facets ??= (async () => {
      try {
        const [index, engine] = await Promise.all([
          fetch(this.#options.facetIndexUrl).then(async (response) => {
            if (!response.ok) throw new Error(`${response.status} fetching ${this.#options.facetIndexUrl}`);
            return decodeFacetIndex(await gunzipped(response));
          }),
          this.load(),
        ]);
        const rowOf = new Map<string, number>();
        for (const group of index.groups) {
          const pages = (await engine.search(null, { sort: { [group.sort]: 'asc' } }))?.results ?? [];
          if (pages.length !== group.rows) {
            throw new Error(
              `the facet index has ${group.rows} rows by "${group.sort}", the search index ${pages.length} pages`,
            );
          }
          for (const page of pages) rowOf.set(page.id, rowOf.size);
        }
        this.#ready = { index, rowOf };
        return this.#ready;
      } catch (error) {
        console.error('Filtering falls back on the search index: the facet index could not be used:', error);
        return undefined;
      }
    })();
    return this.#facets;
  }

  /**
   * Searches for a state's words, ordered by its sort and narrowed by its ticked values, and
   * fetches the data of the first `count` matches.
   */
  async search(state: SearchState, count: number): Promise<CoreAnswer | undefined> {
    const key = JSON.stringify([state.query, state.sort, state.filters]);
    // "Show more" asks for a later page of the same search: its matches are still at hand.
    const last = state.page > 1 && this.#last?.key === key ? this.#last : await this.#match(state, key);
    if (!last) return undefined;
    const results = await Promise.all(
      last.results.slice(0, count).map(async (result) => {
        const { url, excerpt, meta } = await result.data();
        return { url, excerpt, meta };
      }),
    );
    const filtered = Object.keys(state.filters).length > 0;
    return {
      total: last.results.length,
      results,
      counts: last.counts,
      countsLater:
        last.counts || filtered
          ? undefined
          : async () => {
              const facets = await this.facets();
              if (!facets) return undefined;
              const { counts } = this.#narrow(facets, last.results, state);
              if (this.#last === last) this.#last = { ...last, counts };
              return counts;
            },
    };
  }

  async #match(state: SearchState, key: string): Promise<Matches | undefined> {
    const engine = await this.load();
    const filtered = Object.keys(state.filters).length > 0;
    // Ticked values need the facet index before any result shows; words alone do not, so a first
    // search shows its results before the index is fetched, and the counts follow.
    const facets = filtered ? await this.facets() : this.#ready;
    const options: SearchOptions = state.sort ? { sort: { date: state.sort === 'newest' ? 'desc' : 'asc' } } : {};
    if (filtered && !facets) {
      options.filters = Object.fromEntries(
        Object.entries(state.filters).map(([facet, values]) => [facet, { any: values }]),
      );
    }
    const response = await engine.search(state.query || null, options);
    if (!response) return undefined;
    this.#last = facets
      ? { key, ...this.#narrow(facets, response.results, state) }
      : { key, results: response.results, counts: undefined };
    return this.#last;
  }

  /** Narrows Pagefind's results by the ticked values and counts each value among the rest. */
  #narrow(
    { index, rowOf }: Facets,
    results: readonly PagefindResult[],
    state: SearchState,
  ): { results: PagefindResult[]; counts: Uint32Array } {
    const ticked = Object.entries(state.filters).map(([facet, codes]) =>
      codes.map((code) => valueNumber(index, facet, code)),
    );
    // A ticked code the index does not know matches nothing, as a Pagefind filter would.
    if (ticked.some((numbers) => numbers.every((number) => number < 0))) {
      return { results: [], counts: new Uint32Array(index.valueCount) };
    }
    const { kept, counts } = narrowAndCount(
      index,
      results.map((result) => rowOf.get(result.id) ?? -1),
      ticked,
    );
    return { results: kept.flatMap((position) => results[position] ?? []), counts };
  }
}

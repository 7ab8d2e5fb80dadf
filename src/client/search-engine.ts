/**
 * The search behind the search page: Pagefind finds and orders the pages for the words, and the
 * facet index (src/search/facet-index.ts) narrows them by the ticked values and counts every
 * value. Pagefind's own filters are used only when the facet index cannot be loaded: with every
 * filter index loaded, Pagefind spent 0.6 to 1.2 s of each search counting on 10,000 agreements.
 */
import { decodeFacetIndex, narrowAndCount, valueNumber, type FacetIndex } from '../search/facet-index.ts';
import type { SearchState } from './search-state.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
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

/** A value's count among the current results, by facet and code. */
export type FacetCounts = (facet: string, code: string) => number | undefined;

export interface Answer {
  /** The matching pages, best or newest first. */
  readonly results: readonly PagefindResult[];
  /** Each value's count among them, once the facet index is in. */
  readonly counts: FacetCounts | undefined;
  /** The counts, when they wait for the facet index: it is fetched after the first results show. */
  readonly countsLater: Promise<FacetCounts | undefined> | undefined;
}

interface Facets {
  readonly index: FacetIndex;
  /** Each Pagefind page's row in the index. */
  readonly rowOf: ReadonlyMap<string, number>;
}

export interface EngineOptions {
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

export class SearchEngine {
  readonly #options: EngineOptions;
  #pagefind: Promise<Pagefind> | undefined;
  #facets: Promise<Facets | undefined> | undefined;
  #ready: Facets | undefined;

  constructor(options: EngineOptions) {
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

  /**
   * Fetches the facet index, once, and pairs its rows with Pagefind's pages: every page carries
   * its row key as the `row` sort key, so all pages sorted by it are the rows in order. Resolves
   * to nothing, and search falls back on Pagefind's filters, if the two do not match.
   */
  facets(): Promise<Facets | undefined> {
    this.#facets ??= (async () => {
      try {
        const [index, pages] = await Promise.all([
          fetch(this.#options.facetIndexUrl).then(async (response) => {
            if (!response.ok) throw new Error(`${response.status} fetching ${this.#options.facetIndexUrl}`);
            return decodeFacetIndex(await gunzipped(response));
          }),
          this.load().then((engine) => engine.search(null, { sort: { row: 'asc' } })),
        ]);
        const results = pages?.results ?? [];
        if (results.length !== index.rowCount) {
          throw new Error(`the facet index has ${index.rowCount} rows, the search index ${results.length} pages`);
        }
        this.#ready = { index, rowOf: new Map(results.map((result, row) => [result.id, row])) };
        return this.#ready;
      } catch (error) {
        console.error('Filtering falls back on the search index: the facet index could not be used:', error);
        return undefined;
      }
    })();
    return this.#facets;
  }

  /** Searches for a state's words, ordered by its sort and narrowed by its ticked values. */
  async search(state: SearchState): Promise<Answer | undefined> {
    const engine = await this.load();
    const sort: SearchOptions['sort'] = state.sort ? { date: state.sort === 'newest' ? 'desc' : 'asc' } : undefined;
    const filtered = Object.keys(state.filters).length > 0;
    // Ticked values need the facet index before any result shows; words alone do not, so a first
    // search shows its results before the index is fetched, and the counts follow.
    const facets = filtered ? await this.facets() : this.#ready;
    const options: SearchOptions = sort ? { sort } : {};
    if (filtered && !facets) {
      options.filters = Object.fromEntries(
        Object.entries(state.filters).map(([facet, values]) => [facet, { any: values }]),
      );
    }
    const response = await engine.search(state.query || null, options);
    if (!response) return undefined;
    if (!facets) {
      return {
        results: response.results,
        counts: undefined,
        countsLater: filtered
          ? undefined
          : this.facets().then((later) => later && narrow(later, response, state).counts),
      };
    }
    return { ...narrow(facets, response, state), countsLater: undefined };
  }
}

/** Narrows Pagefind's results by the ticked values and counts each value among the rest. */
function narrow(
  { index, rowOf }: Facets,
  response: PagefindResponse,
  state: SearchState,
): { results: PagefindResult[]; counts: FacetCounts } {
  const rows = response.results.map((result) => rowOf.get(result.id) ?? -1);
  const ticked = Object.entries(state.filters).map(([facet, codes]) =>
    codes.map((code) => valueNumber(index, facet, code)),
  );
  // A ticked code the index does not know matches nothing, as a Pagefind filter would.
  if (ticked.some((numbers) => numbers.every((number) => number < 0))) {
    return { results: [], counts: () => 0 };
  }
  const { kept, counts } = narrowAndCount(index, rows, ticked);
  return {
    results: kept.flatMap((position) => response.results[position] ?? []),
    counts: (facet, code) => {
      const number = valueNumber(index, facet, code);
      return number < 0 ? 0 : counts[number];
    },
  };
}

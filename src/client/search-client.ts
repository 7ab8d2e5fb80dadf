/**
 * The page's side of the search: sends searches to the search worker and reads its answers. If
 * the browser cannot start the worker, the same search runs on the page itself.
 */
import { SearchCore, type CoreOptions, type FacetCodes, type ResultData } from './search-core.ts';
import type { SearchState } from './search-state.ts';
import type { FromWorker, ToWorker } from './search-worker.ts';

/** A value's count among the current results, by facet and code. */
export type FacetCounts = (facet: string, code: string) => number | undefined;

export interface Answer {
  readonly total: number;
  readonly results: readonly ResultData[];
  readonly counts: FacetCounts | undefined;
  /** The counts, when they wait for the facet index: to be asked for once the results show. */
  readonly countsLater: (() => Promise<FacetCounts | undefined>) | undefined;
}

interface Waiting {
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
}

export class SearchClient {
  readonly #options: CoreOptions;
  #worker: Worker | undefined;
  #core: SearchCore | undefined;
  #started = false;
  #next = 0;
  readonly #waiting = new Map<number, Waiting>();
  #numbers: ReadonlyMap<string, number> | undefined;

  constructor(options: CoreOptions) {
    this.#options = options;
  }

  /** Starts the search, once: the worker, Pagefind's script, WebAssembly and page list. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    try {
      const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#receive(event.data));
      worker.addEventListener('error', (event) => this.#fallBack(new Error(event.message)));
      this.#post({ type: 'init', options: this.#options, language: document.documentElement.lang }, worker);
      this.#worker = worker;
    } catch (error) {
      this.#fallBack(error instanceof Error ? error : new Error(String(error)));
    }
  }

  preload(query: string): void {
    this.start();
    if (this.#worker) this.#post({ type: 'preload', query });
    else void this.#core?.preload(query);
  }

  async search(state: SearchState, count: number): Promise<Answer | undefined> {
    this.start();
    if (!this.#worker) return this.#searchHere(state, count);
    const id = ++this.#next;
    let message: FromWorker;
    try {
      message = await this.#ask({ type: 'search', id, state, count }, id);
    } catch (error) {
      // The worker broke while searching: the page searches on its own from now on.
      if (!this.#worker) return this.#searchHere(state, count);
      throw error;
    }
    if (message.type !== 'answer') return undefined;
    this.#learn(message.codes);
    return {
      total: message.total,
      results: message.results,
      counts: this.#countsOf(message.counts),
      countsLater: message.later
        ? async () => {
            const later = await this.#ask({ type: 'counts', id }, id);
            if (later.type !== 'counts') return undefined;
            this.#learn(later.codes);
            return this.#countsOf(later.counts);
          }
        : undefined,
    };
  }

  async #searchHere(state: SearchState, count: number): Promise<Answer | undefined> {
    this.#core ??= new SearchCore(this.#options);
    const answer = await this.#core.search(state, count);
    if (!answer) return undefined;
    const core = this.#core;
    const read = (counts: Uint32Array | undefined) => {
      this.#learn(core.facetCodes());
      return this.#countsOf(counts);
    };
    const later = answer.countsLater;
    return {
      ...answer,
      counts: read(answer.counts),
      countsLater: later ? async () => read(await later()) : undefined,
    };
  }

  /** Learns the value numbering of the facet index, which the counts are in. */
  #learn(codes: FacetCodes | undefined): void {
    if (!codes || this.#numbers) return;
    const numbers = new Map<string, number>();
    let number = 0;
    for (const [facet, values] of codes) for (const code of values) numbers.set(`${facet}\0${code}`, number++);
    this.#numbers = numbers;
  }

  #countsOf(counts: Uint32Array | undefined): FacetCounts | undefined {
    const numbers = this.#numbers;
    if (!counts || !numbers) return undefined;
    return (facet, code) => {
      const number = numbers.get(`${facet}\0${code}`);
      return number === undefined ? 0 : counts[number];
    };
  }

  #post(message: ToWorker, worker = this.#worker): void {
    worker?.postMessage(message);
  }

  #ask(message: ToWorker, id: number): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#post(message);
    });
  }

  #receive(message: FromWorker): void {
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    if (message.type === 'failed') waiting.reject(new Error(message.message));
    else waiting.resolve(message);
  }

  /** Runs the search on the page from now on, when the worker cannot start or breaks. */
  #fallBack(error: Error): void {
    console.error('The search worker failed; searching on the page instead:', error);
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

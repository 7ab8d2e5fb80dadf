/**
 * The search page's worker: runs the search (search-core.ts) off the page's main thread and sends
 * back only what the page shows, the first results and the counts of the facet values.
 */
import { SearchCore, type CoreAnswer, type CoreOptions, type FacetCodes, type ResultData } from './search-core.ts';
import type { SearchState } from './search-state.ts';

/** A message from the page to the worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly options: CoreOptions; readonly language: string }
  | { readonly type: 'preload'; readonly query: string }
  | { readonly type: 'search'; readonly id: number; readonly state: SearchState; readonly count: number }
  | { readonly type: 'counts'; readonly id: number };

/** A message from the worker to the page. */
export type FromWorker =
  | {
      readonly type: 'answer';
      readonly id: number;
      readonly total: number;
      readonly results: readonly ResultData[];
      readonly counts: Uint32Array | undefined;
      readonly codes: FacetCodes | undefined;
      /** The counts follow when the page asks for them, once it shows the results. */
      readonly later: boolean;
    }
  | {
      readonly type: 'counts';
      readonly id: number;
      readonly counts: Uint32Array | undefined;
      readonly codes: FacetCodes | undefined;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const scope = globalThis as unknown as {
  postMessage: (message: FromWorker) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent<ToWorker>) => void) => void;
};

/**
 * Pagefind 1.6 picks the index of the language in `<html lang>` when it starts, and a worker has
 * no document (https://github.com/Pagefind/pagefind/issues/593): this one answers with the page's
 * language, so the Japanese edition searches the Japanese index.
 */
function useLanguage(language: string): void {
  const html = { getAttribute: (name: string) => (name === 'lang' ? language : null) };
  const document = { querySelector: (selector: string) => (selector === 'html' ? html : null) };
  Object.defineProperty(globalThis, 'document', { value: document, configurable: true });
}

let core: SearchCore | undefined;
/** The counts still owed for the newest search, by its id. */
let owed: { id: number; later: NonNullable<CoreAnswer['countsLater']> } | undefined;
let codesSent = false;

/** The facets' value codes, sent with the first counts only. */
function codesOnce(): FacetCodes | undefined {
  const codes = codesSent ? undefined : core?.facetCodes();
  if (codes) codesSent = true;
  return codes;
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    useLanguage(message.language);
    core = new SearchCore(message.options);
    await core.load();
    return;
  }
  if (!core) throw new Error('The search worker was used before it was started.');
  if (message.type === 'preload') return core.preload(message.query);
  if (message.type === 'counts') {
    // Counts owed to an older search are not worth computing: a newer one has replaced it.
    const counts = owed?.id === message.id ? await owed.later() : undefined;
    scope.postMessage({ type: 'counts', id: message.id, counts, codes: codesOnce() });
    return;
  }
  const answer = await core.search(message.state, message.count);
  if (!answer) throw new Error('Pagefind returned no results object.');
  owed = answer.countsLater ? { id: message.id, later: answer.countsLater } : undefined;
  scope.postMessage({
    type: 'answer',
    id: message.id,
    total: answer.total,
    results: answer.results,
    counts: answer.counts,
    codes: answer.counts ? codesOnce() : undefined,
    later: answer.countsLater !== undefined,
  });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  handle(message).catch((error: unknown) => {
    const id = 'id' in message ? message.id : -1;
    scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  });
});

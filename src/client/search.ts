/**
 * The search page: Pagefind's JavaScript API behind a plain form. The whole state (query, filters,
 * sort, page) lives in the URL, so a link reproduces a view and the back button works. The facets
 * are in the page's HTML with their totals, so nothing is fetched until the reader focuses or
 * types in the form, or the URL already carries a search.
 */
import { FacetList, type FacetStrings } from './facet-list.ts';
import { SearchClient, type FacetCounts } from './search-client.ts';
import type { ResultData } from './search-core.ts';
import { hasSearch, readState, writeState, type SearchState } from './search-state.ts';

interface ClientStrings extends FacetStrings {
  resultCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  noResults: string;
  loading: string;
}

const PAGE_SIZE = 10;

/**
 * How long the box waits after a keystroke before it searches. Searches never pile up (one runs
 * at a time and only the newest waiting one follows), so the wait only gathers a burst of keys
 * into one search; it was 150 ms, a fifth of a second's budget from keystroke to results.
 */
const TYPING_WAIT = 50;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the search page`);
  return found as T;
}

export function startSearch(): void {
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('search-input');
  const controls = element<HTMLDivElement>('search-controls');
  const sortSelect = element<HTMLSelectElement>('search-sort');
  const facetBox = element<HTMLDivElement>('search-facets');
  const status = element<HTMLParagraphElement>('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const clear = element<HTMLButtonElement>('search-clear');
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as ClientStrings;
  const lists = [...facetBox.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')].map(
    (fieldset) => new FacetList(fieldset, strings),
  );
  const facets = lists.map((facet) => facet.facet);
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const engine = new SearchClient({
    pagefindUrl: form.dataset['pagefindUrl'] ?? '/pagefind/pagefind.js',
    baseUrl: form.dataset['baseUrl'] ?? '/',
    facetIndexUrl: form.dataset['facetIndexUrl'] ?? '/search/facets.bin',
  });
  let run = 0;

  function currentState(): SearchState {
    const filters: Record<string, string[]> = {};
    for (const box of facetBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
      (filters[box.name] ??= []).push(box.value);
    }
    return { query: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'], page: 1 };
  }

  /** Ticks the state's values, in place, so keyboard focus stays where it was. */
  function tick(state: SearchState): void {
    for (const facet of lists) facet.setChecked(state.filters[facet.facet] ?? []);
    clear.hidden = Object.keys(state.filters).length === 0;
  }

  /** Shows each value's count among the results, or its total before any search. */
  function showCounts(counts: FacetCounts | undefined): void {
    for (const facet of lists) facet.setCounts((code) => counts?.(facet.facet, code));
  }

  function announce(count: number): string {
    if (count === 0) return strings.noResults;
    const template = strings.resultCount[plural.select(count)] ?? strings.resultCount.other;
    return template.replace('{count}', count.toLocaleString(document.documentElement.lang));
  }

  function resultItem(result: ResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta['title'] ?? result.url;
    heading.append(link);
    item.append(heading);
    const facts = [result.meta['kind'], result.meta['date'], result.meta['parties']].filter(Boolean).join(' · ');
    if (facts) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = facts;
      item.append(meta);
    }
    if (result.excerpt) {
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
      item.append(excerpt);
    }
    return item;
  }

  async function render(state: SearchState): Promise<void> {
    const id = ++run;
    input.value = state.query;
    sortSelect.value = state.sort;
    tick(state);
    if (!hasSearch(state)) {
      // Nothing asked: the totals in the HTML stand, and Pagefind need not be fetched for them.
      showCounts(undefined);
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    const answer = await engine.search(state, PAGE_SIZE * state.page);
    if (id !== run || !answer) return;
    showCounts(answer.counts);
    status.textContent = announce(answer.total);
    list.replaceChildren(...answer.results.map(resultItem));
    more.hidden = answer.results.length >= answer.total;
    void answer.countsLater?.().then((counts) => {
      if (id === run && counts) showCounts(counts);
    });
  }

  /** One search at a time, then the newest waiting one: a search never waits behind stale ones. */
  let running: Promise<void> | undefined;
  let waiting: SearchState | undefined;
  function schedule(state: SearchState): void {
    waiting = state;
    running ??= (async () => {
      while (waiting) {
        const next = waiting;
        waiting = undefined;
        await render(next).catch((error: unknown) => {
          console.error('The search failed:', error);
          status.textContent = '';
        });
      }
      running = undefined;
    })();
  }

  /** The language switcher keeps the reader's search: its links carry the same query string. */
  function keepSearchInSwitcher(): void {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
      const url = new URL(link.href);
      url.search = location.search;
      link.href = url.href;
    }
  }

  function navigate(state: SearchState, replace = false): void {
    const url = `${location.pathname}${writeState(state)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    keepSearchInSwitcher();
    schedule(state);
  }

  controls.hidden = false;
  // On a phone the filters come before the results: groups without a ticked value start folded,
  // so the results are a short scroll away.
  if (window.matchMedia('(max-width: 48rem)').matches) {
    const { filters } = readState(location.search, facets);
    for (const group of facetBox.querySelectorAll('details')) {
      const facet = group.querySelector<HTMLFieldSetElement>('fieldset[data-facet]')?.dataset['facet'] ?? '';
      group.open = facet in filters;
    }
  }
  // Fetch the index as soon as the reader shows an intent to search, before the first keystroke lands.
  form.addEventListener('focusin', () => engine.start(), { once: true });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    // The index chunks for the words start loading at once; the search waits for the typing to pause.
    engine.preload(input.value.trim());
    typing = setTimeout(() => navigate(currentState(), true), TYPING_WAIT);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    navigate(currentState());
  });
  form.addEventListener('change', (event) => {
    if (event.target === input || (event.target instanceof HTMLElement && 'facetFilter' in event.target.dataset))
      return;
    navigate(currentState());
  });
  clear.addEventListener('click', () => navigate({ ...currentState(), filters: {} }));
  more.addEventListener('click', () => {
    const state = readState(location.search, facets);
    navigate({ ...state, page: state.page + 1 }, true);
  });
  window.addEventListener('popstate', () => {
    keepSearchInSwitcher();
    schedule(readState(location.search, facets));
  });
  keepSearchInSwitcher();
  schedule(readState(location.search, facets));
}

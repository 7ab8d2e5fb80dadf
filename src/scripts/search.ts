/**
 * The search page: Pagefind's JavaScript API behind a plain form. The whole state (query, filters,
 * sort) lives in the URL, so a link reproduces a view and the back button works. Values within one
 * facet combine with OR, facets with AND.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    term: string | null,
    options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<PagefindSearch | null>;
  debouncedSearch: PagefindSearch;
}
interface ClientStrings {
  resultCount: { one?: string; other: string };
  noResults: string;
  loading: string;
  facets: Record<string, string>;
}

const PAGE_SIZE = 10;

/** Reads the search state from a URL's query string. */
export function readState(search: string, facets: readonly string[]) {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const facet of facets) {
    const values = params.getAll(facet);
    if (values.length > 0) filters[facet] = values;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q')?.trim() ?? '',
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

export type SearchState = ReturnType<typeof readState>;

/** Writes a search state as a query string, in a stable order. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const [facet, values] of Object.entries(state.filters)) for (const value of values) params.append(facet, value);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the search page`);
  return found as T;
}

export function startSearch(): void {
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('search-input');
  const sortSelect = element<HTMLSelectElement>('search-sort');
  const facetBox = element<HTMLDivElement>('search-facets');
  const status = element<HTMLParagraphElement>('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const clear = element<HTMLButtonElement>('search-clear');
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as ClientStrings;
  const facets = (facetBox.dataset['facets'] ?? '').split(' ').filter(Boolean);
  const plural = new Intl.PluralRules(document.documentElement.lang);
  let pagefind: Pagefind | undefined;
  let run = 0;

  async function load(): Promise<Pagefind> {
    if (pagefind) return pagefind;
    const url = form.dataset['pagefindUrl'] ?? '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
    return pagefind;
  }

  function currentState(): SearchState {
    const filters: Record<string, string[]> = {};
    for (const box of facetBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
      const facet = box.name;
      (filters[facet] ??= []).push(box.value);
    }
    return { query: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'], page: 1 };
  }

  function renderFacets(
    all: Record<string, Record<string, number>>,
    counts: Record<string, Record<string, number>>,
    state: SearchState,
  ) {
    // Rebuilding the list would drop keyboard focus on the page body; keep it on the same filter.
    const active = document.activeElement;
    const refocus =
      active instanceof HTMLInputElement && facetBox.contains(active)
        ? { name: active.name, value: active.value }
        : undefined;
    facetBox.replaceChildren();
    let toFocus: HTMLInputElement | undefined;
    for (const facet of facets) {
      const values = all[facet];
      if (!values || Object.keys(values).length === 0) continue;
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'facet';
      const legend = document.createElement('legend');
      legend.textContent = strings.facets[facet] ?? facet;
      fieldset.append(legend);
      const sorted = Object.keys(values).sort((a, b) => (facet === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      for (const value of sorted) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.checked = state.filters[facet]?.includes(value) ?? false;
        label.append(box, ` ${value} (${counts[facet]?.[value] ?? 0})`);
        fieldset.append(label);
        if (refocus?.name === facet && refocus.value === value) toFocus = box;
      }
      facetBox.append(fieldset);
    }
    toFocus?.focus();
    clear.hidden = Object.keys(state.filters).length === 0;
  }

  async function render(state: SearchState): Promise<void> {
    const id = ++run;
    input.value = state.query;
    sortSelect.value = state.sort;
    status.textContent = strings.loading;
    const engine = await load();
    const filters = Object.fromEntries(
      Object.entries(state.filters).map(([facet, values]) => [facet, { any: values }]),
    );
    const sort: Record<string, 'asc' | 'desc'> | undefined = state.sort
      ? { date: state.sort === 'newest' ? 'desc' : 'asc' }
      : undefined;
    const browsing = state.query === '' && Object.keys(filters).length === 0 && !sort;
    const [all, search] = await Promise.all([
      engine.filters(),
      browsing ? Promise.resolve(null) : engine.search(state.query || null, { filters, ...(sort ? { sort } : {}) }),
    ]);
    if (id !== run) return;
    renderFacets(all, search?.filters ?? all, state);
    if (!search) {
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    const shown = search.results.slice(0, PAGE_SIZE * state.page);
    const data = await Promise.all(shown.map((result) => result.data()));
    if (id !== run) return;
    const count = search.results.length;
    status.textContent =
      count === 0
        ? strings.noResults
        : (strings.resultCount[plural.select(count) as 'one'] ?? strings.resultCount.other).replace(
            '{count}',
            String(count),
          );
    list.replaceChildren(
      ...data.map((result) => {
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
        const excerpt = document.createElement('p');
        // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
        excerpt.innerHTML = result.excerpt;
        item.append(excerpt);
        return item;
      }),
    );
    more.hidden = shown.length >= count;
  }

  function navigate(state: SearchState, replace = false): void {
    const url = `${location.pathname}${writeState(state)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void render(state);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => navigate(currentState(), true), 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(currentState());
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    navigate(currentState());
  });
  clear.addEventListener('click', () => navigate({ ...currentState(), filters: {} }));
  more.addEventListener('click', () => {
    const state = readState(location.search, facets);
    navigate({ ...state, page: state.page + 1 }, true);
  });
  window.addEventListener('popstate', () => void render(readState(location.search, facets)));
  void render(readState(location.search, facets));
}

/**
 * The search page: Pagefind's JavaScript API behind a plain form. The whole state (query, filters,
 * sort, page) lives in the URL, so a link reproduces a view and the back button works. Values
 * within one facet combine with OR, facets with AND; filters work without a query. The facets are
 * in the page's HTML with their totals, so Pagefind is fetched only on first use: when the reader
 * focuses or types in the form, or when the URL already carries a search.
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
  resultCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  noResults: string;
  loading: string;
  showAll: string;
  showFewer: string;
}

/** How many values a long facet shows before "show all": its most common ones. */
const SHORT_LIST = 10;

/** Text folded for matching a typed filter: case and accents ignored ("cote" finds "Côte"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Which values of a long facet to show: every ticked one; with a filter typed, the ones whose
 * label contains it; otherwise all when expanded, or the most common ones.
 */
export function visibleValues(
  values: readonly { label: string; total: number; checked: boolean }[],
  view: { filter: string; expanded: boolean },
): boolean[] {
  const filter = foldText(view.filter);
  const common = new Set(
    values
      .map((value, index) => ({ index, total: value.total }))
      .sort((a, b) => b.total - a.total || a.index - b.index)
      .slice(0, SHORT_LIST)
      .map(({ index }) => index),
  );
  return values.map((value, index) => {
    if (value.checked) return true;
    if (filter) return foldText(value.label).includes(filter);
    return view.expanded || common.has(index);
  });
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

/** True when a state asks for a search: a query, a filter, a sort or a later page. */
export function hasSearch(state: SearchState): boolean {
  return state.query !== '' || Object.keys(state.filters).length > 0 || state.sort !== '' || state.page > 1;
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
  const boxes = [...facetBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const facets = [...new Set(boxes.map((box) => box.name))];
  const plural = new Intl.PluralRules(document.documentElement.lang);
  /** Shows or hides the values of each long facet for its filter, its show-all state and what is ticked. */
  const facetViews: (() => void)[] = [];
  let pagefind: Promise<Pagefind> | undefined;
  let run = 0;

  function load(): Promise<Pagefind> {
    pagefind ??= (async () => {
      const url = form.dataset['pagefindUrl'] ?? '/pagefind/pagefind.js';
      const engine = (await import(/* @vite-ignore */ url)) as Pagefind;
      // A site served from a sub-folder (BASE_PATH) needs that folder in front of every result's
      // address. Pagefind would guess it from where its bundle loads; the page states it.
      await engine.options({ excerptLength: 30, baseUrl: form.dataset['baseUrl'] ?? '/' });
      await engine.init();
      // Pagefind counts results only for the filters whose index it has loaded; loading them all
      // up front gives every facet a live count, not just the facets in use.
      await engine.filters();
      return engine;
    })();
    return pagefind;
  }

  function currentState(): SearchState {
    const filters: Record<string, string[]> = {};
    for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
    return { query: input.value.trim(), filters, sort: sortSelect.value as SearchState['sort'], page: 1 };
  }

  /** Updates the checkboxes and their counts in place, so keyboard focus stays where it was. */
  function showFacets(counts: Record<string, Record<string, number>> | undefined, state: SearchState): void {
    for (const box of boxes) {
      box.checked = state.filters[box.name]?.includes(box.value) ?? false;
      const count = box.parentElement?.querySelector<HTMLElement>('.facet-count');
      if (!count) continue;
      const value = counts ? (counts[box.name]?.[box.value] ?? 0) : Number(count.dataset['total']);
      count.textContent = `(${value})`;
    }
    clear.hidden = Object.keys(state.filters).length === 0;
    for (const update of facetViews) update();
  }

  function announce(count: number): string {
    if (count === 0) return strings.noResults;
    const template = strings.resultCount[plural.select(count)] ?? strings.resultCount.other;
    return template.replace('{count}', count.toLocaleString(document.documentElement.lang));
  }

  function resultItem(result: PagefindResultData): HTMLLIElement {
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
    showFacets(undefined, state);
    if (!hasSearch(state)) {
      // Nothing asked: the totals in the HTML stand, and Pagefind need not be fetched for them.
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    const engine = await load();
    const filters = Object.fromEntries(
      Object.entries(state.filters).map(([facet, values]) => [facet, { any: values }]),
    );
    const sort: Record<string, 'asc' | 'desc'> | undefined = state.sort
      ? { date: state.sort === 'newest' ? 'desc' : 'asc' }
      : undefined;
    const search = await engine.search(state.query || null, { filters, ...(sort ? { sort } : {}) });
    if (id !== run || !search) return;
    showFacets(search.filters, state);
    const shown = search.results.slice(0, PAGE_SIZE * state.page);
    const data = await Promise.all(shown.map((result) => result.data()));
    if (id !== run) return;
    const count = search.results.length;
    status.textContent = announce(count);
    list.replaceChildren(...data.map(resultItem));
    more.hidden = shown.length >= count;
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
    void render(state);
  }

  /** Long facets: a filter box and a show-all button narrow a list of dozens of values. */
  for (const update of [...facetBox.querySelectorAll<HTMLFieldSetElement>('fieldset[data-long]')].map((fieldset) => {
    const filter = fieldset.querySelector<HTMLInputElement>('input[data-facet-filter]');
    const more = fieldset.querySelector<HTMLButtonElement>('button[data-facet-more]');
    const labels = [...fieldset.querySelectorAll<HTMLLabelElement>('label')].filter((label) =>
      label.querySelector('input[type=checkbox]'),
    );
    const showAll = more?.textContent ?? '';
    const update = (): void => {
      const expanded = more?.getAttribute('aria-expanded') === 'true';
      const shown = visibleValues(
        labels.map((label) => ({
          label: label.textContent ?? '',
          total: Number(label.querySelector<HTMLElement>('.facet-count')?.dataset['total'] ?? 0),
          checked: label.querySelector('input')?.checked ?? false,
        })),
        { filter: filter?.value ?? '', expanded },
      );
      labels.forEach((label, index) => (label.hidden = !shown[index]));
      if (more) {
        more.hidden = (filter?.value ?? '') !== '';
        more.textContent = expanded ? strings.showFewer : showAll;
      }
    };
    filter?.addEventListener('input', update);
    // A filter box is not a search field of the form: typing in it must not start a search.
    filter?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    more?.addEventListener('click', () => {
      more.setAttribute('aria-expanded', String(more.getAttribute('aria-expanded') !== 'true'));
      update();
    });
    return update;
  })) {
    facetViews.push(update);
    update();
  }

  controls.hidden = false;
  // On a phone the filters come before the results: groups without a ticked value start folded,
  // so the results are a short scroll away.
  if (window.matchMedia('(max-width: 48rem)').matches) {
    const { filters } = readState(location.search, facets);
    for (const group of facetBox.querySelectorAll('details')) {
      const facet = group.querySelector('input')?.name ?? '';
      group.open = facet in filters;
    }
  }
  // Fetch the index as soon as the reader shows an intent to search, before the first keystroke lands.
  form.addEventListener('focusin', () => void load(), { once: true });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => navigate(currentState(), true), 150);
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
    void render(readState(location.search, facets));
  });
  keepSearchInSwitcher();
  void render(readState(location.search, facets));
}

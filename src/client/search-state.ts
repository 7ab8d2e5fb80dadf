/**
 * The search page's state as the URL carries it: words, ticked values per facet, sort and page.
 * Values within one facet combine with OR, facets with AND; filters work without words.
 */

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

/** True when a state asks for a search: a query, a filter, a sort or a later page. */
export function hasSearch(state: SearchState): boolean {
  return state.query !== '' || Object.keys(state.filters).length > 0 || state.sort !== '' || state.page > 1;
}

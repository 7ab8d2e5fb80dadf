/**
 * One facet's list of checkboxes on the search page. The page carries a short facet whole and a
 * long one's most common values; the rest of a long facet's values come from its value list
 * (`/search/<facet>.json`), fetched the first time the reader narrows or expands it, and become
 * checkboxes only when shown, `facetPage` at a time. Checkboxes, once made, stay in the page in
 * display order and are hidden or shown, so keyboard focus stays where it was.
 */
import { facetPage } from '../search/facet-limits.ts';

/** Text folded for matching a typed filter: case and accents ignored ("cote" finds "Côte"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** What decides whether a value is shown. */
export interface ValueView {
  readonly label: string;
  /** One of the facet's most common values, which the page carries. */
  readonly common: boolean;
  readonly checked: boolean;
}

/**
 * Which values of a long facet to show: every ticked one; with a filter typed, the ones whose
 * label contains it; expanded, all of them; otherwise the most common. Of the values the filter
 * or the expansion adds, at most `limit` are shown, in display order; `hidden` says how many more
 * there are, `matches` how many match the filter.
 */
export function visibleValues(
  values: readonly ValueView[],
  view: { readonly filter: string; readonly expanded: boolean; readonly limit: number },
): { shown: boolean[]; hidden: number; matches: number } {
  const filter = foldText(view.filter);
  let added = 0;
  let hidden = 0;
  let matches = 0;
  const shown = values.map((value) => {
    const candidate = filter ? foldText(value.label).includes(filter) : view.expanded || value.common;
    if (filter && candidate) matches++;
    if (value.checked) return true;
    if (!candidate) return false;
    if (!filter && !view.expanded) return true;
    if (added < view.limit) {
      added++;
      return true;
    }
    hidden++;
    return false;
  });
  return { shown, hidden, matches };
}

/** One value of a facet: its code, its label (and the label's language, if not the page's) and its total. */
interface Value {
  readonly code: string;
  readonly label: string;
  readonly lang: string | undefined;
  readonly total: number;
  readonly index: number;
  readonly common: boolean;
}

export interface FacetStrings {
  readonly showAll: string;
  readonly showFewer: string;
  readonly showMore: string;
  readonly matches: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

/** How a facet reads a value's count: the count among the current results, or none before a search. */
export type CountOf = (code: string) => number | undefined;

export class FacetList {
  readonly facet: string;
  readonly #box: HTMLElement;
  readonly #filter: HTMLInputElement | null;
  readonly #more: HTMLButtonElement | null;
  readonly #next: HTMLButtonElement | null;
  readonly #status: HTMLElement | null;
  readonly #strings: FacetStrings;
  readonly #valuesUrl: string | undefined;
  readonly #valueCount: number;
  readonly #plural: Intl.PluralRules;
  readonly #rows = new Map<string, HTMLLabelElement>();
  #values: Value[];
  #full: Promise<void> | undefined;
  #limit = facetPage;
  #countOf: CountOf = () => undefined;

  constructor(fieldset: HTMLFieldSetElement, strings: FacetStrings) {
    this.facet = fieldset.dataset['facet'] ?? '';
    this.#box = fieldset.querySelector<HTMLElement>('.facet-values') ?? fieldset;
    this.#filter = fieldset.querySelector<HTMLInputElement>('input[data-facet-filter]');
    this.#more = fieldset.querySelector<HTMLButtonElement>('button[data-facet-more]');
    this.#next = fieldset.querySelector<HTMLButtonElement>('button[data-facet-next]');
    this.#status = fieldset.querySelector<HTMLElement>('[data-facet-matches]');
    this.#strings = strings;
    this.#valuesUrl = fieldset.dataset['valuesUrl'];
    this.#valueCount = Number(fieldset.dataset['valueCount'] ?? 0);
    this.#plural = new Intl.PluralRules(document.documentElement.lang);
    this.#values = [...this.#box.querySelectorAll<HTMLLabelElement>('label')].map((row) => {
      const input = row.querySelector('input');
      const code = input?.value ?? '';
      this.#rows.set(code, row);
      return {
        code,
        label: row.textContent?.replace(/\(\d[\d,]*\)\s*$/, '').trim() ?? code,
        lang: undefined,
        total: Number(row.querySelector<HTMLElement>('.facet-count')?.dataset['total'] ?? 0),
        index: Number(row.dataset['index'] ?? 0),
        common: true,
      };
    });

    this.#filter?.addEventListener('input', () => {
      this.#limit = facetPage;
      this.#withAllValues();
    });
    // A filter box is not a search field of the form: Enter in it must not start a search.
    this.#filter?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    this.#more?.addEventListener('click', () => {
      this.#more?.setAttribute('aria-expanded', String(!this.#expanded()));
      this.#limit = facetPage;
      this.#withAllValues();
    });
    this.#next?.addEventListener('click', () => {
      const shown = new Set(this.#visibleRows());
      this.#limit += facetPage;
      this.render();
      // Focus moves to the first value the button added, where reading goes on; it would
      // otherwise fall to the page when the button hides after the last values.
      this.#visibleRows()
        .find((row) => !shown.has(row))
        ?.querySelector('input')
        ?.focus();
    });
  }

  /** Ticks exactly the given codes; a ticked value the page does not carry is fetched and shown. */
  setChecked(codes: readonly string[]): void {
    const wanted = new Set(codes);
    for (const [code, row] of this.#rows) {
      const input = row.querySelector('input');
      if (input) input.checked = wanted.has(code);
    }
    if (codes.some((code) => !this.#rows.has(code))) this.#withAllValues(wanted);
    else this.render();
  }

  /** Shows each value's count among the current results, or its total when `countOf` has none. */
  setCounts(countOf: CountOf): void {
    this.#countOf = countOf;
    for (const [code, row] of this.#rows) this.#showCount(code, row);
  }

  /** Shows and hides values for the filter, the expansion and what is ticked. */
  render(): void {
    const filter = this.#filter?.value ?? '';
    const { shown, hidden, matches } = visibleValues(
      this.#values.map((value) => ({
        label: value.label,
        common: value.common,
        checked: this.#rows.get(value.code)?.querySelector('input')?.checked ?? false,
      })),
      { filter, expanded: this.#expanded(), limit: this.#limit },
    );
    this.#values.forEach((value, index) => {
      const visible = shown[index] ?? false;
      const row = this.#rows.get(value.code) ?? (visible ? this.#addRow(value) : undefined);
      if (row) row.hidden = !visible;
    });
    if (this.#next) {
      this.#next.hidden = hidden === 0;
      this.#next.textContent = this.#strings.showMore.replace('{count}', String(Math.min(hidden, facetPage)));
    }
    if (this.#more) {
      this.#more.hidden = filter !== '';
      this.#more.textContent = this.#expanded()
        ? this.#strings.showFewer
        : this.#strings.showAll.replace('{count}', this.#valueCount.toLocaleString(document.documentElement.lang));
    }
    if (this.#status) {
      const template = this.#strings.matches[this.#plural.select(matches)] ?? this.#strings.matches.other;
      const text = filter ? template.replace('{count}', matches.toLocaleString(document.documentElement.lang)) : '';
      // Rewritten only when it changes, so a screen reader does not hear it again on every search.
      if (this.#status.textContent !== text) this.#status.textContent = text;
    }
  }

  /** The values shown, in display order. */
  #visibleRows(): HTMLLabelElement[] {
    return [...this.#box.querySelectorAll<HTMLLabelElement>(':scope > label')].filter((row) => !row.hidden);
  }

  #expanded(): boolean {
    return this.#more?.getAttribute('aria-expanded') === 'true';
  }

  /** Renders once the full value list is in (fetched on first use), ticking `checked` if given. */
  #withAllValues(checked?: ReadonlySet<string>): void {
    this.render();
    this.#full ??= this.#loadValues();
    void this.#full.then(() => {
      if (checked) {
        for (const code of checked) if (!this.#rows.has(code)) this.#ensureRow(code);
        for (const [code, row] of this.#rows) {
          const input = row.querySelector('input');
          if (input) input.checked = checked.has(code);
        }
      }
      this.render();
    });
  }

  async #loadValues(): Promise<void> {
    if (!this.#valuesUrl) return;
    try {
      const response = await fetch(this.#valuesUrl);
      if (!response.ok) throw new Error(`${response.status} fetching ${this.#valuesUrl}`);
      const list = (await response.json()) as [string, string, number, string?][];
      const common = new Set(this.#values.map((value) => value.code));
      this.#values = list.map(([code, label, total, lang], index) => ({
        code,
        label,
        lang,
        total,
        index,
        common: common.has(code),
      }));
    } catch (error) {
      // The page still works with the values it carries; the reader loses only the long tail.
      console.error(`The values of the ${this.facet} facet could not be loaded:`, error);
    }
  }

  #ensureRow(code: string): void {
    const value = this.#values.find((candidate) => candidate.code === code);
    if (value) this.#addRow(value);
  }

  /** Makes a value's checkbox, in its place in display order. */
  #addRow(value: Value): HTMLLabelElement {
    const row = document.createElement('label');
    row.dataset['index'] = String(value.index);
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = this.facet;
    input.value = value.code;
    const name = document.createElement('span');
    name.textContent = value.label;
    if (value.lang) name.lang = value.lang;
    const count = document.createElement('span');
    count.className = 'facet-count';
    count.dataset['total'] = String(value.total);
    row.append(input, ' ', name, ' ', count);
    // The checkboxes already made are in display order: the new one goes before the first that follows it.
    const after = [...this.#box.querySelectorAll<HTMLElement>(':scope > label')].find(
      (other) => Number(other.dataset['index']) > value.index,
    );
    this.#box.insertBefore(row, after ?? null);
    this.#rows.set(value.code, row);
    this.#showCount(value.code, row);
    return row;
  }

  #showCount(code: string, row: HTMLLabelElement): void {
    const count = row.querySelector<HTMLElement>('.facet-count');
    if (!count) return;
    const value = this.#countOf(code) ?? Number(count.dataset['total']);
    const text = `(${value.toLocaleString(document.documentElement.lang)})`;
    if (count.textContent !== text) count.textContent = text;
  }
}

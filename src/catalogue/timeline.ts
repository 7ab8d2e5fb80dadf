import { byDate, type PartialDate } from '../schemas/date.ts';
import type { AgreementEvent } from '../schemas/index.ts';
import type { Agreement, Catalogue } from './derive.ts';

/** One dated line of the timeline: an agreement's signing, or one of its events. */
export type TimelineItem =
  | { readonly type: 'signing'; readonly date: PartialDate; readonly agreement: Agreement }
  | {
      readonly type: 'event';
      readonly date: PartialDate;
      readonly agreement: Agreement;
      readonly event: AgreementEvent;
    };

/** A month of the timeline, with the items dated to that month or to one of its days. */
export interface TimelineMonth {
  /** 1 to 12. */
  readonly month: number;
  /** The first day of the month, for formatting its name. */
  readonly date: PartialDate;
  readonly items: readonly TimelineItem[];
}

/** A year of the timeline: items known only to the year, then its months. */
export interface TimelineYear {
  readonly year: number;
  /** Items whose sources give the year alone; they are never placed in a month. */
  readonly yearOnly: readonly TimelineItem[];
  /** Months with at least one item, newest first. */
  readonly months: readonly TimelineMonth[];
}

/** The whole timeline and its static filtered views, derived once. */
export interface Timelines {
  readonly all: readonly TimelineYear[];
  /** Keyed by country code. */
  readonly byCountry: ReadonlyMap<string, readonly TimelineYear[]>;
  /** Keyed by topic id. */
  readonly byTopic: ReadonlyMap<string, readonly TimelineYear[]>;
}

/**
 * An event repeats the agreement's own line when it records the signing on the same date; it is
 * left out so that each signing appears once.
 */
function repeatsSigning(agreement: Agreement, event: AgreementEvent): boolean {
  return event.kind === 'signed' && event.date.iso === agreement.data.signed.iso;
}

/** The dated items of some agreements: each signing once, and every other event. */
export function timelineItems(agreements: readonly Agreement[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const agreement of agreements) {
    items.push({ type: 'signing', date: agreement.data.signed, agreement });
    for (const event of agreement.data.events) {
      if (!repeatsSigning(agreement, event)) items.push({ type: 'event', date: event.date, agreement, event });
    }
  }
  return items;
}

/** Newest first; within a day, signings before events, then by agreement id for a stable order. */
function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    byDate(b.date, a.date) ||
    (a.type === b.type ? 0 : a.type === 'signing' ? -1 : 1) ||
    a.agreement.id.localeCompare(b.agreement.id)
  );
}

/**
 * Groups items by year and month, newest first. A date known to the month or the day goes under
 * its month; a date known only to its year goes under the year, so no month or day is invented.
 */
export function groupTimeline(items: readonly TimelineItem[]): TimelineYear[] {
  const years = new Map<number, { yearOnly: TimelineItem[]; months: Map<number, TimelineItem[]> }>();
  for (const item of [...items].sort(compareItems)) {
    const { year, month } = item.date;
    let entry = years.get(year);
    if (!entry) {
      entry = { yearOnly: [], months: new Map() };
      years.set(year, entry);
    }
    if (month === undefined) {
      entry.yearOnly.push(item);
      continue;
    }
    const list = entry.months.get(month);
    if (list) list.push(item);
    else entry.months.set(month, [item]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, { yearOnly, months }]) => ({
      year,
      yearOnly,
      months: [...months]
        .sort(([a], [b]) => b - a)
        .map(([month, list]) => ({
          month,
          date: { iso: `${year}-${String(month).padStart(2, '0')}`, precision: 'month', year, month },
          items: list,
        })),
    }));
}

/** The timeline of the whole catalogue, and one per country and per topic, from its indexes. */
export function deriveTimelines(catalogue: Catalogue): Timelines {
  return {
    all: groupTimeline(timelineItems(catalogue.agreements)),
    byCountry: new Map(
      catalogue.countries.map((country) => [country.code, groupTimeline(timelineItems(country.agreements))]),
    ),
    byTopic: new Map(catalogue.topics.map((topic) => [topic.id, groupTimeline(timelineItems(topic.agreements))])),
  };
}

/** Which timeline a page shows: the whole catalogue's, or one country's or one topic's. */
export type TimelineScope =
  | { readonly type: 'all' }
  | { readonly type: 'country'; readonly code: string }
  | { readonly type: 'topic'; readonly id: string };

/**
 * How many items a page of a timeline year lists. A year lists every signing and event of its
 * agreements, so a page per year would still grow with the catalogue: on a synthetic catalogue of
 * 2,000 agreements the busiest year holds 322 items, and an item weighs about 360 bytes of HTML in
 * Japanese, so 100 items add about 36 KiB to the page around them.
 *
 * `ACCORD_TIMELINE_PAGE_SIZE` sets a smaller page, so that a catalogue of a few agreements (the
 * test fixtures') has timelines of every shape: one page, years of one page, years of several.
 */
export const timelinePageSize = pageSizeFrom(process.env['ACCORD_TIMELINE_PAGE_SIZE']);

function pageSizeFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `ACCORD_TIMELINE_PAGE_SIZE is "${value}": it must be a whole number of timeline items, 1 or more (unset: 100).`,
    );
  }
  return size;
}

/** How many items a year holds: those known to the year alone and those of its months. */
export function yearItemCount(year: TimelineYear): number {
  return year.months.reduce((total, month) => total + month.items.length, year.yearOnly.length);
}

/** One page of a timeline year. */
export interface TimelinePage {
  /** From 1. */
  readonly page: number;
  /** How many pages the year takes, at least one. */
  readonly pageCount: number;
  /** The year's items on this page, grouped as the year is: the year-only items, then the months. */
  readonly section: TimelineYear;
}

/**
 * A year cut into pages of `size` items, in the order the year lists them (the items known only
 * to the year, then the months newest first). A month cut across two pages has its heading on
 * both, so every page reads on its own.
 */
export function pagesOfYear(year: TimelineYear, size = timelinePageSize): TimelinePage[] {
  const ordered: { item: TimelineItem; month: TimelineMonth | undefined }[] = [
    ...year.yearOnly.map((item) => ({ item, month: undefined })),
    ...year.months.flatMap((month) => month.items.map((item) => ({ item, month }))),
  ];
  const pageCount = Math.max(1, Math.ceil(ordered.length / size));
  return Array.from({ length: pageCount }, (_, index) => {
    const slice = ordered.slice(index * size, (index + 1) * size);
    const months: { month: TimelineMonth; items: TimelineItem[] }[] = [];
    for (const { item, month } of slice) {
      if (!month) continue;
      const last = months[months.length - 1];
      if (last?.month === month) last.items.push(item);
      else months.push({ month, items: [item] });
    }
    return {
      page: index + 1,
      pageCount,
      section: {
        year: year.year,
        yearOnly: slice.flatMap(({ item, month }) => (month ? [] : [item])),
        months: months.map(({ month, items }) => ({ month: month.month, date: month.date, items })),
      },
    };
  });
}

/** A page of one year of one timeline, with everything its route passes to the page. */
export interface ScopedTimelinePage {
  readonly scope: TimelineScope;
  /** Every year of the scope's timeline, for the links between years. */
  readonly years: readonly TimelineYear[];
  readonly page: TimelinePage;
}

/**
 * Whether a timeline is read a year at a time: only when it holds more items than a page lists.
 * A smaller one (most countries' and topics') is read whole on its front page, its years linked as
 * sections of it: on the real catalogue of 137 agreements, 72 year pages are built instead of 966.
 */
export function hasYearPages(years: readonly TimelineYear[], size = timelinePageSize): boolean {
  let items = 0;
  for (const year of years) {
    items += yearItemCount(year);
    if (items > size) return true;
  }
  return false;
}

/** Every page of every year of a timeline read a year at a time; none for a timeline read whole. */
export function yearPagesOf(
  scope: TimelineScope,
  years: readonly TimelineYear[],
  size = timelinePageSize,
): ScopedTimelinePage[] {
  if (!hasYearPages(years, size)) return [];
  return years.flatMap((year) => pagesOfYear(year, size).map((page) => ({ scope, years, page })));
}

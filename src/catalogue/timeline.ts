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

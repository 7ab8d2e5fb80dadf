import { z } from 'zod';
import type { DatePrecision } from '../vocabulary.ts';

/**
 * A date known to a year, a month or a day. Stored as the ISO 8601 prefix the source supports
 * (`2022`, `2022-05`, `2022-05-26`) so nothing is invented: a month-precise date never gains a day.
 */
export interface PartialDate {
  /** The ISO 8601 text at its precision: `2022`, `2022-05` or `2022-05-26`. */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** The text form of a partial date: `2022`, `2022-05` or `2022-05-26`. */
export const partialDatePattern = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Parses `2022`, `2022-05` or `2022-05-26`; returns undefined for anything else or an impossible date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  if (!partialDatePattern.test(text)) return undefined;
  const [y, m, d] = text.split('-');
  const year = Number(y);
  // No agreement of this catalogue predates 1900; `0000` is a typo, not a year.
  if (year < 1900) return undefined;
  if (m === undefined) return { iso: text, precision: 'year', year };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { iso: text, precision: 'month', year, month };
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { iso: text, precision: 'day', year, month, day };
}

/**
 * The catalogue's YAML parser (YAML 1.2 core schema) gives an unquoted `2022` as a number, and a
 * YAML 1.1 parser gives `2022-05-26` as a timestamp; both are taken as the date they write, so
 * contributors need not quote dates.
 */
function toDateText(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return value;
}

export const partialDateSchema = z
  .preprocess(
    toDateText,
    z
      .string({ error: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' })
      .regex(partialDatePattern, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
  )
  .transform((text, ctx): PartialDate => {
    const date = parsePartialDate(text);
    if (!date) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a real calendar date; write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source`,
      });
      return z.NEVER;
    }
    return date;
  })
  .describe('An ISO 8601 date at the precision the sources support: YYYY, YYYY-MM or YYYY-MM-DD.');

/** The first day a partial date can stand for, as a sortable `YYYY-MM-DD`. */
export function earliestDay(date: PartialDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month ?? 1).padStart(2, '0')}-${String(date.day ?? 1).padStart(2, '0')}`;
}

/** The last day a partial date can stand for, as a sortable `YYYY-MM-DD`. */
export function latestDay(date: PartialDate): string {
  const month = date.month ?? 12;
  const day = date.day ?? new Date(Date.UTC(date.year, month, 0)).getUTCDate();
  return `${String(date.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Compares two partial dates: negative when `a` certainly comes first, positive when it certainly
 * comes after, and 0 when their precisions overlap (`2022` and `2022-05`).
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  if (latestDay(a) < earliestDay(b)) return -1;
  if (earliestDay(a) > latestDay(b)) return 1;
  return 0;
}

/** The key that orders dates in lists: the first day each can stand for, so `2022` sorts as 1 January. */
export function sortKey(date: PartialDate): string {
  return earliestDay(date);
}

/** Orders two dates for a list, oldest first, by their sort keys: the comparator every list sorts with. */
export function byDate(a: PartialDate, b: PartialDate): number {
  return sortKey(a).localeCompare(sortKey(b));
}

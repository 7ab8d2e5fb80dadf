import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  earliestDay,
  latestDay,
  parsePartialDate,
  partialDateSchema,
} from '../../src/schemas/date.ts';

describe('partial dates', () => {
  it('keeps the precision the source gives', () => {
    expect(parsePartialDate('2022')).toEqual({ iso: '2022', precision: 'year', year: 2022 });
    expect(parsePartialDate('2022-05')).toEqual({ iso: '2022-05', precision: 'month', year: 2022, month: 5 });
    expect(parsePartialDate('2022-05-26')).toEqual({
      iso: '2022-05-26',
      precision: 'day',
      year: 2022,
      month: 5,
      day: 26,
    });
  });

  it('rejects impossible calendar dates', () => {
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')?.day).toBe(29);
    expect(parsePartialDate('2022-13')).toBeUndefined();
    expect(parsePartialDate('22-05-26')).toBeUndefined();
  });

  it('accepts the timestamps and numbers YAML makes of unquoted dates', () => {
    expect(partialDateSchema.parse(new Date('2022-05-26T00:00:00Z')).iso).toBe('2022-05-26');
    expect(partialDateSchema.parse(2022).precision).toBe('year');
  });

  it('explains what a date must look like', () => {
    const result = partialDateSchema.safeParse('May 2022');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('spans the whole period a partial date can mean', () => {
    const month = parsePartialDate('2024-02')!;
    expect(earliestDay(month)).toBe('2024-02-01');
    expect(latestDay(month)).toBe('2024-02-29');
  });

  it('treats overlapping precisions as neither before nor after', () => {
    const year = parsePartialDate('2022')!;
    const day = parsePartialDate('2022-05-26')!;
    expect(comparePartialDates(year, day)).toBe(0);
    expect(comparePartialDates(parsePartialDate('2021-12')!, day)).toBe(-1);
    expect(comparePartialDates(parsePartialDate('2023')!, day)).toBe(1);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import {
  deriveTimelines,
  groupTimeline,
  hasYearPages,
  pagesOfYear,
  timelineItems,
  yearItemCount,
  yearPagesOf,
  type TimelineYear,
} from '../../src/catalogue/timeline.ts';
import { agreementEntry, catalogueWith, fixtureCatalogue } from '../support/fixtures.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
});

/** Each year as `year: [year-only ids] month: [ids]`, for readable expectations. */
function outline(years: readonly TimelineYear[]): string[] {
  return years.map(
    ({ year, yearOnly, months }) =>
      `${year}: [${yearOnly.map((item) => `${item.type}:${item.agreement.id}`).join(' ')}]` +
      months
        .map(({ month, items }) => ` ${month}: [${items.map((item) => `${item.type}:${item.agreement.id}`).join(' ')}]`)
        .join(''),
  );
}

describe('the timeline', () => {
  it('puts year-only dates under their year and month-precise dates under their month, newest first', () => {
    expect(outline(deriveTimelines(catalogue).all)).toEqual([
      '2024: [signing:alpha-beta-identity-renewal-2024]',
      '2023: [] 7: [signing:beta-gamma-einvoicing-agreement-2023]',
      '2021: [] 5: [signing:alpha-beta-identity-moc-2021] 4: [event:alpha-beta-identity-moc-2021]',
    ]);
  });

  it('lists each signing once, leaving out an event that only repeats it', () => {
    const items = timelineItems(catalogue.agreements);
    const signings = items.filter((item) => item.type === 'signing').map((item) => item.agreement.id);
    expect(signings.sort()).toEqual(catalogue.agreements.map((agreement) => agreement.id).sort());
    expect(items.filter((item) => item.type === 'event' && item.event.kind === 'signed')).toEqual([]);
  });

  it('keeps a signed event whose date differs from the signing date', () => {
    const entry = agreementEntry('alpha-later-signing-2022', {
      signed: '2022-05',
      events: [{ date: '2022-06-02', kind: 'signed', title: 'Second signature', source: 'release' }],
    });
    const small = deriveCatalogue(catalogueWith([entry]), '2026-11-22');
    expect(outline(groupTimeline(timelineItems(small.agreements)))).toEqual([
      '2022: [] 6: [event:alpha-later-signing-2022] 5: [signing:alpha-later-signing-2022]',
    ]);
  });

  it('never gives a month-precise date a day', () => {
    const [year] = deriveTimelines(catalogue).all.filter((entry) => entry.year === 2023);
    expect(year?.months[0]?.items[0]?.date).toMatchObject({ iso: '2023-07', precision: 'month' });
    expect(year?.months[0]?.date).toMatchObject({ iso: '2023-07', precision: 'month', month: 7 });
  });

  it('derives one timeline per country and per topic from their own agreements', () => {
    const timelines = deriveTimelines(catalogue);
    expect([...timelines.byCountry.keys()].sort()).toEqual(['DE', 'FR', 'IT']);
    expect([...timelines.byTopic.keys()].sort()).toEqual(['digital-identity', 'e-invoicing']);
    expect(outline(timelines.byCountry.get('IT')!)).toEqual([
      '2023: [] 7: [signing:beta-gamma-einvoicing-agreement-2023]',
    ]);
    expect(outline(timelines.byTopic.get('digital-identity')!).map((line) => line.slice(0, 4))).toEqual([
      '2024',
      '2021',
    ]);
  });
});

describe('the pages of a timeline year', () => {
  /** A year of `count` agreements signed in the months given, each known to the day or the year. */
  function yearOf(dates: readonly string[]): TimelineYear {
    const entries = dates.map((signed, index) =>
      agreementEntry(`alpha-${String(index).padStart(3, '0')}-2020`, { signed }),
    );
    const [year] = groupTimeline(timelineItems(deriveCatalogue(catalogueWith(entries), '2026-11-22').agreements));
    if (!year) throw new Error('The catalogue has no year.');
    return year;
  }

  /** Each page as `page/count: [year-only ids] month: [ids]`. */
  const pageOutline = (year: TimelineYear, size: number) =>
    pagesOfYear(year, size).map(({ page, pageCount, section }) => `${page}/${pageCount}: ${outline([section])[0]}`);

  it('keeps a year that fits on one page whole', () => {
    const year = yearOf(['2020', '2020-05-01', '2020-03-02']);
    expect(pagesOfYear(year, 3)).toEqual([{ page: 1, pageCount: 1, section: year }]);
  });

  it('cuts a long year in the order it is listed, year-only items first, repeating a month cut across pages', () => {
    const year = yearOf(['2020', '2020-05-01', '2020-05-02', '2020-05-03', '2020-03-02']);
    expect(yearItemCount(year)).toBe(5);
    expect(pageOutline(year, 2)).toEqual([
      '1/3: 2020: [signing:alpha-000-2020] 5: [signing:alpha-003-2020]',
      '2/3: 2020: [] 5: [signing:alpha-002-2020 signing:alpha-001-2020]',
      '3/3: 2020: [] 3: [signing:alpha-004-2020]',
    ]);
  });

  it('puts every item of a year on exactly one page, none over the size', () => {
    const dates = Array.from({ length: 23 }, (_, index) => `2020-${String((index % 12) + 1).padStart(2, '0')}-01`);
    const year = yearOf(dates);
    const pages = pagesOfYear(year, 5);
    expect(pages).toHaveLength(5);
    expect(pages.map(({ section }) => yearItemCount(section))).toEqual([5, 5, 5, 5, 3]);
    const ids = pages.flatMap(({ section }) =>
      section.months.flatMap((month) => month.items.map((item) => item.agreement.id)),
    );
    expect(ids).toEqual(year.months.flatMap((month) => month.items.map((item) => item.agreement.id)));
  });

  it('lists the pages of every year of a timeline, each with the whole timeline for the links between years', () => {
    const timelines = deriveTimelines(catalogue);
    const pages = yearPagesOf({ type: 'all' }, timelines.all, 2);
    expect(pages.map(({ page }) => `${page.section.year}:${page.page}/${page.pageCount}`)).toEqual([
      '2024:1/1',
      '2023:1/1',
      '2021:1/1',
    ]);
    for (const page of pages) expect(page.years).toBe(timelines.all);
  });

  it('reads a timeline a year at a time only when it holds more items than a page', () => {
    const years = deriveTimelines(catalogue).all;
    const items = years.reduce((total, year) => total + yearItemCount(year), 0);
    expect(hasYearPages(years, items)).toBe(false);
    expect(yearPagesOf({ type: 'all' }, years, items)).toEqual([]);
    expect(hasYearPages(years, items - 1)).toBe(true);
    expect(hasYearPages([], 1)).toBe(false);
  });

  describe('the size of a page, set by ACCORD_TIMELINE_PAGE_SIZE', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });

    it('is 100 items unless set, and a whole number set', async () => {
      vi.stubEnv('ACCORD_TIMELINE_PAGE_SIZE', '');
      vi.resetModules();
      expect((await import('../../src/catalogue/timeline.ts')).timelinePageSize).toBe(100);
      vi.stubEnv('ACCORD_TIMELINE_PAGE_SIZE', '3');
      vi.resetModules();
      expect((await import('../../src/catalogue/timeline.ts')).timelinePageSize).toBe(3);
    });

    it.each(['0', '2.5', 'ten'])('refuses %s, naming the variable and what it allows', async (value) => {
      vi.stubEnv('ACCORD_TIMELINE_PAGE_SIZE', value);
      vi.resetModules();
      await expect(import('../../src/catalogue/timeline.ts')).rejects.toThrow(
        `ACCORD_TIMELINE_PAGE_SIZE is "${value}": it must be a whole number of timeline items, 1 or more (unset: 100).`,
      );
    });
  });
});

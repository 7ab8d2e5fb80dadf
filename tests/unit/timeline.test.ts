import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { deriveTimelines, groupTimeline, timelineItems, type TimelineYear } from '../../src/catalogue/timeline.ts';
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

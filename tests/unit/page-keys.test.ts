import { describe, expect, it } from 'vitest';
import { deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import {
  agencyKey,
  agreementKey,
  agreementsPageKey,
  dataDigest,
  feedKey,
  personKey,
  sliceFor,
  timelineFrontKey,
  timelinePageKey,
} from '../../src/catalogue/page-keys.ts';
import { deriveTimelines, yearItemCount, yearPagesOf } from '../../src/catalogue/timeline.ts';
import type { CatalogueInput } from '../../src/catalogue/input.ts';
import { agencySchema } from '../../src/schemas/index.ts';
import { agreementEntry, catalogueWith } from '../support/fixtures.ts';

/**
 * A page is copied from the last build when its key is unchanged, so a key must change with
 * everything the page shows. Each test changes one such thing and expects the key to change, and
 * one unrelated thing and expects it to stay.
 */
const page = { lastChanged: '2026-01-02', body: 'digest-of-the-body' };

const renewal = agreementEntry('test-moc-2024', {
  title: 'Renewed memorandum',
  signed: '2024',
  related: [{ agreement: 'test-moc-2022', relation: 'renews', sources: ['release'] }],
});
const base = catalogueWith([
  agreementEntry('test-moc-2022'),
  renewal,
  agreementEntry('other-moc-2023', { signed: '2023' }),
]);

const keyOf = (catalogue: Catalogue, id: string, pageOf = page): string => {
  const agreement = catalogue.agreementById.get(id)!;
  return agreementKey(agreement, sliceFor(agreement, catalogue), pageOf);
};

const derive = (input: CatalogueInput, today = '2026-06-01'): Catalogue => deriveCatalogue(input, today);

describe('the key of an agreement page', () => {
  const before = derive(base);

  it('is the same for the same catalogue', () => {
    expect(keyOf(derive(base), 'test-moc-2022')).toBe(keyOf(before, 'test-moc-2022'));
  });

  it('changes with the title of a related agreement, which the page links to', () => {
    const renamed = {
      ...base,
      agreements: base.agreements.map((entry) =>
        entry.id === 'test-moc-2024' ? { ...entry, data: { ...entry.data, title: 'Another title' } } : entry,
      ),
    };
    expect(keyOf(derive(renamed), 'test-moc-2022')).not.toBe(keyOf(before, 'test-moc-2022'));
  });

  it('changes with the name of one of its agencies, and not with an agreement it does not show', () => {
    const agencies = base.agencies.map((entry) =>
      entry.id === 'alpha-digital-office'
        ? { ...entry, data: agencySchema.parse({ ...entry.data, name: 'Renamed Office' }) }
        : entry,
    );
    expect(keyOf(derive({ ...base, agencies }), 'test-moc-2022')).not.toBe(keyOf(before, 'test-moc-2022'));
    const other = {
      ...base,
      agreements: base.agreements.map((entry) =>
        entry.id === 'other-moc-2023' ? { ...entry, data: { ...entry.data, summary: 'Changed.' } } : entry,
      ),
    };
    expect(keyOf(derive(other), 'test-moc-2022')).toBe(keyOf(before, 'test-moc-2022'));
  });

  it('changes with the day its file last changed and with its rendered body', () => {
    expect(keyOf(before, 'test-moc-2022', { ...page, lastChanged: '2026-01-03' })).not.toBe(
      keyOf(before, 'test-moc-2022'),
    );
    expect(keyOf(before, 'test-moc-2022', { ...page, body: 'another-digest' })).not.toBe(
      keyOf(before, 'test-moc-2022'),
    );
  });

  it('changes when the build day puts the agreement past its end', () => {
    const ending = catalogueWith([
      agreementEntry('test-moc-2022', {
        status: 'in-effect',
        expires: '2026-03-01',
        cite: {
          title: ['release'],
          kind: ['release'],
          signed: ['release'],
          summary: ['release'],
          status: ['release'],
          expires: ['release'],
        },
      }),
    ]);
    expect(keyOf(derive(ending, '2026-02-01'), 'test-moc-2022')).not.toBe(
      keyOf(derive(ending, '2026-04-01'), 'test-moc-2022'),
    );
  });
});

describe('the key of an agency or person page', () => {
  const before = derive(base);

  it('changes with the agreements it lists', () => {
    const renamed = {
      ...base,
      agreements: base.agreements.map((entry) =>
        entry.id === 'other-moc-2023' ? { ...entry, data: { ...entry.data, title: 'Another title' } } : entry,
      ),
    };
    const after = derive(renamed);
    const agency = (catalogue: Catalogue) => agencyKey(catalogue.agencyById.get('alpha-digital-office')!, catalogue);
    expect(agency(after)).not.toBe(agency(before));
  });

  it('changes with the person and stays with an unrelated edit', () => {
    const person = (catalogue: Catalogue) => personKey(catalogue.personById.get('ada-example')!);
    expect(person(derive(base))).toBe(person(before));
    const people = base.people.map((entry) =>
      entry.id === 'ada-example' ? { ...entry, data: { ...entry.data, name: 'Ada Renamed' } } : entry,
    );
    expect(person(derive({ ...base, people }))).not.toBe(person(before));
  });
});

describe('the key of a page of the agreements index', () => {
  const retitled = (id: string): CatalogueInput => ({
    ...base,
    agreements: base.agreements.map((entry) =>
      entry.id === id ? { ...entry, data: { ...entry.data, title: 'Another title' } } : entry,
    ),
  });
  /** The key of a page listing only `test-moc-2022`, page 2 of `count`. */
  const keyOf = (input: CatalogueInput, count = 3): string => {
    const catalogue = derive(input);
    return agreementsPageKey([catalogue.agreementById.get('test-moc-2022')!], catalogue, 2, count);
  };
  const before = keyOf(base);

  it('changes with an agreement it lists, and not with one it does not', () => {
    expect(keyOf(base)).toBe(before);
    expect(keyOf(retitled('test-moc-2022'))).not.toBe(before);
    expect(keyOf(retitled('other-moc-2023'))).toBe(before);
  });

  it('changes with the name of a topic it shows, and with the number of pages', () => {
    const catalogue = derive(base);
    const topic = catalogue.agreementById.get('test-moc-2022')!.data.topics[0]!;
    const topics = base.topics.map((entry) =>
      entry.id === topic ? { ...entry, data: { ...entry.data, name: 'Another name' } } : entry,
    );
    expect(keyOf({ ...base, topics })).not.toBe(before);
    expect(keyOf(base, 4)).not.toBe(before);
  });
});

describe("the digest of an entry's data", () => {
  it('is the same for equal data and differs when a field does', () => {
    const data = { title: 'A memorandum', topics: ['open-data'] };
    expect(dataDigest(data)).toBe(dataDigest(data));
    expect(dataDigest({ ...data })).toBe(dataDigest(data));
    expect(dataDigest({ ...data, title: 'Another memorandum' })).not.toBe(dataDigest(data));
  });
});

describe('the key of a feed', () => {
  it('changes with the day an agreement last changed, which orders the items', () => {
    const catalogue = derive(base);
    const agency = catalogue.agencyById.get('alpha-digital-office')!;
    const key = (day: string) => feedKey(agency.data, agency.agreements, catalogue, () => day);
    expect(key('2026-01-01')).toBe(key('2026-01-01'));
    expect(key('2026-01-02')).not.toBe(key('2026-01-01'));
  });
});

describe('the key of a page of a timeline year', () => {
  /** The keys of every page of the whole timeline, by year. */
  const keysOf = (input: CatalogueInput): Map<number, string> => {
    const catalogue = derive(input);
    const years = deriveTimelines(catalogue).all;
    // Pages as long as the longest year: each year one page, the timeline read a year at a time.
    const pages = yearPagesOf({ type: 'all' }, years, Math.max(...years.map(yearItemCount)));
    expect(new Set(pages.map((scoped) => scoped.page.section.year)).size).toBe(pages.length);
    return new Map(pages.map((scoped) => [scoped.page.section.year, timelinePageKey(scoped, catalogue)]));
  };
  const before = keysOf(base);
  const edited = (id: string, data: Record<string, unknown>): CatalogueInput => ({
    ...base,
    agreements: base.agreements.map((entry) =>
      entry.id === id ? { ...entry, data: { ...entry.data, ...data } } : entry,
    ),
  });

  it('is the same for the same catalogue', () => {
    expect(keysOf(base)).toEqual(before);
    expect(new Set(before.values()).size).toBe(before.size);
  });

  it("changes on the year of an agreement whose title changes, and not on other years' pages", () => {
    const after = keysOf(edited('other-moc-2023', { title: 'A new title' }));
    expect(after.get(2023)).not.toBe(before.get(2023));
    expect(after.get(2024)).toBe(before.get(2024));
  });

  it('changes on every year when a year is added, since each page links to every year', () => {
    const after = keysOf({
      ...base,
      agreements: [...base.agreements, agreementEntry('later-moc-2025', { signed: '2025' })],
    });
    expect(after.get(2024)).not.toBe(before.get(2024));
    expect(after.get(2023)).not.toBe(before.get(2023));
  });

  it('changes when a topic is renamed, since the filters name every topic', () => {
    const renamed = {
      ...base,
      topics: base.topics.map((topic, index) =>
        index === 0 ? { ...topic, data: { ...topic.data, name: 'Renamed topic' } } : topic,
      ),
    };
    expect(keysOf(renamed).get(2024)).not.toBe(before.get(2024));
  });
});

describe("the key of the front page of a country's or a topic's timeline", () => {
  const scope = { type: 'country', code: 'FR' } as const;
  const keyOf = (input: CatalogueInput, size?: number): string => {
    const catalogue = derive(input);
    return timelineFrontKey(scope, deriveTimelines(catalogue).byCountry.get('FR') ?? [], catalogue, size);
  };
  const retitled: CatalogueInput = {
    ...base,
    agreements: base.agreements.map((entry) =>
      entry.id === 'other-moc-2023' ? { ...entry, data: { ...entry.data, title: 'A new title' } } : entry,
    ),
  };

  it('is the same for the same catalogue, and differs between timelines', () => {
    expect(keyOf(base)).toBe(keyOf(base));
    const catalogue = derive(base);
    const timelines = deriveTimelines(catalogue);
    expect(keyOf(base)).not.toBe(
      timelineFrontKey({ type: 'country', code: 'DE' }, timelines.byCountry.get('DE') ?? [], catalogue),
    );
  });

  it('changes when an item changes on a timeline read whole, which lists every item', () => {
    expect(keyOf(retitled)).not.toBe(keyOf(base));
  });

  it('stays when an item changes on a timeline read a year at a time, which lists only the years', () => {
    expect(keyOf(retitled, 1)).toBe(keyOf(base, 1));
    const added = { ...base, agreements: [...base.agreements, agreementEntry('later-moc-2025', { signed: '2025' })] };
    expect(keyOf(added, 1)).not.toBe(keyOf(base, 1));
  });
});

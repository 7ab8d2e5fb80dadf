import { describe, expect, it } from 'vitest';
import { formatJapaneseNameCoverage, japaneseNameCoverage } from '../../src/checker/japanese-names.ts';
import { fill, useStrings } from '../../src/i18n/index.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';

const strings = useStrings('en');

describe('English strings', () => {
  it('shows a date at its own precision and never invents a day', () => {
    expect(strings.date(parsePartialDate('2022')!)).toBe('2022');
    expect(strings.date(parsePartialDate('2022-05')!)).toBe('May 2022');
    expect(strings.date(parsePartialDate('2022-05-26')!)).toBe('26 May 2022');
  });

  it('chooses the plural form by count', () => {
    expect(strings.plural(strings.t.counts.agreements, 1)).toBe('1 agreement');
    expect(strings.plural(strings.t.counts.agreements, 2)).toBe('2 agreements');
    expect(strings.plural(strings.t.counts.agreements, 1200)).toBe('1,200 agreements');
  });

  it('joins lists as English does', () => {
    expect(strings.list(['Japan', 'Singapore', 'United Kingdom'])).toBe('Japan, Singapore and United Kingdom');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} signed {what}', { name: 'Kono Taro' })).toBe('Kono Taro signed {what}');
  });

  it('has a label for every value of every closed vocabulary', async () => {
    const vocabulary = await import('../../src/vocabulary.ts');
    for (const kind of vocabulary.agreementKinds) expect(strings.t.kind[kind]).toBeTruthy();
    for (const status of vocabulary.agreementStatuses) expect(strings.t.status[status]).toBeTruthy();
    for (const relation of vocabulary.relationKinds) {
      expect(strings.t.relation.outgoing[relation]).toBeTruthy();
      expect(strings.t.relation.incoming[relation]).toBeTruthy();
    }
    for (const event of vocabulary.eventKinds) expect(strings.t.event[event]).toBeTruthy();
  });
});

describe('the Japanese names the check reports', () => {
  it('counts the entries of each collection that have one, as information', () => {
    const entry = (data: object) => ({ id: 'x', filePath: 'x', data });
    const coverage = japaneseNameCoverage({
      agreements: [entry({ title: 'A', titleJa: 'ア' }), entry({ title: 'B' })],
      agencies: [entry({ name: 'Digital Agency', nameJa: { text: 'デジタル庁' } })],
      people: [entry({ name: 'Kono Taro' })],
      topics: [entry({ name: 'Cloud', nameJa: 'クラウド' }), entry({ name: 'Trade' })],
    } as never);
    expect(coverage).toEqual({ agreements: [1, 2], agencies: [1, 1], people: [0, 1], topics: [1, 2] });
    expect(formatJapaneseNameCoverage(coverage)).toMatch(/^info: Japanese names: 1 of 2 agreements/);
  });
});

import { describe, expect, it } from 'vitest';
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

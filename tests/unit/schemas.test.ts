import { describe, expect, it } from 'vitest';
import { agencySchema, agreementSchema } from '../../src/schemas/index.ts';
import { agreementEntry, agreementInput } from '../support/fixtures.ts';

describe('agreement schema', () => {
  it('normalises binding to yes, no or unknown', () => {
    expect(agreementEntry('a-2022', { binding: true }).data.binding).toBe('yes');
    expect(agreementEntry('a-2022', { binding: false }).data.binding).toBe('no');
    expect(agreementEntry('a-2022', { binding: 'unknown' }).data.binding).toBe('unknown');
  });

  it('fills empty lists so pages need no checks for missing ones', () => {
    const { data } = agreementEntry('a-2022');
    expect(data.events).toEqual([]);
    expect(data.related).toEqual([]);
    expect(data.parties[0]?.signatories).toEqual([]);
  });

  it('rejects an unknown key, so a typo never passes silently', () => {
    const result = agreementSchema.safeParse(agreementInput({ signd: '2022' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects a layout key, which would let an entry choose its own page template', () => {
    expect(() => agreementEntry('a-2022', { layout: '../../layouts/Evil.astro' })).toThrow(
      /Unrecognized key: .*layout/,
    );
  });

  it('validates country codes against the country library', () => {
    expect(() => agreementEntry('a-2022', { parties: [{ country: 'JP' }, { country: 'EU' }] })).not.toThrow();
    expect(() => agreementEntry('a-2022', { parties: [{ country: 'JP' }, { country: 'UK' }] })).toThrow(/ISO 3166-1/);
    expect(() => agreementEntry('a-2022', { parties: [{ country: 'jp' }, { country: 'GB' }] })).toThrow(/ISO 3166-1/);
  });

  it('needs two parties, a topic and a source', () => {
    expect(() => agreementEntry('a-2022', { parties: [{ country: 'JP' }] })).toThrow(/two parties/);
    expect(() => agreementEntry('a-2022', { topics: [] })).toThrow(/topic/);
    expect(() => agreementEntry('a-2022', { sources: [] })).toThrow(/source/);
  });

  it('accepts only web addresses for sources', () => {
    const source = { id: 's', title: 'T', publisher: 'P', language: 'en' };
    expect(() => agreementEntry('a-2022', { sources: [{ ...source, url: 'javascript:alert(1)' }] })).toThrow(
      'it uses javascript: rather than https:',
    );
    expect(() => agreementEntry('a-2022', { sources: [{ ...source, url: 'ftp://example.org/x' }] })).toThrow(
      'it uses ftp: rather than https:',
    );
  });

  it('keeps a summary to one or two sentences', () => {
    expect(() => agreementEntry('a-2022', { summary: 'x'.repeat(321) })).toThrow(/320 characters/);
  });
});

describe('agency schema', () => {
  it('requires a known kind', () => {
    const result = agencySchema.safeParse({ name: 'X', country: 'JP', kind: 'department', description: 'x' });
    expect(result.success).toBe(false);
  });
});

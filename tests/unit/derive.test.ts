import { beforeAll, describe, expect, it } from 'vitest';
import { addTerm, deriveCatalogue, type Catalogue } from '../../src/catalogue/derive.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';
import { agreementEntry, catalogueWith, fixtureCatalogue } from '../support/fixtures.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = deriveCatalogue(await fixtureCatalogue(), '2026-11-22');
});

describe('deriving the catalogue', () => {
  it('lists agreements newest first', () => {
    expect(catalogue.agreements.map((agreement) => agreement.id)).toEqual([
      'alpha-beta-identity-renewal-2024',
      'beta-gamma-einvoicing-agreement-2023',
      'alpha-beta-identity-moc-2021',
    ]);
  });

  it('shows a relation from both ends: "renews" on one, "renewed by" on the other', () => {
    const renewal = catalogue.agreementById.get('alpha-beta-identity-renewal-2024')!;
    const original = catalogue.agreementById.get('alpha-beta-identity-moc-2021')!;
    expect(renewal.relations.map((related) => [related.relation, related.direction, related.agreement.id])).toEqual([
      ['renews', 'outgoing', 'alpha-beta-identity-moc-2021'],
    ]);
    expect(original.relations.map((related) => [related.relation, related.direction, related.agreement.id])).toEqual([
      ['renews', 'incoming', 'alpha-beta-identity-renewal-2024'],
    ]);
  });

  it('counts partner countries, agencies and topics per country', () => {
    const germany = catalogue.countryByCode.get('DE')!;
    expect(germany.agreements).toHaveLength(3);
    expect(germany.partners.map(({ item, count }) => [item, count])).toEqual([
      ['FR', 2],
      ['IT', 1],
    ]);
    expect(germany.agencies.map((agency) => agency.id)).toEqual(['beta-data-lab', 'beta-ministry-of-data']);
    expect(germany.topics.map(({ item, count }) => [item.id, count])).toEqual([
      ['digital-identity', 2],
      ['e-invoicing', 1],
    ]);
  });

  it('lists only countries with agreements, by name', () => {
    expect(catalogue.countries.map((country) => country.name)).toEqual(['France', 'Germany', 'Italy']);
  });

  it('links agencies to their agreements, partner agencies and the bodies within them', () => {
    const ministry = catalogue.agencyById.get('beta-ministry-of-data')!;
    expect(ministry.agreements).toHaveLength(2);
    expect(ministry.partners.map(({ item, count }) => [item.id, count])).toEqual([
      ['alpha-digital-office', 2],
      ['beta-data-lab', 1],
    ]);
    expect(ministry.children.map((child) => child.id)).toEqual(['beta-data-lab']);
  });

  it('links a topic to the countries cooperating on it', () => {
    const topic = catalogue.topicById.get('e-invoicing')!;
    expect(topic.countries.map(({ item }) => item)).toEqual(['DE', 'IT']);
  });

  it('records who signed what, in which role, and who only took part', () => {
    const ada = catalogue.personById.get('ada-example')!;
    expect(ada.appearances.map((item) => [item.agreement.id, item.capacity, item.role, item.country])).toEqual([
      ['alpha-beta-identity-moc-2021', 'signatory', 'Fixture Minister', 'FR'],
    ]);
    expect(catalogue.personById.get('ben-sample')!.appearances[0]?.role).toBeUndefined();
  });

  it('computes an end date from a term and flags an agreement past it', () => {
    const original = catalogue.agreementById.get('alpha-beta-identity-moc-2021')!;
    expect(original.endDate).toEqual({ date: parsePartialDate('2024-05-26'), computed: true });
    expect(original.pastEnd).toBe(true);
    const einvoicing = catalogue.agreementById.get('beta-gamma-einvoicing-agreement-2023')!;
    expect(einvoicing.endDate?.computed).toBe(false);
    expect(einvoicing.pastEnd).toBe(false);
  });
});

describe('adding a term to a partial date', () => {
  it('keeps the precision of the start date', () => {
    expect(addTerm(parsePartialDate('2022-05')!, { years: 3 }).iso).toBe('2025-05');
    expect(addTerm(parsePartialDate('2022')!, { years: 3 }).iso).toBe('2025');
    expect(addTerm(parsePartialDate('2022-11-30')!, { months: 3 }).iso).toBe('2023-02-28');
  });

  it('gives an organisation that is a party a page like a country, with its English name', () => {
    const withOrganisation = deriveCatalogue(
      catalogueWith([
        agreementEntry('test-moc-2022', {
          parties: [
            { country: 'FR', sources: ['release'] },
            { country: 'ASEAN', sources: ['release'], joined: '2023-04' },
          ],
        }),
      ]),
      '2026-11-22',
    );
    expect(withOrganisation.countryByCode.get('ASEAN')).toMatchObject({
      name: 'Association of Southeast Asian Nations',
      partners: [{ item: 'FR', count: 1 }],
    });
    expect(withOrganisation.agreements[0]?.data.parties[1]?.joined?.iso).toBe('2023-04');
  });
});

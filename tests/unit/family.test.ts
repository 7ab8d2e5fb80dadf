import { describe, expect, it } from 'vitest';
import { deriveCatalogue } from '../../src/catalogue/derive.ts';
import { agreementFamily, type FamilyNode } from '../../src/catalogue/family.ts';
import { agreementEntry, catalogueWith } from '../support/fixtures.ts';

const related = (agreement: string, relation: string) => ({ related: [{ agreement, relation }] });

/** A tree as indented lines: "relation id". */
function outline(nodes: readonly FamilyNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.relation ?? 'top'} ${node.agreement.id}`,
    ...outline(node.children, depth + 1),
  ]);
}

const catalogue = deriveCatalogue(
  catalogueWith([
    agreementEntry('alpha-accord-2020', { signed: '2020' }),
    agreementEntry('alpha-cyber-2021', { signed: '2021-03', ...related('alpha-accord-2020', 'part-of') }),
    agreementEntry('alpha-chips-2021', { signed: '2021-02', ...related('alpha-accord-2020', 'part-of') }),
    agreementEntry('alpha-cyber-plan-2022', { signed: '2022', ...related('alpha-cyber-2021', 'implements') }),
    agreementEntry('beta-alone-2022', { signed: '2022' }),
    agreementEntry('gamma-loop-one-2023', { signed: '2023', ...related('gamma-loop-two-2024', 'renews') }),
    agreementEntry('gamma-loop-two-2024', { signed: '2024', ...related('gamma-loop-one-2023', 'renews') }),
  ]),
  '2026-11-22',
);
const familyOf = (id: string) => outline(agreementFamily(catalogue.agreementById.get(id)!));

describe('the family of an agreement', () => {
  it('shows the whole family from its top, each agreement under the one it relates to, oldest first', () => {
    expect(familyOf('alpha-cyber-plan-2022')).toEqual([
      'top alpha-accord-2020',
      '  part-of alpha-chips-2021',
      '  part-of alpha-cyber-2021',
      '    implements alpha-cyber-plan-2022',
    ]);
  });

  it('is the same tree seen from any member', () => {
    expect(familyOf('alpha-accord-2020')).toEqual(familyOf('alpha-chips-2021'));
  });

  it('is empty for an agreement without relations', () => {
    expect(familyOf('beta-alone-2022')).toEqual([]);
  });

  it('shows each member of a loop once', () => {
    expect(familyOf('gamma-loop-two-2024')).toEqual(['top gamma-loop-one-2023', '  renews gamma-loop-two-2024']);
  });
});

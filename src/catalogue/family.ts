import { byDate } from '../schemas/date.ts';
import type { RelationKind } from '../vocabulary.ts';
import type { Agreement } from './derive.ts';

/** An agreement in a family tree, with the agreements that relate to it below it. */
export interface FamilyNode {
  readonly agreement: Agreement;
  /** How this agreement relates to the one above it; absent at the top of the tree. */
  readonly relation?: RelationKind;
  readonly children: readonly FamilyNode[];
}

const oldestFirst = (a: Agreement, b: Agreement) => byDate(a.data.signed, b.data.signed) || a.id.localeCompare(b.id);

/** Every agreement connected to this one through relations in either direction, itself included. */
export function familyMembers(agreement: Agreement): Agreement[] {
  const seen = new Map<string, Agreement>([[agreement.id, agreement]]);
  const queue = [agreement];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const related of next.relations) {
      if (seen.has(related.agreement.id)) continue;
      seen.set(related.agreement.id, related.agreement);
      queue.push(related.agreement);
    }
  }
  return [...seen.values()].sort(oldestFirst);
}

/**
 * The family of an agreement as a tree: at the top, the members that relate to no other (the
 * accord that others are part of, the statement that others follow up), and under each member the
 * agreements that declare a relation to it. A member reached twice is shown once, under the first
 * (oldest) parent, so a loop in the data cannot repeat forever. Empty without relations.
 */
export function agreementFamily(agreement: Agreement): FamilyNode[] {
  if (agreement.relations.length === 0) return [];
  const members = familyMembers(agreement);
  const placed = new Set<string>();
  const grow = (member: Agreement, relation?: RelationKind): FamilyNode => {
    placed.add(member.id);
    const below = member.relations
      .filter((related) => related.direction === 'incoming' && !placed.has(related.agreement.id))
      .sort((a, b) => oldestFirst(a.agreement, b.agreement));
    for (const related of below) placed.add(related.agreement.id);
    return {
      agreement: member,
      ...(relation ? { relation } : {}),
      children: below.map((related) => grow(related.agreement, related.relation)),
    };
  };
  const roots = members.filter((member) => !member.relations.some((related) => related.direction === 'outgoing'));
  // A family made only of a loop has no natural top: it starts from its oldest member.
  const starts = roots.length > 0 ? roots : members.slice(0, 1);
  const trees: FamilyNode[] = [];
  for (const start of [...starts, ...members]) if (!placed.has(start.id)) trees.push(grow(start));
  return trees;
}

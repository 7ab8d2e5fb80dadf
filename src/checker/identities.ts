import type { CatalogueInput, ContentEntry } from '../catalogue/input.ts';
import type { AgreementData } from '../schemas/index.ts';
import type { ContentProblem } from './problems.ts';

/**
 * An agency cannot be its own parent, directly or through others: pages that walk up the chain
 * would never end. Each cycle is reported once, on each agency in it.
 */
export function checkAgencyCycles(agencies: CatalogueInput['agencies'], problems: ContentProblem[]): void {
  const parentOf = new Map(agencies.map((entry) => [entry.id, entry.data.parent]));
  const reported = new Set<string>();
  for (const { id } of agencies) {
    const chain: string[] = [];
    for (let current: string | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const start = chain.indexOf(current);
      if (start !== -1) {
        const cycle = chain.slice(start);
        if (cycle.some((member) => reported.has(member))) break;
        for (const member of cycle) {
          reported.add(member);
          const entry = agencies.find((agency) => agency.id === member);
          const from = cycle.indexOf(member);
          const loop = [...cycle.slice(from), ...cycle.slice(0, from), member];
          problems.push({
            file: entry?.filePath ?? member,
            field: 'parent',
            severity: 'error',
            message: `the parents go round in a circle: ${loop.join(' → ')}.`,
            hint: 'Remove `parent` from the agency that belongs to no other, usually the ministry at the top.',
          });
        }
        break;
      }
      chain.push(current);
    }
  }
}

/**
 * A former id is an address that must keep leading to one entry, so it may not be any entry's
 * current id, nor the former id of another entry (or listed twice in the same one).
 */
export function checkFormerIds(agreements: readonly ContentEntry<AgreementData>[], problems: ContentProblem[]): void {
  const current = new Map(agreements.map((entry) => [entry.id, entry.filePath]));
  const claimed = new Map<string, string>();
  for (const { id, filePath: file, data } of agreements) {
    data.formerIds.forEach((former, f) => {
      const field = `formerIds[${f}]`;
      const owner = current.get(former);
      const earlier = claimed.get(former);
      if (owner !== undefined) {
        problems.push({
          file,
          field,
          severity: 'error',
          message:
            former === id
              ? `"${former}" is this entry's own id, not a former one.`
              : `"${former}" is the current id of ${owner}; its address cannot also redirect here.`,
          hint: 'Remove it from formerIds, or rename one of the entries.',
        });
      } else if (earlier !== undefined) {
        problems.push({
          file,
          field,
          severity: 'error',
          message: `former id "${former}" is already claimed by ${earlier}.`,
          hint: 'An old address can redirect to one entry only; keep it in the entry it really belonged to.',
        });
      } else claimed.set(former, file);
    });
  }
}

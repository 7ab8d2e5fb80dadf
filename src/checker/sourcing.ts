/**
 * The per-fact sourcing rules of an agreement (see CONTRIBUTING.md, "Sourcing rules"): every fact
 * it states names the sources that state it, every named source exists, every source supports
 * something, every other reading belongs to a fact the entry gives, and every paragraph of the body
 * cites its sources. Pure: an entry (and what its body cites) in, problems out.
 */
import type { BodyCitations } from '../markdown/citations.ts';
import type { AgreementData, Reading } from '../schemas/index.ts';
import { citedFacts, type CitedFact } from '../vocabulary.ts';
import type { ContentEntry } from '../catalogue/input.ts';
import type { ContentProblem } from './problems.ts';
import { closestIds } from '../suggest.ts';

/** A fact and the sources it names, with where it is in the file. */
interface Claim {
  /** The fact, by ids where it has them: `parties[JP].signatories[kono-taro]`. */
  readonly fact: string;
  /** Its position by index, for the line: `parties[1].signatories[0]`. */
  readonly at: string;
  /** Where its references are written, for the hint: `parties[JP].signatories[kono-taro].sources`. */
  readonly slot: string;
  /** The same by index, for the line of a wrong reference: `parties[1].signatories[0].sources`. */
  readonly slotAt: string;
  /** The source ids it names; undefined when it names none. */
  readonly sources: readonly string[] | undefined;
}

/** True when a top-level fact is stated, so it needs a source: unknown and left-out facts need none. */
export function isStated(data: AgreementData, fact: CitedFact): boolean {
  switch (fact) {
    case 'aliases':
      return data.aliases.length > 0;
    case 'titleJa':
      return data.titleJa !== undefined;
    case 'binding':
      return data.binding !== 'unknown';
    case 'status':
      return data.status !== 'unknown';
    case 'inForce':
      return data.inForce !== undefined;
    case 'expires':
      return data.expires !== undefined;
    default:
      return true;
  }
}

/** True when the entry gives the fact a reading is about. */
function readingHasFact(data: AgreementData, reading: Reading): boolean {
  switch (reading.fact) {
    case 'binding':
    case 'status':
      return data[reading.fact] !== 'unknown';
    case 'inForce':
    case 'expires':
    case 'place':
    case 'term':
      return data[reading.fact] !== undefined;
    default:
      return true;
  }
}

/** A fact's value as text, to compare a reading with the entry's own reading. */
function valueText(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    if ('iso' in value) return String(value.iso);
    // A place or a term compares without its references.
    const rest: Record<string, unknown> = { ...value };
    delete rest['sources'];
    return JSON.stringify(rest, Object.keys(rest).sort());
  }
  return String(value);
}

/** Every fact of an entry that must name its sources, with the sources it names. */
export function claimsOf(data: AgreementData): Claim[] {
  const claims: Claim[] = [];
  for (const fact of citedFacts) {
    if (!isStated(data, fact)) continue;
    claims.push({ fact, at: fact, slot: `cite.${fact}`, slotAt: `cite.${fact}`, sources: data.cite[fact] });
  }
  data.parties.forEach((party, p) => {
    const fact = `parties[${party.country}]`;
    claims.push({
      fact,
      at: `parties[${p}]`,
      slot: `${fact}.sources`,
      slotAt: `parties[${p}].sources`,
      sources: party.sources,
    });
    for (const list of ['signatories', 'participants'] as const) {
      party[list].forEach((person, s) => {
        const personFact = `${fact}.${list}[${person.person}]`;
        claims.push({
          fact: personFact,
          at: `parties[${p}].${list}[${s}]`,
          slot: `${personFact}.sources`,
          slotAt: `parties[${p}].${list}[${s}].sources`,
          sources: person.sources,
        });
      });
    }
  });
  for (const fact of ['place', 'term'] as const) {
    const value = data[fact];
    if (value)
      claims.push({ fact, at: fact, slot: `${fact}.sources`, slotAt: `${fact}.sources`, sources: value.sources });
  }
  data.related.forEach((relation, r) => {
    const fact = `related[${relation.agreement}]`;
    claims.push({
      fact,
      at: `related[${r}]`,
      slot: `${fact}.sources`,
      slotAt: `related[${r}].sources`,
      sources: relation.sources,
    });
  });
  return claims;
}

const quoted = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ');

/**
 * Checks the sourcing of one agreement. `body` is what its MDX body cites; without it (the build,
 * which runs `npm run check` first) the body's paragraphs are not checked and a source cited only
 * in the body is not reported as unused.
 */
export function checkSourcing(entry: ContentEntry<AgreementData>, body?: BodyCitations): ContentProblem[] {
  const { filePath: file, data } = entry;
  const problems: ContentProblem[] = [];
  const sourceIds = data.sources.map((source) => source.id);
  const known = new Set(sourceIds);
  const candidates = sourceIds.map((id) => ({ id }));
  const available = `the entry's sources: ${quoted(sourceIds)}`;
  const used = new Set<string>();

  const checkIds = (field: string, at: string, ids: readonly string[], line?: number) => {
    for (const id of ids) {
      used.add(id);
      if (known.has(id)) continue;
      const [closest] = closestIds(id, candidates, 1);
      problems.push({
        file,
        field,
        at,
        severity: 'error',
        ...(line !== undefined ? { line } : {}),
        message: `names source "${id}", which is not among this entry's sources.`,
        hint: closest ? `Did you mean "${closest}"?` : `Add it to sources, or use one of ${available}.`,
      });
    }
  };

  for (const claim of claimsOf(data)) {
    if (claim.sources === undefined) {
      problems.push({
        file,
        field: claim.fact,
        at: claim.at,
        severity: 'error',
        message: 'no source is named for this fact.',
        hint: `Add ${claim.slot}: [<source id>], naming the sources that state it (${available}).`,
      });
    } else checkIds(claim.slot, claim.slotAt, claim.sources);
  }

  // A reference for a fact the entry does not state would show on nothing and count as support.
  for (const fact of citedFacts) {
    const ids = data.cite[fact];
    if (ids === undefined || isStated(data, fact)) continue;
    problems.push({
      file,
      field: `cite.${fact}`,
      severity: 'error',
      message:
        fact === 'binding' || fact === 'status'
          ? `names sources for ${fact}, which the entry records as "unknown".`
          : `names sources for ${fact}, which the entry does not give.`,
      hint:
        fact === 'binding' || fact === 'status'
          ? `Write the ${fact} those sources state, or remove cite.${fact}.`
          : `Add ${fact} as the sources state it, or remove cite.${fact}.`,
    });
  }

  data.events.forEach((event) => used.add(event.source));

  const seen = new Map<string, number>();
  data.readings.forEach((reading, r) => {
    const count = (seen.get(reading.fact) ?? 0) + 1;
    seen.set(reading.fact, count);
    const field = `readings[${reading.fact}${count > 1 ? ` ${count}` : ''}]`;
    const at = `readings[${r}]`;
    checkIds(`${field}.sources`, `${at}.sources`, reading.sources);
    if (!readingHasFact(data, reading)) {
      problems.push({
        file,
        field,
        at,
        severity: 'error',
        message: `records another reading of ${reading.fact}, which the entry does not give.`,
        hint: `Give ${reading.fact} as the sources you follow state it, with its sources, or remove the reading.`,
      });
    } else if (valueText(reading.value) === valueText(data[reading.fact])) {
      problems.push({
        file,
        field: `${field}.value`,
        at: `${at}.value`,
        severity: 'error',
        message: `is the same as the entry's own ${reading.fact}, so it records no disagreement.`,
        hint: 'Write the value the other sources give, or remove the reading and cite those sources for the fact.',
      });
    }
  });

  if (body) {
    for (const cite of body.cites) {
      if (cite.ids.length === 0) {
        problems.push({
          file,
          field: 'body',
          severity: 'error',
          ...(cite.line !== undefined ? { line: cite.line } : {}),
          message: '<Cite> names no source.',
          hint: `Write <Cite source="<source id>" />, several ids separated by spaces (${available}).`,
        });
      }
      checkIds('body', 'body', cite.ids, cite.line);
    }
    for (const paragraph of body.uncited) {
      problems.push({
        file,
        field: 'body',
        severity: 'error',
        ...(paragraph.line !== undefined ? { line: paragraph.line } : {}),
        message: 'this paragraph cites no source.',
        hint: `End it with <Cite source="<source id>" />, naming the sources it rests on (${available}).`,
      });
    }
  }

  if (body) {
    data.sources.forEach((source, s) => {
      if (used.has(source.id)) return;
      problems.push({
        file,
        field: `sources[${source.id}]`,
        at: `sources[${s}]`,
        severity: 'error',
        message: 'supports no fact, event, reading or paragraph of the body.',
        hint: `Name it where it states a fact (for example cite.signed: [${source.id}], or <Cite source="${source.id}" /> after a paragraph), or remove it.`,
      });
    });
  }
  return problems;
}

/** Edit distance between two strings (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A candidate for a suggestion: its id and other words that name it (an acronym, a name). */
export interface Candidate {
  readonly id: string;
  readonly aliases?: readonly string[];
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The closest valid ids to an unknown value, best first: ids within a small edit distance, and
 * ids whose acronym or name shares a word with the value ("gds-uk" finds the Government Digital
 * Service through its acronym GDS).
 */
export function closestIds(value: string, candidates: Iterable<Candidate>, limit = 3): string[] {
  const valueWords = new Set(words(value));
  const scored: { id: string; score: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.id);
    const threshold = Math.max(2, Math.floor(Math.max(value.length, candidate.id.length) / 3));
    let score = distance <= threshold ? distance : Number.POSITIVE_INFINITY;
    for (const alias of candidate.aliases ?? []) {
      const aliasWords = words(alias);
      const acronym = aliasWords.length === 1 ? aliasWords[0] : undefined;
      if (acronym !== undefined && valueWords.has(acronym)) score = Math.min(score, 0.5);
      else if (aliasWords.some((word) => word.length > 3 && valueWords.has(word))) score = Math.min(score, 1.5);
    }
    if (Number.isFinite(score)) scored.push({ id: candidate.id, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}

import type { ContentEntry } from '../catalogue/input.ts';
import type { AgreementData } from '../schemas/index.ts';
import type { ContentProblem } from './problems.ts';

const titleWords = (title: string): Set<string> =>
  new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2),
  );

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** A source address without what does not change the page: scheme, "www.", a trailing slash, case of the host. */
function sameDocument(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Reports likely duplicates among entries with the same set of party countries: signed within a
 * year of each other with titles that share most of their words, or of the same kind, signed on
 * the same date and resting on the same source document, which is what a reworded copy looks like
 * whatever its title. Instruments announced together in one release are told apart by `related`:
 * one relating to the other, or both `part-of` the same instrument (the partnerships of one
 * accord). Entries are grouped by parties first, so the cost stays near linear in the catalogue.
 */
export function checkDuplicates(agreements: readonly ContentEntry<AgreementData>[], problems: ContentProblem[]): void {
  const groups = new Map<string, ContentEntry<AgreementData>[]>();
  for (const entry of agreements) {
    const key = [...new Set(entry.data.parties.map((party) => party.country))].sort().join('+');
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  const parents = (entry: ContentEntry<AgreementData>) =>
    entry.data.related.filter((relation) => relation.relation === 'part-of').map((relation) => relation.agreement);
  const linked = (a: ContentEntry<AgreementData>, b: ContentEntry<AgreementData>) =>
    a.data.related.some((relation) => relation.agreement === b.id) ||
    b.data.related.some((relation) => relation.agreement === a.id) ||
    parents(a).some((parent) => parents(b).includes(parent));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Sorted by year, each entry is compared only with the few that follow it within a year.
    const entries = group
      .map((entry) => ({
        entry,
        words: titleWords(entry.data.title),
        documents: new Set(entry.data.sources.map((source) => sameDocument(source.url))),
      }))
      .sort((a, b) => a.entry.data.signed.year - b.entry.data.signed.year);
    entries.forEach(({ entry: a, words: aWords, documents }, i) => {
      for (let j = i + 1; j < entries.length; j += 1) {
        const next = entries[j];
        if (!next) break;
        const { entry: b, words: bWords } = next;
        if (b.data.signed.year - a.data.signed.year > 1) break;
        const similarTitles = similarity(aWords, bWords) >= 0.8;
        const shared =
          a.data.signed.iso === b.data.signed.iso && a.data.kind === b.data.kind
            ? b.data.sources.find((source) => documents.has(sameDocument(source.url)))
            : undefined;
        if (!similarTitles && (!shared || linked(a, b))) continue;
        problems.push({
          file: b.filePath,
          field: 'title',
          severity: 'warning',
          message: similarTitles
            ? `looks like a duplicate of ${a.filePath}: same parties, signed ${a.data.signed.iso} and ${b.data.signed.iso}, similar titles.`
            : `looks like a reworded copy of ${a.filePath}: same parties, same kind, same date signed (${b.data.signed.iso}) and the same source, ${shared?.url ?? ''}.`,
          hint: similarTitles
            ? 'If both are distinct instruments, link them with `related`; otherwise merge them.'
            : 'If both are distinct instruments, link them with `related` (one to the other, or both part-of the instrument they belong to); otherwise merge them.',
        });
      }
    });
  }
}

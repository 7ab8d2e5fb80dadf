/**
 * Extra search words for Japanese text. Pagefind splits Japanese at index time with its own
 * segmenter, which keeps a katakana compound such as ガバメントクラウド whole, but the browser
 * splits a query with `Intl.Segmenter`, which cuts the same compound into short pieces
 * (ガバ, メン, トク, ラウ, ド) that all must match: the compound typed as one word then found
 * nothing. Indexing each name's `Intl.Segmenter` pieces beside the name makes the query's pieces
 * match, whatever the segmenter does; tests/browser/search-ja.test.ts proves the lookup.
 */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The word pieces of every text that contains Japanese, each once, space-separated. */
export function searchSegments(texts: readonly string[]): string {
  const pieces = new Set<string>();
  for (const text of texts) {
    if (!japanese.test(text)) continue;
    for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) pieces.add(segment);
  }
  return [...pieces].join(' ');
}

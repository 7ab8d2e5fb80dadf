import type { Violation } from './unsafe-mdx.ts';

/**
 * How deep a body may nest: Markdown containers (lists, quotes) and JSX elements counted apart,
 * and the depth of the whole syntax tree. A few levels are all prose needs; thousands overflowed
 * the stack of the build and hung the parser.
 */
export const nestingLimits = {
  /** Container markers (`- `, `1. `, `> `) opening one line. */
  markers: 12,
  /** Columns of indentation before a line's text. */
  indent: 48,
  /** Elements and components open inside each other. */
  elements: 12,
  /** Levels of the parsed syntax tree (a list inside a list item is two). */
  tree: 32,
  /**
   * Emphasis marks (`*`, `_`, `~`) in one paragraph: pairing them takes time that grows faster
   * than their number (28,000 alternating marks took 45 s to parse; 200 take a few ms).
   */
  emphasis: 200,
  /**
   * Square brackets (`[` and `]`: a link or an image has two) in one paragraph, for the same
   * reason: 4,500 stray `](` took three seconds.
   */
  brackets: 200,
  /** Backticks in one paragraph: 19,000 characters of escaped fences (\`\`\`) took 2.5 s. */
  backticks: 100,
  /** Braces in one paragraph: 16,000 `}` after an unclosed `{` took 42 s to parse. */
  braces: 100,
  /**
   * Characters in one paragraph (lines up to a blank line), which bounds what is left of the
   * parser's slow cases; the longest paragraph of an entry so far has 800.
   */
  paragraph: 5000,
  /**
   * Lines in a body: thousands of tiny blocks (empty quotes, setext underlines) slow the parser
   * down faster than they grow (6,000 empty quotes took 5 s). The longest entry has a dozen.
   */
  lines: 600,
} as const;

/** The longest body, in characters: eight times the longest entry so far. */
export const maxBodyLength = 20_000;

/** Counts of what a paragraph may hold, checked before parsing: see `nestingLimits`. */
const paragraphRules: readonly {
  readonly limit: number;
  readonly count: (line: string) => number;
  readonly message: string;
  readonly allowed: string;
}[] = [
  {
    limit: nestingLimits.paragraph,
    count: (line) => line.length + 1,
    message: `a paragraph longer than ${nestingLimits.paragraph} characters`,
    allowed: `at most ${nestingLimits.paragraph} characters in a paragraph: split it with a blank line`,
  },
  {
    limit: nestingLimits.emphasis,
    count: (line) => (line.match(/[*_~]/g) ?? []).length,
    message: `more than ${nestingLimits.emphasis} emphasis marks (*, _ or ~) in one paragraph`,
    allowed: `at most ${nestingLimits.emphasis} in a paragraph: split it, or escape the marks as \\*, \\_ and \\~`,
  },
  {
    limit: nestingLimits.brackets,
    count: (line) => (line.match(/[[\]]/g) ?? []).length,
    message: `more than ${nestingLimits.brackets} square brackets in one paragraph`,
    allowed: `at most ${nestingLimits.brackets} (${nestingLimits.brackets / 2} links) in a paragraph: split it`,
  },
  {
    limit: nestingLimits.backticks,
    count: (line) => (line.match(/`/g) ?? []).length,
    message: `more than ${nestingLimits.backticks} backticks in one paragraph`,
    allowed: `at most ${nestingLimits.backticks} in a paragraph: split it, or put long code in a code block`,
  },
  {
    limit: nestingLimits.braces,
    count: (line) => (line.match(/[{}]/g) ?? []).length,
    message: `more than ${nestingLimits.braces} braces ({ or }) in one paragraph`,
    allowed: `at most ${nestingLimits.braces}, each escaped as \\{ or \\}: entries hold no expressions`,
  },
];

/**
 * Finds text whose nesting would overflow or stall a Markdown parser before it is parsed: many
 * container markers or a deep indent on one line, and elements opened inside each other.
 */
export function scanNesting(body: string): Violation[] {
  const violations: Violation[] = [];
  let depth = 0;
  let deepestReported = false;
  const counts = paragraphRules.map(() => 0);
  const lines = body.split('\n');
  if (lines.length > nestingLimits.lines) {
    return [
      {
        line: nestingLimits.lines + 1,
        message: `a body of ${lines.length} lines`,
        allowed: `at most ${nestingLimits.lines} lines: write paragraphs as one line each, and shorten the text`,
      },
    ];
  }
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (line.trim() === '') counts.fill(0);
    else {
      // Counted in code blocks too: a line the scan took for a fence might not be one.
      for (const [index, rule] of paragraphRules.entries()) {
        const before = counts[index] ?? 0;
        const after = before + rule.count(line);
        counts[index] = after;
        if (before <= rule.limit && after > rule.limit) {
          violations.push({ line: number, message: rule.message, allowed: rule.allowed });
        }
      }
    }
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    const columns = [...indent].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
    if (columns > nestingLimits.indent) {
      violations.push({
        line: number,
        message: `a line indented by ${columns} columns`,
        allowed: `at most ${nestingLimits.indent} columns of indentation: flatten the lists`,
      });
      continue;
    }
    // A quote's `>` needs no space after it; a list marker does.
    const markers = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/.exec(line)?.[0] ?? '';
    const count = (markers.match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
    if (count > nestingLimits.markers) {
      violations.push({
        line: number,
        message: `${count} list or quote markers opening one line`,
        allowed: `at most ${nestingLimits.markers} nested lists or quotes`,
      });
      continue;
    }
    for (const tag of line.matchAll(/<(\/?)([A-Za-z][\w.:-]*)?(?:[^<>]*?)(\/?)>/g)) {
      if (tag[1] === '/') depth = Math.max(0, depth - 1);
      else if (tag[3] !== '/') depth++;
      if (depth > nestingLimits.elements && !deepestReported) {
        deepestReported = true;
        violations.push({
          line: number,
          message: `elements nested more than ${nestingLimits.elements} deep`,
          allowed: `at most ${nestingLimits.elements} elements or components inside each other`,
        });
      }
    }
  }
  return violations;
}

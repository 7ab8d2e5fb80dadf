import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { findCitations, type BodyCitations } from './citations.ts';
import { maxBodyLength, scanNesting } from './limits.ts';
import { findUnsafeMdx, type Violation } from './unsafe-mdx.ts';

/** The Markdown an entry is written in: MDX with GitHub's extensions, as `@astrojs/mdx` reads it. */
const gfmParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** MDX without GitHub's extensions, five times faster (0.9 s rather than 4.8 s for 1,000 bodies). */
const plainParser = unified().use(remarkParse).use(remarkMdx);

/**
 * What GitHub's extensions start from, in text: a table's `|`, strikethrough's `~`, a bare address
 * (`www.`, `://`, an e-mail's `@`), a footnote's `[^` and a task's `[ ]` or `[x]`. Text without any
 * of them reads the same with or without the extensions.
 */
const gfmMarks = /[|~@]|www\.|:\/\/|\[\^|\[[ x]\]/i;

/**
 * True when the extensions could read a body parsed without them differently. The marks only
 * count in the tree's text: in a component's attribute (`source="https://..."`) or a code block
 * the extensions leave them alone. A reference labelled `^…` or `x` is a footnote or a task.
 */
function needsGfm(tree: Root): boolean {
  let needed = false;
  visit(tree, (node) => {
    if (needed) return false;
    if (node.type === 'text') needed = gfmMarks.test(node.value);
    else if (node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'definition')
      needed = /^(?:\^|x$)/i.test(node.identifier);
    return undefined;
  });
  return needed;
}

/**
 * Parses a body into the tree `@astrojs/mdx` would read, with GitHub's extensions. Most bodies hold
 * none of what the extensions read, and are parsed once without them; the rest a second time with
 * them. A unit test shows that both give the same tree.
 */
export function parseBody(body: string): Root {
  if (!gfmMarks.test(body)) return plainParser.parse(body);
  const plain = plainParser.parse(body);
  return needsGfm(plain) ? gfmParser.parse(body) : plain;
}

/** The most violations reported for one body. */
const maxViolations = 20;

/** What reading a body found: what it may not contain, what it cites, and its tree when it is safe. */
export interface BodyReading {
  readonly violations: readonly Violation[];
  readonly citations: BodyCitations;
  /** The parsed body, only when it has no violation. */
  readonly tree?: Root;
}

const citesNothing: BodyCitations = { cites: [], uncited: [] };

/**
 * Reads an entry's MDX body without compiling it, for `npm run check` and the content loader: one
 * parse gives the violations, the citations and the tree the renderer turns into HTML.
 * `lineOffset` is the number of lines before the body in its file, so reported lines match the
 * file. A body that is too long or too deeply nested is reported before it is parsed; one that is
 * not valid MDX at all, as one violation at the line where parsing stopped.
 */
export function readBody(body: string, lineOffset = 0): BodyReading {
  const shift = (violation: Violation): Violation =>
    violation.line === undefined ? violation : { ...violation, line: violation.line + lineOffset };
  if (body.length > maxBodyLength) {
    return {
      violations: [
        {
          line: 1 + lineOffset,
          message: `a body of ${body.length} characters`,
          allowed: `at most ${maxBodyLength} characters: an entry summarises its sources, it does not copy them`,
        },
      ],
      citations: citesNothing,
    };
  }
  const nesting = scanNesting(body);
  if (nesting.length > 0) return { violations: nesting.map(shift), citations: citesNothing };
  let tree: Root;
  try {
    tree = parseBody(body);
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        violations: [
          {
            line: 1 + lineOffset,
            message: 'text nested too deeply to read',
            allowed: 'plain paragraphs and short lists',
          },
        ],
        citations: citesNothing,
      };
    }
    const place = (error as { place?: { line?: number; start?: { line?: number } } }).place;
    const line = place?.line ?? place?.start?.line;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      violations: [
        {
          ...(line !== undefined ? { line: line + lineOffset } : {}),
          message: `text that cannot be read as MDX (${reason})`,
          allowed: 'close every <Component> you open, and escape a literal < or { as \\< and \\{',
        },
      ],
      citations: citesNothing,
    };
  }
  const citations = findCitations(tree, lineOffset);
  const violations = findUnsafeMdx(tree).map(shift);
  if (violations.length === 0) return { violations, citations, tree };
  if (violations.length <= maxViolations) return { violations, citations };
  // A report of thousands of lines for one file helps nobody: the first ones show what to fix.
  const last = violations[maxViolations - 1];
  return {
    violations: [
      ...violations.slice(0, maxViolations),
      {
        ...(last?.line !== undefined ? { line: last.line } : {}),
        message: `${violations.length - maxViolations} more problems like these after this line`,
        allowed: 'fix the ones above, then run the check again',
      },
    ],
    citations,
  };
}

/** The violations of a body: `readBody` for callers that need nothing else. */
export const checkMdxBody = (body: string, lineOffset = 0): readonly Violation[] =>
  readBody(body, lineOffset).violations;

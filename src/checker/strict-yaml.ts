import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from './problems.ts';

/**
 * The one YAML parser of the catalogue: `npm run check`, the content loader of the build and the
 * site configuration all read content YAML through `readStrictYaml`, so they cannot disagree.
 * YAML 1.2 core schema (dates stay text; the schemas read them), every key once, no merge keys.
 */
const options = {
  version: '1.2',
  schema: 'core',
  merge: false,
  strict: true,
  uniqueKeys: true,
  prettyErrors: false,
} as const;

/**
 * How deep content YAML may nest. An agreement needs four levels (`parties[].signatories[].person`);
 * a hundred thousand `[` ran the parser out of memory, which no `catch` can report.
 */
export const yamlLimits = {
  /** Levels of lists and fields inside each other. */
  depth: 12,
  /** Columns of indentation. */
  indent: 48,
  /**
   * Characters of YAML in one file: five times the largest entry's frontmatter. The parser slows
   * down faster than the text grows on some malformed input (40,000 quotes took a second).
   */
  length: 20_000,
} as const;

/** A YAML document with the line positions of its nodes. */
export interface ParsedYaml {
  readonly document: Document;
  readonly lines: LineCounter;
}

/** Something wrong in a YAML text, with its line in that text (1-based) and the field it is in. */
export interface YamlProblem {
  readonly line?: number;
  readonly field: string;
  readonly message: string;
  readonly hint?: string;
}

/** Parses YAML with line positions, with the strict settings; never throws on what the text holds. */
export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  return { document: parseDocument(text, { ...options, lineCounter: lines }), lines };
}

/** Outside quoted text, counts how deep `[` and `{` nest; a quote's end is found approximately. */
function flowDepth(line: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (const char of line) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') break;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Finds nesting that would overwhelm the parser, before the text is parsed. */
function scanNesting(text: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  if (text.length > yamlLimits.length) {
    return [
      {
        line: 1,
        field: '',
        message: `holds ${text.length} characters of YAML; at most ${yamlLimits.length} are allowed.`,
        hint: 'An entry records facts and sources in a few lines each; put prose in the body.',
      },
    ];
  }
  let flow = 0;
  for (const [index, line] of text.split('\n').entries()) {
    // `- - - x` and `? ? x` open a level each on one line, as indentation does over several.
    const compact = (/^(?:[ \t]*(?:[-?:])(?=[ \t]|$))+/.exec(line)?.[0].match(/[-?:]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (indent > yamlLimits.indent) {
      problems.push({
        line: index + 1,
        field: '',
        message: `a line indented by ${indent} columns.`,
        hint: `Content YAML needs at most ${yamlLimits.indent} columns of indentation.`,
      });
      break;
    }
    flow = Math.max(flow, flowDepth(line));
    if (flow > yamlLimits.depth || compact > yamlLimits.depth) {
      problems.push({
        line: index + 1,
        field: '',
        message: `lists or fields nested more than ${yamlLimits.depth} deep.`,
        hint: 'Write the value as plain text, a list or a group of fields, a few levels deep at most.',
      });
      break;
    }
  }
  return problems;
}

/** Shows a resolved tag as a contributor wrote it: `!!js/function` rather than its full name. */
function tagAsWritten(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

const writeInFull = 'Write the value out in full: YAML anchors (&) and aliases (*) are not allowed in content.';

/**
 * Walks a parsed document without recursion and lists what content YAML may not use: anchors,
 * aliases, explicit tags (`!!js/function`, `!custom`, even `!!str`), keys that are not plain text,
 * and nesting deeper than `yamlLimits.depth`.
 */
function findRefusedNodes({ document, lines }: ParsedYaml): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const lineOf = (node: { range?: [number, number, number] | null }): { line?: number } =>
    node.range ? { line: lines.linePos(node.range[0]).line } : {};
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: document.contents, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path } = item;
    if (node === null || typeof node !== 'object') continue;
    const field = formatPath(path);
    if (isAlias(node)) {
      problems.push({ ...lineOf(node), field, message: `uses the YAML alias "*${node.source}".`, hint: writeInFull });
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) {
      problems.push({ ...lineOf(node), field, message: `uses the YAML anchor "&${node.anchor}".`, hint: writeInFull });
    }
    if (node.tag) {
      problems.push({
        ...lineOf(node),
        field,
        message: `uses the YAML tag "${tagAsWritten(node.tag)}".`,
        hint: 'Remove the tag: content values are plain text, numbers, true or false, lists and fields.',
      });
    }
    if (path.length > yamlLimits.depth) {
      problems.push({
        ...lineOf(node),
        field,
        message: `nests more than ${yamlLimits.depth} levels deep.`,
        hint: 'Content needs a few levels at most.',
      });
      continue;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (!isScalar(key) || typeof key.value !== 'string' || key.anchor || key.tag) {
          problems.push({
            ...(isScalar(key) ? lineOf(key) : lineOf(node)),
            field,
            message: 'has a key that is not a plain field name.',
            hint: 'Write each field as `name: value`.',
          });
          continue;
        }
        stack.push({ node: pair.value, path: [...path, key.value] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => stack.push({ node: child, path: [...path, index] }));
    }
  }
  return problems;
}

/** The most YAML problems reported for one file. */
const maxProblems = 20;

const errorHints: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'Each field may appear once: remove or merge the repeated one.',
  MULTIPLE_DOCS: 'A file holds one YAML document: remove the extra "---" line.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
};

/**
 * Reads content YAML as plain data with the strict settings, or lists every problem with its line
 * and field. Never throws because of what the text holds.
 */
export function readStrictYaml(
  text: string,
): { readonly data: unknown; readonly parsed: ParsedYaml } | { readonly problems: YamlProblem[] } {
  const nesting = scanNesting(text);
  if (nesting.length > 0) return { problems: nesting };
  let parsed: ParsedYaml;
  try {
    parsed = parseYaml(text);
  } catch {
    return { problems: [{ field: '', message: 'could not be read as YAML (it nests too deeply).' }] };
  }
  const { document, lines } = parsed;
  // An unknown tag is also a warning; the walk below reports every tag, known or not, once.
  const warnings = document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED');
  const reported = [...document.errors, ...warnings].map((error): YamlProblem => ({
    line: lines.linePos(error.pos[0]).line,
    field: '',
    message: `is not valid YAML: ${error.message.split('\n')[0] ?? ''}`,
    hint: errorHints[error.code] ?? 'Check the indentation and the quoting on this line.',
  }));
  const problems = [...reported, ...(document.errors.length === 0 ? findRefusedNodes(parsed) : [])];
  if (problems.length > maxProblems) {
    // A report of thousands of lines for one file helps nobody: the first ones show what to fix.
    return {
      problems: [
        ...problems.slice(0, maxProblems),
        {
          field: '',
          message: `and ${problems.length - maxProblems} more YAML problems.`,
          hint: 'Fix the ones above first.',
        },
      ],
    };
  }
  if (problems.length > 0) return { problems };
  return { data: document.toJS({ maxAliasCount: 0 }) as unknown, parsed };
}

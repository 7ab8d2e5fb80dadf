import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { agencySchema, agreementSchema, personSchema, topicSchema } from '../schemas/index.ts';
import type { CatalogueInput, ContentEntry } from './input.ts';
import { checkCatalogue, type KnownIds } from './integrity.ts';
import { formatPath, type ContentProblem } from './problems.ts';
import { closestIds } from './suggest.ts';
import { idPattern } from '../schemas/common.ts';
import { checkMdxBody } from '../markdown/safe-mdx.ts';
import { readCitations, type BodyCitations } from '../markdown/citations.ts';
import type { ParseCache } from './check-cache.ts';

/** The four collections: their folder, file extension and schema. */
export const collections = {
  agreements: { folder: 'agreements', extension: '.mdx', schema: agreementSchema },
  agencies: { folder: 'agencies', extension: '.yaml', schema: agencySchema },
  topics: { folder: 'topics', extension: '.yaml', schema: topicSchema },
  people: { folder: 'people', extension: '.yaml', schema: personSchema },
} as const;

type CollectionName = keyof typeof collections;

/** A YAML document with the line positions of its nodes. */
interface ParsedYaml {
  readonly document: Document;
  readonly lines: LineCounter;
}

/** A parsed content file before validation: its YAML data and where it starts in the file. */
interface RawFile {
  readonly id: string;
  readonly filePath: string;
  /** The YAML as plain data, before the schema. */
  readonly data: unknown;
  /** The YAML document, parsed when a problem needs a line number (not at all for cached files without one). */
  readonly parsed: () => ParsedYaml;
  /** Lines before the YAML starts (the `---` of MDX frontmatter). */
  readonly lineOffset: number;
  /** The MDX body, for agreements. */
  readonly body?: string;
  /** What the body cites, for agreements. */
  readonly citations?: BodyCitations;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits an MDX file into frontmatter and body; undefined when it has no frontmatter block. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const match = frontmatterPattern.exec(text);
  if (!match) return undefined;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

function lineOf(file: RawFile, fieldPath: readonly PropertyKey[]): number | undefined {
  const { document, lines } = file.parsed();
  let node: unknown = document.contents;
  let range: [number, number, number] | undefined;
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      range = (pair.key as { range?: [number, number, number] }).range ?? range;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      range = (node as { range?: [number, number, number] } | undefined)?.range ?? range;
    } else break;
  }
  range ??= (document.contents as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line + file.lineOffset : undefined;
}

/** Parses a field path such as `parties[0].agencies[1]` back into its keys. */
export function parsePath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''),
  );
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const fieldNameCache = new WeakMap<object, Set<string>>();

/** Every field name a schema accepts at any depth, for "did you mean" on a misspelt key. */
/**
 * Keys that contributors put at the top of an agreement although they belong inside each party.
 * The closest field name would mislead here ("signed_by" is closest to "signed").
 */
const partyFields: ReadonlyMap<string, string> = new Map([
  ['signedby', 'parties[].signatories'],
  ['signatory', 'parties[].signatories'],
  ['signatories', 'parties[].signatories'],
  ['signer', 'parties[].signatories'],
  ['signers', 'parties[].signatories'],
  ['agency', 'parties[].agencies'],
  ['agencies', 'parties[].agencies'],
  ['country', 'parties[].country'],
  ['countries', 'parties[].country'],
]);

function fieldNames(schema: z.ZodType): Set<string> {
  const cached = fieldNameCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def['shape'];
    if (shape && typeof shape === 'object') {
      for (const [key, value] of Object.entries(shape)) {
        names.add(key);
        walk(value);
      }
    }
    for (const key of ['element', 'innerType', 'in', 'out', 'schema']) walk(def[key]);
    const options = def['options'];
    if (Array.isArray(options)) options.forEach(walk);
  };
  walk(schema);
  fieldNameCache.set(schema, names);
  return names;
}

/** Turns one Zod issue into a problem naming the field, the value found and what is allowed. */
function problemFromIssue(file: RawFile, schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): ContentProblem {
  const line = lineOf(file, issue.path);
  const base = {
    file: file.filePath,
    field: formatPath(issue.path),
    severity: 'error' as const,
    ...(line ? { line } : {}),
  };
  if (issue.code === 'unrecognized_keys') {
    const inAgreement = issue.path.length === 0 && fieldNames(schema).has('parties');
    const names = [...fieldNames(schema)].map((id) => ({ id }));
    // One hint per key, since Zod reports all unknown keys of an object together.
    const hints = issue.keys.map((key) => {
      const misplaced = inAgreement ? partyFields.get(key.toLowerCase().replace(/[^a-z]/g, '')) : undefined;
      if (misplaced) return `"${key}" is recorded per party: use \`${misplaced}\`.`;
      const [closest] = closestIds(key, names, 1);
      return closest ? `Did you mean "${closest}"?` : undefined;
    });
    const keyLine = lineOf(file, [...issue.path, issue.keys[0] ?? '']) ?? line;
    const known = hints.filter((hint) => hint !== undefined);
    return {
      ...base,
      field: issue.keys.map((key) => formatPath([...issue.path, key])).join(', '),
      ...(keyLine ? { line: keyLine } : {}),
      message: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: this field is not part of the schema.`,
      hint: known.length > 0 ? known.join(' ') : 'Check the field reference in CONTRIBUTING.md, or remove it.',
    };
  }
  const found = valueAt(data, issue.path);
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => `"${String(value)}"`);
    const closest = closestIds(
      String(found),
      issue.values.map((value) => ({ id: String(value) })),
      1,
    );
    return {
      ...base,
      message: `found ${describeValue(found)}; allowed: ${allowed.join(', ')}.`,
      ...(closest[0] ? { hint: `Did you mean "${closest[0]}"?` } : {}),
    };
  }
  if (found === undefined && issue.code === 'invalid_type') {
    return { ...base, message: `is required and missing (${issue.message}).` };
  }
  return { ...base, message: `found ${describeValue(found)}: ${issue.message}.` };
}

/** Parses YAML with line positions, as errors need them. */
function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  return { document: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/** Reads files a bounded number at a time: one after another waits on the disk for each. */
async function readTexts(filePaths: readonly string[]): Promise<string[]> {
  const texts: string[] = new Array<string>(filePaths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < filePaths.length) {
      const index = next++;
      texts[index] = await readFile(filePaths[index] ?? '', 'utf8');
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return texts;
}

/** The lines of a file before its body, so body lines count from the top of the file. */
const linesBefore = (text: string, body: string) => text.slice(0, text.length - body.length).split('\n').length - 1;

/** What a body cites, from the cache when its text was read before (parsing is most of the cost). */
function bodyCitations(body: string, text: string, cache: ParseCache | undefined): BodyCitations {
  const key = cache?.key('.cite', text);
  const cached = key === undefined ? undefined : (cache?.get(key) as BodyCitations | undefined);
  if (cached !== undefined) return cached;
  const citations = readCitations(body, linesBefore(text, body));
  if (key !== undefined) cache?.set(key, citations);
  return citations;
}

async function readCollection(
  root: string,
  name: CollectionName,
  problems: ContentProblem[],
  cache: ParseCache | undefined,
): Promise<RawFile[]> {
  const { folder, extension } = collections[name];
  const directory = path.join(root, folder);
  let names: string[];
  try {
    names = (await readdir(directory)).sort();
  } catch {
    problems.push({ file: path.join(root, folder), field: '', severity: 'error', message: 'folder is missing.' });
    return [];
  }
  const files: RawFile[] = [];
  const accepted: { id: string; filePath: string }[] = [];
  for (const name of names) {
    const filePath = path.join(root, folder, name);
    if (name.startsWith('.')) continue;
    if (!name.endsWith(extension)) {
      problems.push({
        file: filePath,
        field: '',
        severity: 'error',
        message: `is not a ${extension} file, so it would not be published.`,
        hint: `Rename it to end in ${extension}, or move it out of ${path.join(root, folder)}.`,
      });
      continue;
    }
    const id = name.slice(0, -extension.length);
    if (!idPattern.test(id)) {
      problems.push({
        file: filePath,
        field: '',
        severity: 'error',
        message: `the file name "${id}" must be lower-case letters, digits and single hyphens.`,
        hint: `Rename it to ${id
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}${extension}.`,
      });
    }
    accepted.push({ id, filePath });
  }
  const texts = await readTexts(accepted.map((file) => file.filePath));
  for (const [index, { id, filePath }] of accepted.entries()) {
    const text = texts[index] ?? '';
    let yamlText = text;
    let lineOffset = 0;
    let body: string | undefined;
    if (extension === '.mdx') {
      const split = splitFrontmatter(text);
      if (!split) {
        problems.push({
          file: filePath,
          field: '',
          line: 1,
          severity: 'error',
          message: 'has no frontmatter: the file must start with a line "---", the YAML fields, and another "---".',
        });
        continue;
      }
      yamlText = split.yaml;
      body = split.body;
      lineOffset = 1;
    }
    const parsedYaml = (): ParsedYaml => parseYaml(yamlText);
    const citations = body === undefined ? undefined : bodyCitations(body, text, cache);
    // A file whose text was checked clean before, by the same checker, needs neither its YAML
    // parsed nor its MDX checked again; its data still goes through the schemas and integrity checks.
    const key = cache?.key(extension, text);
    const cached = key === undefined ? undefined : cache?.get(key);
    if (cached !== undefined) {
      let memo: ParsedYaml | undefined;
      files.push({
        id,
        filePath,
        data: cached,
        parsed: () => (memo ??= parsedYaml()),
        lineOffset,
        ...(body !== undefined ? { body } : {}),
        ...(citations ? { citations } : {}),
      });
      continue;
    }
    const { document, lines } = parsedYaml();
    let clean = true;
    if (body !== undefined) {
      const bodyLineOffset = linesBefore(text, body);
      for (const violation of checkMdxBody(body, bodyLineOffset)) {
        clean = false;
        problems.push({
          file: filePath,
          field: 'body',
          ...(violation.line !== undefined ? { line: violation.line } : {}),
          severity: 'error',
          message: `found ${violation.message}, which a contributed entry may not use.`,
          hint: `Allowed instead: ${violation.allowed}.`,
        });
      }
    }
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({
          file: filePath,
          field: '',
          line: lines.linePos(error.pos[0]).line + lineOffset,
          severity: 'error',
          message: `is not valid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    const data: unknown = document.toJS({ maxAliasCount: 0 });
    if (clean && key !== undefined) cache?.set(key, data);
    files.push({
      id,
      filePath,
      data,
      parsed: () => ({ document, lines }),
      lineOffset,
      ...(body !== undefined ? { body } : {}),
      ...(citations ? { citations } : {}),
    });
  }
  return files;
}

/** The result of reading a content folder: the valid entries, and every problem found. */
export interface ReadResult {
  readonly input: CatalogueInput;
  readonly problems: readonly ContentProblem[];
  /** Agreement bodies by id, for the MDX checks. */
  readonly bodies: ReadonlyMap<string, string>;
  /** What each agreement's body cites, by id. */
  readonly citations: ReadonlyMap<string, BodyCitations>;
  readonly fileCount: number;
}

/**
 * Reads and validates every content file under `root` with the same schemas and integrity checks
 * as the build, without building the site. Collects every problem rather than stopping at the first.
 */
export async function readContent(root: string, options: { cache?: ParseCache } = {}): Promise<ReadResult> {
  const problems: ContentProblem[] = [];
  const known: Record<CollectionName, string[]> = { agreements: [], agencies: [], topics: [], people: [] };
  const bodies = new Map<string, string>();
  const citations = new Map<string, BodyCitations>();
  const rawFiles: RawFile[] = [];
  let fileCount = 0;
  const valid = async <N extends CollectionName>(name: N) => {
    const files = await readCollection(root, name, problems, options.cache);
    fileCount += files.length;
    rawFiles.push(...files);
    const entries: ContentEntry<z.output<(typeof collections)[N]['schema']>>[] = [];
    for (const file of files) {
      known[name].push(file.id);
      const data = file.data;
      const result = collections[name].schema.safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push(problemFromIssue(file, collections[name].schema, data, issue));
        continue;
      }
      if (file.body !== undefined) bodies.set(file.id, file.body);
      if (file.citations !== undefined) citations.set(file.id, file.citations);
      entries.push({
        id: file.id,
        filePath: file.filePath,
        data: result.data as z.output<(typeof collections)[N]['schema']>,
      });
    }
    return entries;
  };
  const input: CatalogueInput = {
    agreements: await valid('agreements'),
    agencies: await valid('agencies'),
    topics: await valid('topics'),
    people: await valid('people'),
  };
  const knownIds: KnownIds = known;
  const files = new Map(rawFiles.map((file) => [file.filePath, file]));
  for (const problem of checkCatalogue(input, knownIds, citations)) {
    const file = files.get(problem.file);
    const line = file && problem.line === undefined ? lineOf(file, parsePath(problem.at ?? problem.field)) : undefined;
    problems.push(line ? { ...problem, line } : problem);
  }
  return { input, problems, bodies, citations, fileCount };
}

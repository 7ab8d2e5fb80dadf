import { createHash } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import { collections, topLevelFiles, type CollectionName } from '../collections.ts';
import type { CatalogueInput, ContentEntry } from './input.ts';
import { checkCatalogue, type KnownIds } from './integrity.ts';
import { formatPath, type ContentProblem } from './problems.ts';
import { closestIds } from './suggest.ts';
import { idPattern } from '../schemas/common.ts';
import { checkMdxBody } from '../markdown/safe-mdx.ts';
import { readCitations, type BodyCitations } from '../markdown/citations.ts';
import type { ParseCache } from './check-cache.ts';
import { parseYaml, readStrictYaml, type ParsedYaml } from './strict-yaml.ts';
import { checkTextValues, findForbiddenCharacters, maxFileBytes } from './text-checks.ts';

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
  /** A digest of the file's text, which changes whenever the text does. */
  readonly digest: string;
}

/** A file of the content folder, accepted by its place and name, not yet read. */
export interface ContentFile {
  readonly collection: CollectionName;
  readonly id: string;
  /** The path as `root` was given, joined with the folder and the file name. */
  readonly filePath: string;
}

/** A file name as a message shows it: as it is, or quoted and escaped when it holds anything unusual. */
function shownName(name: string): string {
  return /^[\w.@+-]+$/.test(name)
    ? name
    : JSON.stringify(name).replace(
        /[\u007f-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
}

/** Orders directory entries by name, the same way everywhere (not by locale). */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const layout = `${Object.keys(collections).join('/, ')}/ and ${[...topLevelFiles].join(', ')}`;

/** Why an entry that is not a plain file is refused; it is never opened, so nothing of it is shown. */
function notRegularFile(entry: Dirent | { isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  if (entry.isSymbolicLink())
    return 'is a symbolic link; content files must be plain files (a link could point to any file of the machine that builds the site).';
  if (entry.isDirectory()) return 'is a folder; the collection folders hold files only.';
  return 'is not a plain file (a device, pipe or socket).';
}

/**
 * Lists the files of a content folder, deny by default: every entry is either accepted as what
 * its folder says it is, or refused with a problem naming it. Hidden files, files and folders
 * other than the collections and `LICENSE.md` at the top, folders inside collections, symbolic
 * links, devices, pipes and sockets are refused, and none of them is opened. Types come from
 * `lstat` (`readdir` with file types does not follow links either).
 */
export async function listContentFiles(root: string): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const files: ContentFile[] = [];
  const refuse = (file: string, message: string, hint?: string): void => {
    problems.push({ file, field: '', severity: 'error', message, ...(hint ? { hint } : {}) });
  };
  const rootStats = await lstat(root).catch(() => undefined);
  if (!rootStats?.isDirectory()) {
    refuse(
      root,
      rootStats
        ? 'is not a folder (a symbolic link or a file): the content folder must be a folder.'
        : 'content folder is missing.',
    );
    return { files, problems };
  }
  const top = (await readdir(root, { withFileTypes: true }).catch(() => [])).sort(byName);
  const seen = new Set<string>();
  for (const entry of top) {
    const shown = path.join(root, shownName(entry.name));
    if (entry.name.startsWith('.')) {
      refuse(
        shown,
        'is a hidden file or folder; the content folder holds only entries.',
        `Delete it, or move it out of ${root}.`,
      );
    } else if (topLevelFiles.has(entry.name)) {
      if (!entry.isFile()) refuse(shown, notRegularFile(entry));
    } else if (Object.hasOwn(collections, entry.name)) {
      if (entry.isDirectory()) seen.add(entry.name);
      else refuse(shown, `${notRegularFile(entry)} It must be the folder of the ${entry.name}.`);
    } else {
      refuse(
        shown,
        `is not part of the catalogue: ${root} holds only ${layout}.`,
        'Move it into the folder its content belongs to, or out of the content folder.',
      );
    }
  }
  for (const [name, { folder, extension }] of Object.entries(collections) as [
    CollectionName,
    (typeof collections)[CollectionName],
  ][]) {
    const directory = path.join(root, folder);
    if (!seen.has(folder)) {
      if (!top.some((entry) => entry.name === folder)) refuse(directory, 'folder is missing.');
      continue;
    }
    const listed = await readdir(directory, { withFileTypes: true }).catch(() => undefined);
    if (!listed) {
      refuse(directory, 'folder could not be read.');
      continue;
    }
    const entries = listed.sort(byName);
    for (const entry of entries) {
      const filePath = path.join(directory, shownName(entry.name));
      if (entry.name.startsWith('.')) {
        refuse(
          filePath,
          'is a hidden file; only entries may be in a collection folder.',
          `Delete it, or move it out of ${directory}.`,
        );
        continue;
      }
      if (!entry.isFile()) {
        refuse(filePath, notRegularFile(entry), `Replace it with a plain ${extension} file, or remove it.`);
        continue;
      }
      if (!entry.name.endsWith(extension)) {
        refuse(
          filePath,
          `is not a ${extension} file, so it would not be published.`,
          `Rename it to end in ${extension}, or move it out of ${directory}.`,
        );
        continue;
      }
      const id = entry.name.slice(0, -extension.length);
      if (!idPattern.test(id)) {
        refuse(
          filePath,
          `the file name "${shownName(id)}" must be lower-case letters, digits and single hyphens.`,
          `Rename it to ${id
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}${extension}.`,
        );
        continue;
      }
      files.push({ collection: name, id, filePath });
    }
  }
  return { files, problems };
}

/** A problem in a file, before its path is added. */
type FileProblem = Omit<ContentProblem, 'file' | 'severity'>;

// ignoreBOM keeps a byte order mark in the text, where the character check refuses it by name.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a content file's text without following a symbolic link (`O_NOFOLLOW`: a file swapped
 * for a link after it was listed still fails), and only when it is a plain file of at most
 * `maxFileBytes` holding UTF-8 text.
 */
export async function readContentText(filePath: string): Promise<{ text: string } | { problem: FileProblem }> {
  let handle;
  try {
    handle = await open(filePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      problem: {
        field: '',
        message:
          code === 'ELOOP'
            ? 'is a symbolic link; content files must be plain files.'
            : `could not be opened (${code ?? 'unknown error'}).`,
      },
    };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { problem: { field: '', message: 'is not a plain file.' } };
    if (stats.size > maxFileBytes) {
      return {
        problem: {
          field: '',
          message: `is ${Math.ceil(stats.size / 1024)} KiB; a content file may be at most ${maxFileBytes / 1024} KiB.`,
          hint: 'An entry summarises its sources in a few paragraphs; the sources hold the full text.',
        },
      };
    }
    try {
      return { text: utf8.decode(await handle.readFile()) };
    } catch {
      return {
        problem: { field: '', line: 1, message: 'is not UTF-8 text.', hint: 'Save it with the UTF-8 encoding.' },
      };
    }
  } finally {
    await handle.close();
  }
}

/**
 * Splits an MDX file into its frontmatter and body, or says what is wrong with its frontmatter
 * block. The block opens with a first line `---` and closes with the next line `---` (spaces after
 * either are allowed); no other line in it may start with `---`, so that every reader of the file,
 * Astro's included, ends the block on the same line.
 */
export function readFrontmatter(
  text: string,
): { yaml: string; body: string; bodyOffset: number } | { problem: FileProblem } {
  const lines = text.split('\n');
  const marker = (line: string | undefined): boolean => line !== undefined && /^---[ \t]*\r?$/.test(line);
  if (!marker(lines[0])) {
    return {
      problem: {
        field: '',
        line: 1,
        message: 'has no frontmatter: the file must start with a line "---", the YAML fields, and another "---".',
      },
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.startsWith('---'));
  if (close === -1) {
    return {
      problem: {
        field: '',
        line: 1,
        message: 'has no end to its frontmatter.',
        hint: 'Add a line "---" after the last field.',
      },
    };
  }
  if (!marker(lines[close])) {
    return {
      problem: {
        field: '',
        line: close + 1,
        message: 'has a line starting with "---" inside its frontmatter.',
        hint: 'Close the frontmatter with a line holding only "---".',
      },
    };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    /** Lines before the body. */
    bodyOffset: close + 1,
  };
}

/** Splits an MDX file into frontmatter and body; undefined when its frontmatter block is not well formed. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const split = readFrontmatter(text);
  return 'problem' in split ? undefined : { yaml: split.yaml, body: split.body };
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

/** The text a value was written as, when YAML read it as something else (`0000` read as the number 0). */
function writtenAs(file: RawFile, fieldPath: readonly PropertyKey[], value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'boolean' && value !== null) return undefined;
  let node: unknown = file.parsed().document.contents;
  for (const key of fieldPath) {
    if (isMap(node)) node = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  const source = isScalar(node) ? node.source : undefined;
  return typeof source === 'string' && source !== String(value) ? source : undefined;
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
  const written = writtenAs(file, issue.path, found);
  if (written !== undefined) {
    return {
      ...base,
      message: `found ${written}, which YAML reads as the ${typeof found === 'number' ? 'number' : 'value'} ${describeValue(found)}: ${issue.message}.`,
      hint: /must be a date/.test(issue.message)
        ? 'Write a real date, only as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD, such as 2026-11-01.'
        : 'Put the value in quotes if it is text.',
    };
  }
  return { ...base, message: `found ${describeValue(found)}: ${issue.message}.` };
}

const digestOf = (extension: string, text: string): string =>
  createHash('sha256').update(extension).update('\0').update(text).digest('base64url');

/**
 * Reads one accepted file and checks it as data, before anything imports, compiles or renders
 * it: its characters, frontmatter, YAML (through the one strict parser), MDX body and text
 * values. Returns the raw data, or nothing when the file has problems, which it adds to `problems`.
 */
/**
 * What a body cites, from the cache when its text was read before. It parses the body a second
 * time (the MDX check parses its own copy): 1.3 s for 1,000 synthetic entries without a cache,
 * beside the MDX check's 1.2 s, and nothing once cached; sharing one parse would tie the two
 * checks together for that.
 */
function bodyCitations(body: string, bodyOffset: number, text: string, cache: ParseCache | undefined): BodyCitations {
  const key = cache?.key('.cite', text);
  const cached = key === undefined ? undefined : (cache?.get(key) as BodyCitations | undefined);
  if (cached !== undefined) return cached;
  const citations = readCitations(body, bodyOffset);
  if (key !== undefined) cache?.set(key, citations);
  return citations;
}

async function readOne(
  file: ContentFile,
  problems: ContentProblem[],
  cache: ParseCache | undefined,
): Promise<RawFile | undefined> {
  const { collection, id, filePath } = file;
  const { extension } = collections[collection];
  const fail = (found: readonly FileProblem[]): undefined => {
    for (const problem of found) problems.push({ file: filePath, severity: 'error', ...problem });
    return undefined;
  };
  const read = await readContentText(filePath);
  if ('problem' in read) return fail([read.problem]);
  const { text } = read;
  // A file whose text was checked clean before, by the same checker, needs neither its YAML
  // parsed nor its MDX checked again; its data still goes through the schemas and integrity checks.
  const key = cache?.key(extension, text);
  const cached = key === undefined ? undefined : cache?.get(key);
  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  let bodyOffset = 0;
  // Nothing else is looked at, or shown, in a file holding invisible characters.
  const characters = findForbiddenCharacters(text);
  if (characters.length > 0) return fail(characters.map((problem) => ({ field: '', ...problem })));
  if (extension === '.mdx') {
    const split = readFrontmatter(text);
    if ('problem' in split) return fail([split.problem]);
    yamlText = split.yaml;
    body = split.body;
    bodyOffset = split.bodyOffset;
    lineOffset = 1;
  }
  const digest = key ?? digestOf(extension, text);
  const citations = body === undefined ? undefined : bodyCitations(body, bodyOffset, text, cache);
  if (cached !== undefined) {
    let memo: ParsedYaml | undefined;
    return {
      id,
      filePath,
      data: cached,
      parsed: () => (memo ??= parseYaml(yamlText)),
      lineOffset,
      digest,
      ...(body !== undefined ? { body } : {}),
      ...(citations ? { citations } : {}),
    };
  }
  const found: FileProblem[] = [];
  const yaml = readStrictYaml(yamlText);
  if ('problems' in yaml) {
    found.push(
      ...yaml.problems.map((problem) => ({
        ...problem,
        ...(problem.line !== undefined ? { line: problem.line + lineOffset } : {}),
      })),
    );
  }
  if (body !== undefined) {
    for (const violation of checkMdxBody(body, bodyOffset)) {
      found.push({
        field: 'body',
        ...(violation.line !== undefined ? { line: violation.line } : {}),
        message: `found ${violation.message}, which a contributed entry may not use.`,
        hint: `Allowed instead: ${violation.allowed}.`,
      });
    }
  }
  if ('problems' in yaml) return fail(found);
  const raw: RawFile = {
    id,
    filePath,
    data: yaml.data,
    parsed: () => yaml.parsed,
    lineOffset,
    digest,
    ...(body !== undefined ? { body } : {}),
    ...(citations ? { citations } : {}),
  };
  for (const problem of checkTextValues(collection, yaml.data)) {
    const line = lineOf(raw, problem.path);
    found.push({
      field: formatPath(problem.path),
      ...(line ? { line } : {}),
      message: problem.message,
      hint: problem.hint,
    });
  }
  if (found.length > 0) return fail(found);
  if (key !== undefined) cache?.set(key, yaml.data);
  return raw;
}

/** Reads accepted files a bounded number at a time: one after another waits on the disk for each. */
async function readAll(
  files: readonly ContentFile[],
  problems: ContentProblem[],
  cache: ParseCache | undefined,
): Promise<(RawFile | undefined)[]> {
  const results = new Array<RawFile | undefined>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (!file) continue;
      try {
        results[index] = await readOne(file, problems, cache);
      } catch (error) {
        // Whatever a file holds, the check reports it as a problem of that file, never a crash.
        problems.push({
          file: file.filePath,
          field: '',
          severity: 'error',
          message: `could not be checked (${error instanceof Error ? error.name : 'unknown error'}).`,
          hint: 'Simplify the file; if it looks right, report this to the maintainers.',
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return results;
}

/** A file that was read, checked as data and validated by its schema, as the build stores it. */
export interface CheckedFile {
  readonly id: string;
  readonly filePath: string;
  /** Its YAML as plain data, before the schema: the content loader validates it again in Astro. */
  readonly data: unknown;
  /** The MDX body, for agreements. */
  readonly body?: string;
  /** A digest of the file's text. */
  readonly digest: string;
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
  /** Every file that passed the checks of its own, by collection. */
  readonly files: Readonly<Record<CollectionName, readonly CheckedFile[]>>;
}

/**
 * Reads and validates every content file under `root`, deny by default, with the same schemas and
 * integrity checks as the build. Collects every problem rather than stopping at the first, and
 * never throws because of what a file holds. `npm run check` and the content loader of the build
 * both run it, so they enforce the same rules.
 */
export async function readContent(root: string, options: { cache?: ParseCache } = {}): Promise<ReadResult> {
  const listing = await listContentFiles(root);
  const problems: ContentProblem[] = [...listing.problems];
  const known: Record<CollectionName, string[]> = { agreements: [], agencies: [], topics: [], people: [] };
  // Every file with an acceptable name is known by its id, even when its content is refused, so
  // that entries referring to it get no second, misleading error.
  for (const file of listing.files) known[file.collection].push(file.id);
  const read = await readAll(listing.files, problems, options.cache);
  const bodies = new Map<string, string>();
  const citations = new Map<string, BodyCitations>();
  const rawFiles: RawFile[] = read.filter((file) => file !== undefined);
  const checked: Record<CollectionName, CheckedFile[]> = { agreements: [], agencies: [], topics: [], people: [] };
  const valid = <N extends CollectionName>(name: N) => {
    const entries: ContentEntry<z.output<(typeof collections)[N]['schema']>>[] = [];
    listing.files.forEach((listed, index) => {
      const file = read[index];
      if (listed.collection !== name || file === undefined) return;
      const data = file.data;
      const result = collections[name].schema.safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push(problemFromIssue(file, collections[name].schema, data, issue));
        return;
      }
      if (file.body !== undefined) bodies.set(file.id, file.body);
      if (file.citations !== undefined) citations.set(file.id, file.citations);
      checked[name].push({
        id: file.id,
        filePath: file.filePath,
        data,
        digest: file.digest,
        ...(file.body !== undefined ? { body: file.body } : {}),
      });
      entries.push({
        id: file.id,
        filePath: file.filePath,
        data: result.data as z.output<(typeof collections)[N]['schema']>,
      });
    });
    return entries;
  };
  const input: CatalogueInput = {
    agreements: valid('agreements'),
    agencies: valid('agencies'),
    topics: valid('topics'),
    people: valid('people'),
  };
  const knownIds: KnownIds = known;
  const files = new Map(rawFiles.map((file) => [file.filePath, file]));
  for (const problem of checkCatalogue(input, { root, known: knownIds, citations })) {
    const file = files.get(problem.file);
    const line = file && problem.line === undefined ? lineOf(file, parsePath(problem.at ?? problem.field)) : undefined;
    problems.push(line ? { ...problem, line } : problem);
  }
  // Files are read side by side: order the problems by file, so every run reports the same way.
  const ordered = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : a.index - b.index))
    .map(({ problem }) => problem);
  return { input, problems: ordered, bodies, citations, fileCount: listing.files.length, files: checked };
}

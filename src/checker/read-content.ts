import path from 'node:path';
import type { CatalogueInput, ContentEntry } from '../catalogue/input.ts';
import { collectionNames, collections, type CollectionName } from '../collections.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import { digestOf, type ParseCache } from './check-cache.ts';
import type { CachedFile, CheckedText, FileJob, FileOutcome } from './check-file.ts';
import { checkTexts } from './check-pool.ts';
import { checkCatalogue } from './integrity.ts';
import { listContentFiles, type ContentFile } from './list-files.ts';
import type { ContentProblem } from './problems.ts';
import { readContentText } from './read-file.ts';
import { parseYaml, type ParsedYaml } from './strict-yaml.ts';
import { lineOf, parsePath, type YamlSource } from './yaml-positions.ts';

/** A file that was read, checked as data and validated by its schema. */
export interface CheckedFile extends ContentFile, CheckedText, YamlSource {
  /** A digest of the file's text, which changes whenever the text does. */
  readonly digest: string;
}

/**
 * What one process keeps between reads of the same folder (`astro dev` after each edit): the
 * texts it read, and the outcomes of the files it checked clean. The caller deletes a file's text
 * from `texts` when the file changes; every other file is then neither read nor checked again.
 */
export interface ReadMemo {
  /** Each file's text and digest as last read, by absolute path. */
  readonly texts: Map<string, { readonly text: string; readonly digest: string }>;
  /** The outcome of each file checked clean, without a rendered body, by collection and digest. */
  outcomes: Map<string, FileOutcome>;
}

/** An empty memo. */
export const readMemo = (): ReadMemo => ({ texts: new Map(), outcomes: new Map() });

/** Asks for the bodies to render into HTML, by entry: those whose rendering is not kept already. */
export interface RenderRequest {
  wanted(file: { readonly id: string; readonly digest: string }): boolean;
}

/** The result of reading a content folder: the valid entries, and every problem found. */
export interface ReadResult {
  readonly input: CatalogueInput;
  readonly problems: readonly ContentProblem[];
  /** What each agreement's body cites, by id. */
  readonly citations: ReadonlyMap<string, BodyCitations>;
  readonly fileCount: number;
  /** Every file that passed the checks of its own, by collection. */
  readonly files: Readonly<Record<CollectionName, readonly CheckedFile[]>>;
}

/**
 * Reads the accepted files with their digests; a file that cannot be read is a problem. A file
 * the memo holds is not read again.
 */
function readTexts(
  files: readonly ContentFile[],
  problems: ContentProblem[],
  memo: ReadMemo | undefined,
): ({ text: string; digest: string } | undefined)[] {
  const texts = files.map((file) => {
    const known = memo?.texts.get(path.resolve(file.filePath));
    if (known) return known;
    const read = readContentText(file.filePath);
    if (!('problem' in read))
      return { text: read.text, digest: digestOf(collections[file.collection].extension, read.text) };
    problems.push({ file: file.filePath, severity: 'error', ...read.problem });
    return undefined;
  });
  if (memo) {
    // Only the files listed now: a removed file's text is not kept.
    memo.texts.clear();
    files.forEach((file, index) => {
      const read = texts[index];
      if (read) memo.texts.set(path.resolve(file.filePath), read);
    });
  }
  return texts;
}

/** The key of a file's outcome in the memo: the same text may be valid in one collection only. */
const outcomeKey = (job: { readonly collection: string; readonly digest: string }): string =>
  `${job.collection}\0${job.digest}`;

/**
 * Checks the jobs, taking the outcome of a file the memo holds (unless its body is to be
 * rendered), and keeps in the memo the outcomes of the files checked clean now.
 */
async function checkJobs(
  jobs: readonly (FileJob & { readonly digest: string })[],
  memo: ReadMemo | undefined,
): Promise<FileOutcome[]> {
  const known = jobs.map((job) => (job.render ? undefined : memo?.outcomes.get(outcomeKey(job))));
  const fresh = await checkTexts(jobs.filter((_, index) => known[index] === undefined));
  let next = 0;
  const outcomes = jobs.map((_, index) => known[index] ?? (fresh[next++] as FileOutcome));
  if (memo) {
    memo.outcomes = new Map();
    jobs.forEach((job, index) => {
      const outcome = outcomes[index];
      if (!outcome?.checked || outcome.problems.length > 0) return;
      // Neither the rendered body (written once) nor the cache entry (added once) is kept.
      const { rendered, ...checked } = outcome.checked;
      memo.outcomes.set(outcomeKey(job), { problems: [], checked });
    });
  }
  return outcomes;
}

/** Orders problems by file, keeping each file's own order: they are found in several passes over the files. */
function byFile(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : a.index - b.index))
    .map(({ problem }) => problem);
}

/**
 * Reads and validates every content file under `root`, deny by default, with the same schemas and
 * integrity checks as the build. Collects every problem rather than stopping at the first, and
 * never throws because of what a file holds. `npm run check` and the content loader of the build
 * both run it, so they enforce the same rules; the loader also has the bodies it asks for rendered.
 */
export async function readContent(
  root: string,
  options: { readonly cache?: ParseCache; readonly render?: RenderRequest; readonly memo?: ReadMemo } = {},
): Promise<ReadResult> {
  const { cache, render, memo } = options;
  const listing = await listContentFiles(root);
  const problems: ContentProblem[] = [...listing.problems];
  const texts = readTexts(listing.files, problems, memo);
  const jobs: (FileJob & { digest: string })[] = [];
  listing.files.forEach((file, index) => {
    const read = texts[index];
    if (read === undefined) return;
    const { text, digest } = read;
    const cached = cache?.get(digest) as CachedFile | undefined;
    const wanted = file.collection === 'agreements' && render?.wanted({ id: file.id, digest }) === true;
    jobs.push({ ...file, text, digest, contentRoot: root, render: wanted, ...(cached ? { cached } : {}) });
  });
  const outcomes = await checkJobs(jobs, memo);
  const files = Object.fromEntries(collectionNames.map((name) => [name, [] as CheckedFile[]])) as Record<
    CollectionName,
    CheckedFile[]
  >;
  jobs.forEach((job, index) => {
    const outcome = outcomes[index];
    if (!outcome) return;
    for (const problem of outcome.problems) problems.push({ file: job.filePath, severity: 'error', ...problem });
    if (outcome.cacheEntry) cache?.set(job.digest, outcome.cacheEntry);
    if (!outcome.checked) return;
    let memo: ParsedYaml | undefined;
    const { yaml } = outcome.checked;
    files[job.collection].push({
      collection: job.collection,
      id: job.id,
      filePath: job.filePath,
      digest: job.digest,
      ...outcome.checked,
      parsed: () => (memo ??= parseYaml(yaml)),
    });
  });
  const entries = <T>(name: CollectionName): ContentEntry<T>[] =>
    files[name].map((file) => ({ id: file.id, filePath: file.filePath, data: file.output as T }));
  const input: CatalogueInput = {
    agreements: entries('agreements'),
    agencies: entries('agencies'),
    topics: entries('topics'),
    people: entries('people'),
  };
  // Every file with an acceptable name is known by its id, even when its content is refused, so
  // that entries referring to it get no second, misleading error.
  const known = Object.fromEntries(
    collectionNames.map((name) => [
      name,
      listing.files.filter((file) => file.collection === name).map((file) => file.id),
    ]),
  );
  const citations = new Map(
    files.agreements.flatMap((file) => (file.citations ? [[file.id, file.citations] as const] : [])),
  );
  const byPath = new Map(collectionNames.flatMap((name) => files[name].map((file) => [file.filePath, file] as const)));
  for (const problem of checkCatalogue(input, { root, known, citations })) {
    const file = byPath.get(problem.file);
    const line = file && problem.line === undefined ? lineOf(file, parsePath(problem.at ?? problem.field)) : undefined;
    problems.push(line ? { ...problem, line } : problem);
  }
  return { input, problems: byFile(problems), citations, fileCount: listing.files.length, files };
}

import type { CatalogueInput, ContentEntry } from '../catalogue/input.ts';
import { collectionNames, type CollectionName } from '../collections.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import type { ParseCache } from './check-cache.ts';
import { checkFile, type BodyRenderer, type CheckedFile } from './check-file.ts';
import { checkCatalogue } from './integrity.ts';
import { listContentFiles, type ContentFile } from './list-files.ts';
import type { ContentProblem } from './problems.ts';
import { lineOf, parsePath } from './yaml-positions.ts';

/** How many files are read at once: one after another, each read waits on the disk. */
const readersAtOnce = 16;

/** Checks every accepted file, `readersAtOnce` at a time; a file with problems gives `undefined`. */
async function checkAll<R>(
  files: readonly ContentFile[],
  problems: ContentProblem[],
  options: { readonly cache?: ParseCache | undefined; readonly renderer?: BodyRenderer<R> | undefined },
): Promise<(CheckedFile<R> | undefined)[]> {
  const results = new Array<CheckedFile<R> | undefined>(files.length);
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (!file) continue;
      try {
        results[index] = await checkFile(file, problems, options);
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
  await Promise.all(Array.from({ length: readersAtOnce }, reader));
  return results;
}

/** The result of reading a content folder: the valid entries, and every problem found. */
export interface ReadResult<R = never> {
  readonly input: CatalogueInput;
  readonly problems: readonly ContentProblem[];
  /** What each agreement's body cites, by id. */
  readonly citations: ReadonlyMap<string, BodyCitations>;
  readonly fileCount: number;
  /** Every file that passed the checks of its own, by collection. */
  readonly files: Readonly<Record<CollectionName, readonly CheckedFile<R>[]>>;
}

/** Orders problems by file, keeping each file's own order: files are read side by side. */
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
export async function readContent<R = never>(
  root: string,
  options: { readonly cache?: ParseCache; readonly renderer?: BodyRenderer<R> } = {},
): Promise<ReadResult<R>> {
  const listing = await listContentFiles(root);
  const problems: ContentProblem[] = [...listing.problems];
  const checked = await checkAll(listing.files, problems, options);
  const files = Object.fromEntries(collectionNames.map((name) => [name, [] as CheckedFile<R>[]])) as Record<
    CollectionName,
    CheckedFile<R>[]
  >;
  // Every file with an acceptable name is known by its id, even when its content is refused, so
  // that entries referring to it get no second, misleading error.
  const known = Object.fromEntries(collectionNames.map((name) => [name, [] as string[]])) as Record<
    CollectionName,
    string[]
  >;
  listing.files.forEach((listed, index) => {
    known[listed.collection].push(listed.id);
    const file = checked[index];
    if (file) files[file.collection].push(file);
  });
  const entries = <T>(name: CollectionName): ContentEntry<T>[] =>
    files[name].map((file) => ({ id: file.id, filePath: file.filePath, data: file.output as T }));
  const input: CatalogueInput = {
    agreements: entries('agreements'),
    agencies: entries('agencies'),
    topics: entries('topics'),
    people: entries('people'),
  };
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

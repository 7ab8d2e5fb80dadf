import type { Root } from 'mdast';
import type { z } from 'zod';
import { collections } from '../collections.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import { readBody } from '../markdown/parse-body.ts';
import { digestOf, type ParseCache } from './check-cache.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { ContentFile } from './list-files.ts';
import { formatPath, type ContentProblem } from './problems.ts';
import { readContentText, type FileProblem } from './read-file.ts';
import { problemFromIssue } from './schema-problems.ts';
import { parseYaml, readStrictYaml, type ParsedYaml } from './strict-yaml.ts';
import { checkTextValues, findForbiddenCharacters } from './text-checks.ts';
import { lineOf, type YamlSource } from './yaml-positions.ts';

/** What the cache keeps of a file whose text was checked clean: its YAML as data, and what its body cites. */
interface CachedFile {
  readonly data: unknown;
  readonly citations?: BodyCitations;
}

/**
 * Turns a safe body's tree into what the build stores, for the content loader. `wanted` says
 * which entries need it (those whose rendering the build has not kept): only they are parsed when
 * the cache knows their text.
 */
export interface BodyRenderer<R> {
  wanted(file: { readonly id: string; readonly digest: string }): boolean;
  render(tree: Root, file: { readonly id: string; readonly filePath: string; readonly data: unknown }): R;
}

/** A file that was read, checked as data and validated by its schema. */
export interface CheckedFile<R = never> extends ContentFile, YamlSource {
  /** Its YAML as plain data, before the schema: the content loader validates it again in Astro. */
  readonly data: unknown;
  /** Its data as the schema gives it. */
  readonly output: unknown;
  /** The MDX body, for agreements. */
  readonly body?: string;
  /** What the body cites, for agreements. */
  readonly citations?: BodyCitations;
  /** A digest of the file's text, which changes whenever the text does. */
  readonly digest: string;
  /** What the renderer made of the body, when it was wanted. */
  readonly rendered?: R;
}

/** Problems of a body as the check reports them. */
const bodyProblems = (violations: ReturnType<typeof readBody>['violations']): FileProblem[] =>
  violations.map((violation) => ({
    field: 'body',
    ...(violation.line !== undefined ? { line: violation.line } : {}),
    message: `found ${violation.message}, which a contributed entry may not use.`,
    hint: `Allowed instead: ${violation.allowed}.`,
  }));

/**
 * Reads one accepted file and checks it as data, before anything imports, compiles or renders
 * it: its characters, frontmatter, YAML (through the one strict parser), MDX body, text values and
 * schema. Returns the checked file, or nothing when it has problems, which it adds to `problems`.
 * A file whose text was checked clean before, by the same checker, needs neither its YAML parsed
 * nor its body read again, unless its body is to be rendered; its data still goes through the
 * schema, and the catalogue through the integrity checks.
 */
export async function checkFile<R>(
  file: ContentFile,
  problems: ContentProblem[],
  options: { readonly cache?: ParseCache | undefined; readonly renderer?: BodyRenderer<R> | undefined },
): Promise<CheckedFile<R> | undefined> {
  const { collection, id, filePath } = file;
  const { extension, schema } = collections[collection];
  const { cache, renderer } = options;
  const fail = (found: readonly FileProblem[]): undefined => {
    for (const problem of found) problems.push({ file: filePath, severity: 'error', ...problem });
    return undefined;
  };
  const read = await readContentText(filePath);
  if ('problem' in read) return fail([read.problem]);
  const { text } = read;
  // Nothing else is looked at, or shown, in a file holding invisible characters.
  const characters = findForbiddenCharacters(text);
  if (characters.length > 0) return fail(characters.map((problem) => ({ field: '', ...problem })));
  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  let bodyOffset = 0;
  if (extension === '.mdx') {
    const split = readFrontmatter(text);
    if ('problem' in split) return fail([split.problem]);
    yamlText = split.yaml;
    body = split.body;
    bodyOffset = split.bodyOffset;
    lineOffset = 1;
  }
  const digest = digestOf(extension, text);
  const cached = cache?.get(digest) as CachedFile | undefined;
  const wanted = body !== undefined && renderer?.wanted({ id, digest }) === true;
  const reading = body !== undefined && (wanted || cached === undefined) ? readBody(body, bodyOffset) : undefined;
  let data: unknown;
  let parsed: () => ParsedYaml;
  if (cached !== undefined) {
    let memo: ParsedYaml | undefined;
    data = cached.data;
    parsed = () => (memo ??= parseYaml(yamlText));
  } else {
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
    found.push(...bodyProblems(reading?.violations ?? []));
    if ('problems' in yaml) return fail(found);
    data = yaml.data;
    parsed = () => yaml.parsed;
    for (const problem of checkTextValues(collection, yaml.data)) {
      const line = lineOf({ parsed, lineOffset }, problem.path);
      found.push({
        field: formatPath(problem.path),
        ...(line ? { line } : {}),
        message: problem.message,
        hint: problem.hint,
      });
    }
    if (found.length > 0) return fail(found);
    const citations = reading?.citations;
    cache?.set(digest, { data, ...(citations ? { citations } : {}) } satisfies CachedFile);
  }
  // A body read again for rendering is checked again: the renderer only ever sees a safe tree.
  if (reading && reading.violations.length > 0) return fail(bodyProblems(reading.violations));
  const validated = (schema as z.ZodType).safeParse(data);
  if (!validated.success) {
    for (const issue of validated.error.issues)
      problems.push(problemFromIssue({ filePath, data, parsed, lineOffset }, schema, issue));
    return undefined;
  }
  const citations = reading?.citations ?? cached?.citations;
  const rendered =
    wanted && reading?.tree && renderer
      ? renderer.render(reading.tree, { id, filePath, data: validated.data })
      : undefined;
  return {
    ...file,
    data,
    output: validated.data,
    parsed,
    lineOffset,
    digest,
    ...(body !== undefined ? { body } : {}),
    ...(citations ? { citations } : {}),
    ...(rendered !== undefined ? { rendered } : {}),
  };
}

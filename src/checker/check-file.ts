import type { z } from 'zod';
import { collections } from '../collections.ts';
import type { BodyCitations } from '../markdown/citations.ts';
import { readBody } from '../markdown/parse-body.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { ContentFile } from './list-files.ts';
import { formatPath } from './problems.ts';
import type { FileProblem } from './read-file.ts';
import { renderBody } from '../markdown/render.ts';
import { problemFromIssue } from './schema-problems.ts';
import { parseYaml, readStrictYaml, type ParsedYaml } from './strict-yaml.ts';
import { checkTextValues, findForbiddenCharacters } from './text-checks.ts';
import { lineOf } from './yaml-positions.ts';

/** What the cache keeps of a file whose text was checked clean: its YAML as data, and what its body cites. */
export interface CachedFile {
  readonly data: unknown;
  readonly citations?: BodyCitations;
}

/** One file to check, as read: plain data, so that a worker thread can check it. */
export interface FileJob extends ContentFile {
  readonly text: string;
  /** The content folder, which the renderer's plugins recognise contributed files by. */
  readonly contentRoot: string;
  /** What the cache knows of the text, when it was checked clean before. */
  readonly cached?: CachedFile;
  /** Whether to render the body into HTML. */
  readonly render: boolean;
}

/** A file that passed the checks of its own, as plain data. */
export interface CheckedText {
  /** Its YAML as plain data, before the schema: the content loader validates it again in Astro. */
  readonly data: unknown;
  /** Its data as the schema gives it. */
  readonly output: unknown;
  /** The YAML text, parsed again only when a problem of the whole catalogue needs a line. */
  readonly yaml: string;
  /** Lines before the YAML starts (the `---` of MDX frontmatter). */
  readonly lineOffset: number;
  /** The MDX body, for agreements. */
  readonly body?: string;
  /** What the body cites, for agreements. */
  readonly citations?: BodyCitations;
  /** The body in HTML, with markers for what each edition fills in, when it was asked for. */
  readonly rendered?: string;
}

/** What checking one file found. */
export interface FileOutcome {
  readonly problems: readonly FileProblem[];
  readonly checked?: CheckedText;
  /** What the cache may keep of the file, when it was read clean and not from the cache. */
  readonly cacheEntry?: CachedFile;
}

/** What a file that made the checker itself fail is reported as: a problem of that file, never a crash. */
export function checkFailure(error: unknown): FileOutcome {
  return {
    problems: [
      {
        field: '',
        message: `could not be checked (${error instanceof Error ? error.name : 'unknown error'}).`,
        hint: 'Simplify the file; if it looks right, report this to the maintainers.',
      },
    ],
  };
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
 * Checks one accepted file's text as data, before anything imports, compiles or renders it: its
 * characters, frontmatter, YAML (through the one strict parser), MDX body, text values and schema.
 * A file whose text was checked clean before, by the same checker, needs neither its YAML parsed
 * nor its body read again, unless its body is to be rendered; its data still goes through the
 * schema, and the catalogue through the integrity checks. Pure and synchronous, so that worker
 * threads can share the work.
 */
export function checkText(job: FileJob): FileOutcome {
  const { collection, filePath, text, cached } = job;
  const { extension, schema } = collections[collection];
  // Nothing else is looked at, or shown, in a file holding invisible characters.
  const characters = findForbiddenCharacters(text);
  if (characters.length > 0) return { problems: characters.map((problem) => ({ field: '', ...problem })) };
  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  let bodyOffset = 0;
  if (extension === '.mdx') {
    const split = readFrontmatter(text);
    if ('problem' in split) return { problems: [split.problem] };
    yamlText = split.yaml;
    body = split.body;
    bodyOffset = split.bodyOffset;
    lineOffset = 1;
  }
  const render = body !== undefined && job.render;
  const reading = body !== undefined && (render || cached === undefined) ? readBody(body, bodyOffset) : undefined;
  let data: unknown;
  let parsed: () => ParsedYaml;
  let cacheEntry: CachedFile | undefined;
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
    if ('problems' in yaml) return { problems: found };
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
    if (found.length > 0) return { problems: found };
    const citations = reading?.citations;
    cacheEntry = { data, ...(citations ? { citations } : {}) };
  }
  // A body read again for rendering is checked again: the renderer only ever sees a safe tree.
  if (reading && reading.violations.length > 0) return { problems: bodyProblems(reading.violations) };
  const validated = (schema as z.ZodType).safeParse(data);
  if (!validated.success) {
    return {
      problems: validated.error.issues.map((issue) => problemFromIssue({ data, parsed, lineOffset }, schema, issue)),
    };
  }
  const citations = reading?.citations ?? cached?.citations;
  const rendered =
    render && reading?.tree ? renderBody(reading.tree, { filePath, contentRoot: job.contentRoot }) : undefined;
  return {
    problems: [],
    checked: {
      data,
      output: validated.data,
      yaml: yamlText,
      lineOffset,
      ...(body !== undefined ? { body } : {}),
      ...(citations ? { citations } : {}),
      ...(rendered !== undefined ? { rendered } : {}),
    },
    ...(cacheEntry ? { cacheEntry } : {}),
  };
}

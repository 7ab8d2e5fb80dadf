/** Something wrong (or suspicious) in a content file, in terms a contributor can act on. */
export interface ContentProblem {
  /** The file, relative to the repository root. */
  readonly file: string;
  /**
   * The field or fact, such as `parties[0].agencies[1]`, or by ids where a fact has one:
   * `parties[JP].signatories[kono-taro]`, `sources[moc-text]`.
   */
  readonly field: string;
  /** The field's position by index (`parties[1].signatories[0]`), to find its line when `field` names it by id. */
  readonly at?: string;
  /** What is wrong, naming the value found and what is allowed. */
  readonly message: string;
  /** The likely fix, such as `did you mean "digital-agency"?`. */
  readonly hint?: string;
  /** The line in the file, where known. */
  readonly line?: number;
  /** Errors fail the check and the build; warnings are reported and do not. */
  readonly severity: 'error' | 'warning';
}

/** One line per problem: `file:line  field  message (hint)`. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const hint = problem.hint ? ` ${problem.hint}` : '';
  return `${problem.severity === 'error' ? 'error' : 'warning'} ${where}${field} ${problem.message}${hint}`;
}

/** A report of every problem in a run, grouped by file, with a count line at the end. */
export function formatReport(problems: readonly ContentProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return lines.join('\n');
}

/** Renders a Zod-style path (`['parties', 0, 'agencies', 1]`) as `parties[0].agencies[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * What every gate prints: a readable report, then one summary line that `npm run gates` reads to
 * build its table. Each gate also runs on its own (`node scripts/gates/<gate>.ts`).
 */

/** One gate's outcome. */
export interface GateSummary {
  /** What was checked, in a few words: "69 pages". */
  readonly checked: string;
  /** How many problems were found; any problem fails the gate. */
  readonly problems: number;
  /** Extra figures worth a column in the summary, in a few words. */
  readonly note?: string | undefined;
}

/** The prefix of the line that carries the summary from a gate to the runner. */
export const summaryPrefix = 'gate-summary: ';

/** Reads the summary line from a gate's output, if it printed one. */
export function parseSummary(output: string): GateSummary | undefined {
  const line = output
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith(summaryPrefix));
  return line ? (JSON.parse(line.slice(summaryPrefix.length)) as GateSummary) : undefined;
}

/** Prints the gate's verdict and summary line, and sets the exit code: non-zero on any problem. */
export function finish(name: string, summary: GateSummary, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verdict = summary.problems === 0 ? 'passed' : `FAILED with ${summary.problems} problem(s)`;
  console.log(
    `\n${name}: ${verdict}; checked ${summary.checked}${summary.note ? `; ${summary.note}` : ''} in ${seconds} s.`,
  );
  console.log(`${summaryPrefix}${JSON.stringify(summary)}`);
  process.exitCode = summary.problems === 0 ? 0 : 1;
}

/** Kibibytes with one decimal, for size reports. */
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

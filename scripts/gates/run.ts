/**
 * `npm run gates`: runs every quality gate over the built site in turn, each as its own process
 * with its own report, then prints a summary table. Exits non-zero when any gate fails.
 *
 *   npm run gates                 # every gate; run `npm run build` first
 *   npm run gates -- links html   # only the named gates
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { parseSummary, type GateSummary } from './report.ts';

interface Gate {
  readonly name: string;
  readonly command: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

const node = process.execPath;
const gates: readonly Gate[] = [
  { name: 'html', command: [node, 'scripts/gates/html.ts'] },
  { name: 'links', command: [node, 'scripts/gates/links.ts'] },
  { name: 'accessibility', command: [node, 'scripts/gates/accessibility.ts'] },
  { name: 'csp', command: [node, 'scripts/gates/csp.ts'] },
  // Keyboard use and the page loads under the CSP, in a real browser (tests/gates/).
  {
    name: 'browser',
    command: [node, 'node_modules/vitest/vitest.mjs', 'run', '--project', 'gates'],
    env: { ACCORD_GATES: '1' },
  },
  { name: 'page-weight', command: [node, 'scripts/gates/page-weight.ts'] },
  { name: 'lighthouse', command: [node, 'scripts/gates/lighthouse.ts'] },
  { name: 'reproducible', command: [node, 'scripts/gates/reproducible.ts'] },
];

/** Runs one gate, passing its output through, and returns its exit code and output. */
function run(gate: Gate): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const [command = node, ...args] = gate.command;
    const child = spawn(command, args, { env: { ...process.env, ...gate.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Reads a vitest run's counts from its output, for the summary table. */
function vitestSummary(output: string): GateSummary | undefined {
  const plain = stripVTControlCharacters(output);
  const tests = /Tests\s+(.+)/.exec(plain)?.[1]?.trim();
  if (!tests) return undefined;
  const failed = Number(/(\d+) failed/.exec(tests)?.[1] ?? 0);
  return { checked: `${tests}`, problems: failed };
}

const only = process.argv.slice(2);
const selected = only.length > 0 ? gates.filter((gate) => only.includes(gate.name)) : gates;
const rows: string[][] = [];
const startedAll = performance.now();
for (const gate of selected) {
  console.log(`\n━━ ${gate.name} ${'━'.repeat(Math.max(0, 60 - gate.name.length))}`);
  const started = performance.now();
  const { code, output } = await run(gate);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = parseSummary(output) ?? vitestSummary(output);
  rows.push([
    gate.name,
    code === 0 ? 'pass' : 'FAIL',
    summary?.checked ?? '',
    summary ? String(summary.problems) : '?',
    `${seconds} s`,
  ]);
}

const header = ['gate', 'result', 'checked', 'problems', 'time'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
console.log(`\n${line(header)}\n${widths.map((width) => '─'.repeat(width)).join('  ')}`);
for (const row of rows) console.log(line(row));
const failed = rows.filter((row) => row[1] !== 'pass').length;
const total = ((performance.now() - startedAll) / 1000).toFixed(1);
console.log(`\n${failed === 0 ? 'Every gate passed' : `${failed} gate(s) failed`} in ${total} s.`);
process.exitCode = failed === 0 ? 0 : 1;

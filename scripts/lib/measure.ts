/**
 * Runs a Node script as its own process and measures it: wall time, CPU time, and the peak
 * resident memory of its whole process tree (Pagefind runs as a child process), polled from /proc.
 * For the benchmark; Linux only, as its figures are.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

/** One finished process: its wall time, the peak resident memory of its tree and its output. */
export interface Measured {
  readonly ms: number;
  readonly peakRssBytes: number;
  /**
   * CPU seconds (user + system) of the process and the children it waited for, from
   * /usr/bin/time: on a busy machine this varies far less than the wall time.
   */
  readonly cpuMs: number;
  readonly output: string;
  /** The one-minute load average when the process started. */
  readonly load: number;
}

/** Pids of a process and all its descendants, from /proc. */
async function processTree(pid: number): Promise<number[]> {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const taskDir = `/proc/${tree[i]}/task`;
    const tasks = await readdir(taskDir).catch(() => [] as string[]);
    for (const task of tasks) {
      const children = await readFile(`${taskDir}/${task}/children`, 'utf8').catch(() => '');
      for (const child of children.split(' ').filter(Boolean)) tree.push(Number(child));
    }
  }
  return tree;
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : 0;
}

/** Runs the project's Node on a script and measures it. Fails loudly when the command fails. */
export async function measure(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd = process.cwd(),
): Promise<Measured> {
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const timeFile = path.join(tmpdir(), `accord-time-${process.pid}-${started}.txt`);
  const timed = existsSync('/usr/bin/time');
  const [command, commandArgs] = timed
    ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, [...args]];
  const child = spawn(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakRssBytes = 0;
  let polling = true;
  const poll = (async () => {
    while (polling && child.pid !== undefined) {
      const pids = await processTree(child.pid);
      const total = (await Promise.all(pids.map(residentBytes))).reduce((sum, bytes) => sum + bytes, 0);
      peakRssBytes = Math.max(peakRssBytes, total);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  polling = false;
  await poll;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
  const [user, system] = timed ? (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number) : [];
  await rm(timeFile, { force: true });
  const cpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
  return { ms, peakRssBytes, cpuMs, output, load };
}

/** The median of some numbers; NaN for none. */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

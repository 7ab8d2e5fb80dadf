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
   * CPU milliseconds (user + system) of the whole process tree: from /usr/bin/time (the process
   * and the children it waited for), or, when larger, the sum of what each process of the tree
   * was last seen to have used. Pagefind's own process is stopped without being waited for, so
   * only the second counts it. On a busy machine this varies far less than the wall time.
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

/**
 * CPU milliseconds a process has used so far (user + system), from /proc/<pid>/stat, or 0. The
 * kernel counts in clock ticks of 10 ms on Linux.
 */
async function cpuSoFar(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name, which may hold spaces, in brackets: utime and stime are the
  // 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
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
  const cpuByPid = new Map<number, number>();
  const poll = (async () => {
    while (polling && child.pid !== undefined) {
      const pids = await processTree(child.pid);
      const total = (await Promise.all(pids.map(residentBytes))).reduce((sum, bytes) => sum + bytes, 0);
      peakRssBytes = Math.max(peakRssBytes, total);
      // /usr/bin/time itself is the root of the tree and uses next to nothing.
      for (const [pid, ms] of await Promise.all(pids.map(async (pid) => [pid, await cpuSoFar(pid)] as const)))
        cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, ms));
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
  const polledCpuMs = [...cpuByPid.values()].reduce((sum, ms) => sum + ms, 0);
  const timedCpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
  const cpuMs = Number.isNaN(timedCpuMs) ? polledCpuMs : Math.max(timedCpuMs, polledCpuMs);
  return { ms, peakRssBytes, cpuMs, output, load };
}

/** The median of some numbers; NaN for none. */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

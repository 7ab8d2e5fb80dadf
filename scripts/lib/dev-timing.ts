/**
 * How fast `astro dev` serves a catalogue: the time from starting the server to the first
 * agreement page, and from saving an edit to that page showing it. For the benchmark.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

export interface DevTimings {
  /** From starting `astro dev` to the agreement's page answering with its content. */
  readonly firstPageMs: number;
  /** From saving an edit to the agreement's body to its page showing the edit. */
  readonly editMs: number;
}

/** Fetches a page's text, or undefined while the server is not answering yet. */
async function pageText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `url` every 50 ms until its text passes `test`; fails after `limitMs`. */
async function waitFor(url: string, test: (text: string) => boolean, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const text = await pageText(url);
    if (text !== undefined && test(text)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer as expected within ${limitMs / 1000} s.`);
}

/**
 * Starts `astro dev` on `port` with `env`, opens the page of agreement `id`, then appends a
 * sentence citing `source` to `file` (the agreement's file) and waits for the page to show it.
 * The file is restored and the server stopped, whatever happens.
 */
export async function timeDevServer(options: {
  readonly astro: string;
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  readonly id: string;
  readonly file: string;
  readonly source: string;
}): Promise<DevTimings> {
  const { astro, env, port, id, file, source } = options;
  const url = `http://localhost:${port}/agreements/${id}/`;
  const original = await readFile(file, 'utf8');
  const started = performance.now();
  const server = spawn(process.execPath, [astro, 'dev', '--port', String(port), '--host', 'localhost'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitFor(url, (text) => text.includes('<h1'), 15 * 60_000);
    const firstPageMs = performance.now() - started;
    const marker = `edited-${Date.now()}`;
    await writeFile(file, `${original}\nThe parties met again (${marker}). <Cite source="${source}" />\n`);
    const editMs = await waitFor(url, (text) => text.includes(marker), 5 * 60_000);
    return { firstPageMs, editMs };
  } finally {
    await writeFile(file, original);
    // The server and the processes it started are one group.
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  }
}

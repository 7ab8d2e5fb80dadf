/**
 * Child processes of the tests that build: the content check and Astro's command line, run with
 * the test's environment plus what the test sets, stdout and stderr together as one output.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Astro's command line, as `npm run build` runs it. */
export const astroCli = path.resolve('node_modules/astro/bin/astro.mjs');

/** How a child process ended: its exit status (null when killed) and everything it printed. */
export interface ProcessResult {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Runs a Node script with the test's environment plus `env`. Vitest puts Vite's own BASE_URL into
 * the environment, and a child build would take it for the site's base path, so it is left out.
 */
export function runNode(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  options: { readonly cwd?: string } = {},
): ProcessResult {
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'BASE_URL')), ...env },
    // A build of a small catalogue takes seconds; a hung one fails the test instead of the run.
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The folders of one build: the catalogue it reads, where it writes the site, and its own cache. */
export interface BuildFolders {
  readonly content: string;
  readonly outDir: string;
  readonly cacheDir: string;
}

/** Builds the site from `content` into `outDir` with a bare `astro build`, as side-by-side builds do. */
export function buildSite(folders: BuildFolders, env: Readonly<Record<string, string>> = {}): ProcessResult {
  return runNode([astroCli, 'build'], {
    ACCORD_CONTENT_DIR: folders.content,
    ACCORD_OUT_DIR: folders.outDir,
    ACCORD_CACHE_DIR: folders.cacheDir,
    ...env,
  });
}

import { execFileSync } from 'node:child_process';

/**
 * Reads `git log --name-only --format=%x1e%cs` output (newest commit first) into the day each file
 * last changed. The first date seen for a file is its latest.
 */
export function parseGitLog(output: string): Map<string, string> {
  const lastChanged = new Map<string, string>();
  for (const record of output.split('\x1e')) {
    const [date, ...files] = record
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (const file of files) if (!lastChanged.has(file)) lastChanged.set(file, date);
  }
  return lastChanged;
}

/**
 * The day each file under `folder` was last committed, by its path relative to the working
 * directory, in one `git log` call. Empty when there is no git history (a build from an archive,
 * or a shallow clone's single commit says only that day), so pages then show no date rather than
 * a wrong one.
 */
export function readLastChanged(folder: string): Map<string, string> {
  try {
    const output = execFileSync('git', ['log', '--relative', '--name-only', '--format=%x1e%cs', '--', folder], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseGitLog(output);
  } catch {
    return new Map();
  }
}

import path from 'node:path';

/** True when `file` is `folder` or inside it (both absolute). */
export const isInside = (folder: string, file: string): boolean =>
  file === folder || file.startsWith(folder + path.sep);

/**
 * What `astro dev` leaves unwatched: every file inside one of the `unwatched` folders (built
 * sites, caches, the benchmark's folder), except inside the content folder, which is watched
 * wherever it is. Built sites and caches hold tens of thousands of files and are not sources:
 * Vite leaves the output folder out only when it empties it, which this build does not, and
 * watching `.bench/` ran out of the system's file watchers (ENOSPC) and held the first page of a
 * 10,000-entry catalogue for over a minute.
 */
export function unwatchedFiles(options: {
  readonly content: string;
  readonly unwatched: readonly string[];
}): (file: string) => boolean {
  const content = path.resolve(options.content);
  const unwatched = options.unwatched.map((folder) => path.resolve(folder));
  return (file) => {
    const absolute = path.resolve(file);
    return !isInside(content, absolute) && unwatched.some((folder) => isInside(folder, absolute));
  };
}

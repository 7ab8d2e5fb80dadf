import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { collectionNames, collections, topLevelFiles, type CollectionName } from '../collections.ts';
import { idPattern } from '../schemas/common.ts';
import type { ContentProblem } from './problems.ts';

/** A file of the content folder, accepted by its place and name, not yet read. */
export interface ContentFile {
  readonly collection: CollectionName;
  readonly id: string;
  /** The path as `root` was given, joined with the folder and the file name. */
  readonly filePath: string;
}

/** A file name as a message shows it: as it is, or quoted and escaped when it holds anything unusual. */
function shownName(name: string): string {
  return /^[\w.@+-]+$/.test(name)
    ? name
    : JSON.stringify(name).replace(
        /[\u007f-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
}

/** Orders directory entries by name, the same way everywhere (not by locale). */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const layout = `${collectionNames.map((name) => collections[name].folder).join('/, ')}/ and ${[...topLevelFiles].join(', ')}`;

/** Why an entry that is not a plain file is refused; it is never opened, so nothing of it is shown. */
function notRegularFile(entry: Dirent | { isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  if (entry.isSymbolicLink())
    return 'is a symbolic link; content files must be plain files (a link could point to any file of the machine that builds the site).';
  if (entry.isDirectory()) return 'is a folder; the collection folders hold files only.';
  return 'is not a plain file (a device, pipe or socket).';
}

/**
 * Lists the files of a content folder, deny by default: every entry is either accepted as what
 * its folder says it is, or refused with a problem naming it. Hidden files, files and folders
 * other than the collections and `LICENSE.md` at the top, folders inside collections, symbolic
 * links, devices, pipes and sockets are refused, and none of them is opened. Types come from
 * `lstat` (`readdir` with file types does not follow links either).
 */
export async function listContentFiles(root: string): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const files: ContentFile[] = [];
  const refuse = (file: string, message: string, hint?: string): void => {
    problems.push({ file, field: '', severity: 'error', message, ...(hint ? { hint } : {}) });
  };
  const rootStats = await lstat(root).catch(() => undefined);
  if (!rootStats?.isDirectory()) {
    refuse(
      root,
      rootStats
        ? 'is not a folder (a symbolic link or a file): the content folder must be a folder.'
        : 'content folder is missing.',
    );
    return { files, problems };
  }
  const folders = new Map<string, CollectionName>(collectionNames.map((name) => [collections[name].folder, name]));
  const top = (await readdir(root, { withFileTypes: true }).catch(() => [])).sort(byName);
  const seen = new Set<string>();
  for (const entry of top) {
    const shown = path.join(root, shownName(entry.name));
    if (entry.name.startsWith('.')) {
      refuse(
        shown,
        'is a hidden file or folder; the content folder holds only entries.',
        `Delete it, or move it out of ${root}.`,
      );
    } else if (topLevelFiles.has(entry.name)) {
      if (!entry.isFile()) refuse(shown, notRegularFile(entry));
    } else if (folders.has(entry.name)) {
      if (entry.isDirectory()) seen.add(entry.name);
      else refuse(shown, `${notRegularFile(entry)} It must be the folder of the ${folders.get(entry.name)}.`);
    } else {
      refuse(
        shown,
        `is not part of the catalogue: ${root} holds only ${layout}.`,
        'Move it into the folder its content belongs to, or out of the content folder.',
      );
    }
  }
  for (const name of collectionNames) {
    const { folder, extension } = collections[name];
    const directory = path.join(root, folder);
    if (!seen.has(folder)) {
      if (!top.some((entry) => entry.name === folder)) refuse(directory, 'folder is missing.');
      continue;
    }
    const listed = await readdir(directory, { withFileTypes: true }).catch(() => undefined);
    if (!listed) {
      refuse(directory, 'folder could not be read.');
      continue;
    }
    for (const entry of listed.sort(byName)) {
      const filePath = path.join(directory, shownName(entry.name));
      if (entry.name.startsWith('.')) {
        refuse(
          filePath,
          'is a hidden file; only entries may be in a collection folder.',
          `Delete it, or move it out of ${directory}.`,
        );
        continue;
      }
      if (!entry.isFile()) {
        refuse(filePath, notRegularFile(entry), `Replace it with a plain ${extension} file, or remove it.`);
        continue;
      }
      if (!entry.name.endsWith(extension)) {
        refuse(
          filePath,
          `is not a ${extension} file, so it would not be published.`,
          `Rename it to end in ${extension}, or move it out of ${directory}.`,
        );
        continue;
      }
      const id = entry.name.slice(0, -extension.length);
      if (!idPattern.test(id)) {
        refuse(
          filePath,
          `the file name "${shownName(id)}" must be lower-case letters, digits and single hyphens.`,
          `Rename it to ${id
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}${extension}.`,
        );
        continue;
      }
      files.push({ collection: name, id, filePath });
    }
  }
  return { files, problems };
}

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { ContentProblem } from './problems.ts';
import { maxFileBytes } from './text-checks.ts';

/** A problem in a file, before its path is added. */
export type FileProblem = Omit<ContentProblem, 'file' | 'severity'>;

// ignoreBOM keeps a byte order mark in the text, where the character check refuses it by name.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a content file's text without following a symbolic link (`O_NOFOLLOW`: a file swapped
 * for a link after it was listed still fails), and only when it is a plain file of at most
 * `maxFileBytes` holding UTF-8 text. Synchronous: a catalogue is thousands of small files, and
 * each asynchronous step (open, stat, read, close) waits its turn in Node's thread pool; 13,274
 * files took 1.8 to 3.2 s that way on the benchmark machine, and 0.2 s like this.
 */
export function readContentText(filePath: string): { text: string } | { problem: FileProblem } {
  let handle: number;
  try {
    handle = openSync(filePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      problem: {
        field: '',
        message:
          code === 'ELOOP'
            ? 'is a symbolic link; content files must be plain files.'
            : `could not be opened (${code ?? 'unknown error'}).`,
      },
    };
  }
  try {
    const stats = fstatSync(handle);
    if (!stats.isFile()) return { problem: { field: '', message: 'is not a plain file.' } };
    if (stats.size > maxFileBytes) {
      return {
        problem: {
          field: '',
          message: `is ${Math.ceil(stats.size / 1024)} KiB; a content file may be at most ${maxFileBytes / 1024} KiB.`,
          hint: 'An entry summarises its sources in a few paragraphs; the sources hold the full text.',
        },
      };
    }
    try {
      return { text: utf8.decode(readFileSync(handle)) };
    } catch {
      return {
        problem: { field: '', line: 1, message: 'is not UTF-8 text.', hint: 'Save it with the UTF-8 encoding.' },
      };
    }
  } finally {
    closeSync(handle);
  }
}

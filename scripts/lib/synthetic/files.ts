/** Reading the real topics a synthetic catalogue uses, and writing the catalogue to a folder. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { GeneratedFiles, TopicFile } from './catalogue.ts';

/** Reads the real topics from a content folder. */
export async function readTopics(contentDir: string): Promise<TopicFile[]> {
  const names = (await readdir(path.join(contentDir, 'topics'))).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => ({
      id: name.slice(0, -'.yaml'.length),
      text: await readFile(path.join(contentDir, 'topics', name), 'utf8'),
    })),
  );
}

/** Replaces `out` with the generated files. */
export async function writeCatalogue(out: string, files: GeneratedFiles): Promise<void> {
  await rm(out, { recursive: true, force: true });
  for (const folder of ['agreements', 'agencies', 'people', 'topics'])
    await mkdir(path.join(out, folder), { recursive: true });
  // A bounded number of writes at a time: ten thousand at once would exhaust file handles.
  await pMap(files, ([name, text]) => writeFile(path.join(out, name), text), { concurrency: 32 });
}

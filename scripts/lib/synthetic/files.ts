/** Reading the real topics a synthetic catalogue uses, and writing the catalogue to a folder. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  const pending = [...files];
  // A bounded number of writes at a time: ten thousand at once would exhaust file handles.
  const workers = Array.from({ length: 32 }, async () => {
    for (let next = pending.shift(); next; next = pending.shift()) await writeFile(path.join(out, next[0]), next[1]);
  });
  await Promise.all(workers);
}

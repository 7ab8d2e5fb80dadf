import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/checker/read-content.ts';
import { generateCatalogue } from '../../scripts/lib/synthetic/catalogue.ts';
import { readTopics, writeCatalogue } from '../../scripts/lib/synthetic/files.ts';
import { mulberry32 } from '../../scripts/lib/synthetic/random.ts';

const topics = await readTopics('content');
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the synthetic catalogue generator', () => {
  it('draws the same numbers from the same seed and different ones from another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('writes the same files for the same seed, and different files for another seed', () => {
    const first = generateCatalogue({ entries: 30, seed: 3, topics });
    const again = generateCatalogue({ entries: 30, seed: 3, topics });
    const other = generateCatalogue({ entries: 30, seed: 4, topics });
    expect([...again]).toEqual([...first]);
    expect([...other]).not.toEqual([...first]);
  });

  it('writes the number of agreements asked for, with the real topics and bodies of 300 to 1,000 words', () => {
    const files = generateCatalogue({ entries: 20, seed: 1, topics });
    const agreements = [...files].filter(([file]) => file.startsWith('agreements/'));
    expect(agreements).toHaveLength(20);
    for (const topic of topics) expect(files.get(`topics/${topic.id}.yaml`)).toBe(topic.text);
    for (const [, text] of agreements) {
      const words = (text.split(/\n---\n/)[1] ?? '').split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(1300);
    }
  });

  it('generates a catalogue that passes the content check without a problem', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'accord-generated-'));
    folders.push(folder);
    await writeCatalogue(folder, generateCatalogue({ entries: 20, seed: 11, topics }));
    const { problems, input } = await readContent(folder);
    expect(problems).toEqual([]);
    expect(input.agreements).toHaveLength(20);
  });
});

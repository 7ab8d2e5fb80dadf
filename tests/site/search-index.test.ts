import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { editionGlobs } from '../../src/integrations/pagefind.ts';
import { fixtureSite } from '../support/fixture-site.ts';

/** Every file under a folder with its bytes, by path. */
async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      names.map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(folder, file), await readFile(file)] as const;
      }),
    ),
  );
}

let scratch: string | undefined;
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the search index', () => {
  it('is made of one glob per edition that together take in every page once', async () => {
    const globs = await editionGlobs(fixtureSite());
    expect(globs.map(({ locale }) => locale)).toEqual(['en', 'ja']);
    expect(globs.find(({ locale }) => locale === 'ja')?.glob).toBe('ja/**/*.html');
    const english = globs.find(({ locale }) => locale === 'en')?.glob ?? '';
    expect(english).toContain('agreements/**/*.html');
    expect(english).toContain('index.html');
    expect(english).not.toMatch(/(^|[{,])(ja|pagefind)\//);
  });

  it('built one edition at a time is, byte for byte, what one Pagefind run over the whole site writes', async () => {
    const site = fixtureSite();
    scratch = await mkdtemp(path.join(tmpdir(), 'accord-pagefind-whole-'));
    const { index, errors } = await createIndex({});
    expect(errors).toEqual([]);
    try {
      // The site's own index folder is not HTML, so Pagefind's default glob leaves it out.
      const added = await index!.addDirectory({ path: site });
      expect(added.errors).toEqual([]);
      const written = await index!.writeFiles({ outputPath: scratch });
      expect(written.errors).toEqual([]);
    } finally {
      await close();
    }
    const whole = await filesOf(scratch);
    const split = await filesOf(path.join(site, 'pagefind'));
    expect([...split.keys()].sort()).toEqual([...whole.keys()].sort());
    // Both editions are in it, with pages each.
    const entry = JSON.parse(split.get('pagefind-entry.json')!.toString()) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en', 'ja']);
    expect(Object.values(entry.languages).every(({ page_count }) => page_count > 0)).toBe(true);
    const differing = [...whole].filter(([file, bytes]) => !split.get(file)?.equals(bytes)).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

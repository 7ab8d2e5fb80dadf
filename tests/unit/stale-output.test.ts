import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleOutput } from '../../src/integrations/stale-output.ts';

let folder: string;
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes a file; an `old` one is dated a day before now. */
async function put(file: string, old: boolean): Promise<void> {
  const full = path.join(folder, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, file);
  if (old) {
    const dayAgo = new Date(Date.now() - 86_400_000);
    await utimes(full, dayAgo, dayAgo);
  }
}

describe('the sweep of an earlier build', () => {
  it('deletes the files the build neither wrote nor kept and the folders they leave empty, and nothing else', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'accord-stale-'));
    await put('agreements/gone/index.html', true);
    await put('agreements/kept/index.html', false);
    await put('ja/agreements/gone/index.html', true);
    await put('sitemap-1.xml', true);
    await put('index.html', false);
    await put('.git/HEAD', true);
    // A page the build kept as it was: old, but among the build's files.
    await put('agreements/cached/index.html', true);
    const kept = new Set([path.join(folder, 'agreements/cached/index.html')]);
    const removed = removeStaleOutput(folder, Date.now() - 60_000, kept);
    expect(removed).toBe(3);
    expect(existsSync(path.join(folder, 'agreements/cached/index.html'))).toBe(true);
    expect(existsSync(path.join(folder, 'agreements/gone'))).toBe(false);
    expect(existsSync(path.join(folder, 'ja'))).toBe(false);
    expect(existsSync(path.join(folder, 'sitemap-1.xml'))).toBe(false);
    expect(existsSync(path.join(folder, 'agreements/kept/index.html'))).toBe(true);
    expect(existsSync(path.join(folder, 'index.html'))).toBe(true);
    expect(existsSync(path.join(folder, '.git/HEAD'))).toBe(true);
  });

  it('leaves alone the folders it is told to, old files and all', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'accord-stale-'));
    await put('pagefind/pagefind-entry.json', true);
    await put('agreements/gone/index.html', true);
    const removed = removeStaleOutput(folder, Date.now() - 60_000, new Set(), new Set(['pagefind']));
    expect(removed).toBe(1);
    expect(existsSync(path.join(folder, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});

import { cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlainJson, memoryCache, openCheckCache } from '../../src/checker/check-cache.ts';
import { listContentFiles } from '../../src/checker/list-files.ts';
import { readContent, readMemo } from '../../src/checker/read-content.ts';
import { folderState, openRunRecord } from '../../src/checker/run-record.ts';
import { fixtureContent } from '../support/fixtures.ts';

const coverage = { agreements: [0, 3], agencies: [0, 4], people: [0, 2], topics: [0, 2] } as const;

const folders: string[] = [];
async function temporary(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'accord-check-cache-'));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the content check cache', () => {
  it('gives the same entries and problems from the cache as from parsing', async () => {
    const cache = memoryCache();
    const parsed = await readContent('tests/fixtures/catalogue', { cache });
    const cached = await readContent('tests/fixtures/catalogue', { cache: memoryCache(cache.used) });
    expect(cache.used.size).toBeGreaterThan(0);
    expect(cached.input).toEqual(parsed.input);
    expect(cached.problems).toEqual(parsed.problems);
    expect(cached.citations).toEqual(parsed.citations);
    expect(cached.files.agreements.map((file) => file.body)).toEqual(parsed.files.agreements.map((file) => file.body));
  });

  it('never remembers a file with a problem, so the problem is reported on every run', async () => {
    const cache = memoryCache();
    const unsafe = await fixtureContent('unsafe');
    folders.push(unsafe);
    const first = await readContent(unsafe, { cache });
    const second = await readContent(unsafe, { cache: memoryCache(cache.used) });
    expect(first.problems.length).toBeGreaterThan(0);
    expect(second.problems).toEqual(first.problems);
  });

  it('reports the line of an integrity problem in a file read from the cache', async () => {
    const root = await temporary();
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const cache = memoryCache();
    await readContent(root, { cache });
    // Removing a topic breaks every agreement that names it, without changing those files.
    await rm(path.join(root, 'topics', 'digital-identity.yaml'));
    const parsed = await readContent(root);
    const cached = await readContent(root, { cache: memoryCache(cache.used) });
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(cached.problems).toEqual(parsed.problems);
  });

  it('parses an edited file again, even when its size and time stamp look unchanged', async () => {
    const root = await temporary();
    const store = await temporary();
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const first = await openCheckCache(store, root);
    await readContent(root, { cache: first.cache });
    await first.save();
    const file = path.join(root, 'agreements', 'alpha-beta-identity-moc-2021.mdx');
    const text = await readFile(file, 'utf8');
    // Same length, and the time stamp set back: only the text tells the edit apart.
    const { mtime } = await stat(file);
    await writeFile(file, text.replace('about verified credentials', 'about verified credentialz'));
    await utimes(file, mtime, mtime);
    const second = await openCheckCache(store, root);
    const { input } = await readContent(root, { cache: second.cache });
    const edited = input.agreements.find((entry) => entry.id === 'alpha-beta-identity-moc-2021');
    expect(edited?.data.summary).toContain('verified credentialz');
  });

  it('hands its entries to the next run of the same process, which saves them if this run did not', async () => {
    const root = await temporary();
    const store = await temporary();
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const first = await openCheckCache(store, root);
    const parsed = await readContent(root, { cache: first.cache });
    // Not saved: the next run knows the entries anyway, without a file to read them from.
    const second = first.next();
    const digest = parsed.files.agreements[0]?.digest ?? '';
    expect(second.cache.get(digest)).toBeDefined();
    await readContent(root, { cache: second.cache });
    await second.save();
    const reopened = await openCheckCache(store, root);
    expect(reopened.cache.get(digest)).toEqual(second.cache.get(digest));
  });

  it('stores only data that survives JSON unchanged', () => {
    expect(isPlainJson({ a: [1, 'b', true, null] })).toBe(true);
    expect(isPlainJson({ a: new Date(0) })).toBe(false);
    expect(isPlainJson({ a: Number.POSITIVE_INFINITY })).toBe(false);
    expect(isPlainJson({ a: undefined })).toBe(false);
  });
});

describe('the memo of a process that reads the same folder again (astro dev)', () => {
  it('reads again only the files it is told changed, and then finds what a fresh read finds', async () => {
    const root = await temporary();
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    const memo = readMemo();
    const first = await readContent(root, { memo });
    const file = path.join(root, 'agreements', 'alpha-beta-identity-moc-2021.mdx');
    const summary = (result: typeof first): string | undefined =>
      result.input.agreements.find((entry) => entry.id === 'alpha-beta-identity-moc-2021')?.data.summary;
    await writeFile(file, (await readFile(file, 'utf8')).replace('about verified credentials', 'about keys'));
    // Nobody said the file changed: the memo's text stands.
    expect(summary(await readContent(root, { memo }))).toBe(summary(first));
    memo.texts.delete(path.resolve(file));
    const edited = await readContent(root, { memo });
    expect(summary(edited)).toContain('about keys');
    const fresh = await readContent(root);
    expect(edited.input).toEqual(fresh.input);
    expect(edited.problems).toEqual(fresh.problems);
  });

  it('forgets a removed file, and checks a file with a problem on every run', async () => {
    const unsafe = await fixtureContent('unsafe');
    folders.push(unsafe);
    const memo = readMemo();
    const first = await readContent(unsafe, { memo });
    const again = await readContent(unsafe, { memo });
    expect(first.problems.length).toBeGreaterThan(0);
    expect(again.problems).toEqual(first.problems);
    const faulty = new Set(first.problems.map((problem) => problem.file));
    const keys = [...memo.outcomes.keys()];
    for (const checked of first.files.agreements) expect(faulty.has(checked.filePath)).toBe(false);
    expect(keys.length).toBe(Object.values(first.files).flat().length);
    const [removed] = first.files.topics;
    if (!removed) throw new Error('The fixture has no valid topic.');
    await rm(removed.filePath);
    await readContent(unsafe, { memo });
    expect(memo.texts.has(path.resolve(removed.filePath))).toBe(false);
  });
});

// Waits twice for a folder's times to settle.
describe('the record of the last check', { timeout: 30_000 }, () => {
  it('gives the last report back while no file changes, and not once one does', async () => {
    const root = await temporary();
    const store = await temporary();
    await cp('tests/fixtures/catalogue', root, { recursive: true });
    // A folder whose files changed in the last two seconds has no state yet: a second edit
    // within the same second might not show in its times.
    expect(await folderState(root, await listContentFiles(root))).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const state = await folderState(root, await listContentFiles(root));
    expect(state).toBeDefined();
    const record = await openRunRecord(store, root);
    const report = { problems: [], fileCount: 11, validAgreements: 3, japaneseNames: coverage };
    await record.save(state!, report);
    const again = await openRunRecord(store, root);
    expect(again.reportFor((await folderState(root, await listContentFiles(root)))!)).toEqual(report);

    const file = path.join(root, 'topics', 'e-invoicing.yaml');
    // An edit of the same size, the kind a time stamp and a size alone could miss.
    await writeFile(file, (await readFile(file, 'utf8')).replace('Fixture topic.', 'Fixture topiC.'));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const edited = await folderState(root, await listContentFiles(root));
    expect(edited).toBeDefined();
    expect(again.reportFor(edited!)).toBeUndefined();
  });
});

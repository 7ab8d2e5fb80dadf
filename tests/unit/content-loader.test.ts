import { EventEmitter } from 'node:events';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The content loader run as Astro runs it, with a store, a logger and (for `astro dev`) a file
 * watcher of its own: what it keeps of the rendered bodies when an agreement is edited.
 */
let work: string;
let content: string;
let bodies: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'accord-loader-'));
  content = path.join(work, 'content');
  bodies = path.join(work, 'cache', 'rendered-bodies');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  vi.stubEnv('ACCORD_CACHE_DIR', path.join(work, 'cache'));
  vi.stubEnv('ACCORD_CHECK_CACHE_DIR', path.join(work, 'check-cache'));
  vi.resetModules();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await rm(work, { recursive: true, force: true });
});

/** Loads the agreements once, as a build (no watcher) or `astro dev` does; returns its log. */
async function loadAgreements(watcher?: EventEmitter & { add(folder: string): void }) {
  const { contentLoader } = await import('../../src/checker/content-loader.ts');
  const entries = new Map<string, { id: string; digest?: string | number }>();
  const info: string[] = [];
  const errors: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; digest?: string | number }) => (entries.set(entry.id, entry), true),
      delete: (id: string) => entries.delete(id),
      keys: () => entries.keys(),
      values: () => entries.values(),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    logger: {
      info: (message: string) => info.push(message),
      warn: () => {},
      error: (message: string) => errors.push(message),
    },
    config: { root: pathToFileURL(`${process.cwd()}/`) },
    watcher,
  };
  await contentLoader(content, 'agreements').load(context as never);
  return Object.assign(info, { errors, entries });
}

const edit = (file: string) => appendFile(file, '\nThe parties met again. <Cite source="fixture-release" />\n');
const agreement = () => path.join(content, 'agreements', 'alpha-beta-identity-moc-2021.mdx');

describe('the rendered bodies kept by the content loader', () => {
  it('are swept by a build of what no entry names any more', async () => {
    await loadAgreements();
    const before = await readdir(bodies);
    await edit(agreement());
    vi.resetModules();
    await loadAgreements();
    const after = await readdir(bodies);
    expect(after).toHaveLength(before.length);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
  });

  it("keep under astro dev an edited entry's old body, which its pages read until they reload", async () => {
    const watcher = Object.assign(new EventEmitter(), { add: () => {} });
    const info = await loadAgreements(watcher);
    const before = await readdir(bodies);
    await edit(agreement());
    watcher.emit('all', 'change', agreement());
    await vi.waitFor(() => expect(info).toHaveLength(2), { timeout: 10_000 });
    expect(info[1]).toMatch(/^Rendered 1 of \d+ agreement bodies/);
    const after = await readdir(bodies);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('refuses under astro dev an entry edited into something unsafe, and takes it back once fixed', async () => {
    const watcher = Object.assign(new EventEmitter(), { add: () => {} });
    const info = await loadAgreements(watcher);
    const id = 'alpha-beta-identity-moc-2021';
    expect(info.entries.has(id)).toBe(true);
    const original = await readFile(agreement(), 'utf8');
    await writeFile(agreement(), `${original}\nimport data from '../../package.json';\n`);
    watcher.emit('all', 'change', agreement());
    await vi.waitFor(() => expect(info.errors).toHaveLength(1), { timeout: 10_000 });
    expect(info.errors[0]).toContain(`${id}.mdx`);
    await vi.waitFor(() => expect(info.entries.has(id)).toBe(false), { timeout: 10_000 });
    await writeFile(agreement(), original);
    watcher.emit('all', 'change', agreement());
    await vi.waitFor(() => expect(info.entries.has(id)).toBe(true), { timeout: 10_000 });
  });
});

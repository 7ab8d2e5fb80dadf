import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// More pages than the process may have files open: 2,000 under a limit of 256. Read all at once,
// they failed with EMFILE, as the 33,000 pages of a large build did under the usual limits.
const pageCount = 2000;
const openFileLimit = 256;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'accord-built-site-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>home</title>');
  await mkdir(path.join(dir, 'p'));
  for (let n = 0; n < pageCount; n++) {
    await writeFile(path.join(dir, 'p', `${String(n).padStart(4, '0')}.html`), `<!doctype html><title>${n}</title>`);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `builtPages` on the folder in a Node process that may open `openFileLimit` files. */
function readUnderLimit(): ReturnType<typeof spawnSync> {
  const module = path.resolve('scripts/lib/built-site.ts');
  const script = `
    import { builtPages } from ${JSON.stringify(module)};
    const pages = await builtPages(${JSON.stringify(dir)});
    console.log(JSON.stringify(pages.map((page) => [page.url, page.document.querySelector('title')?.text])));
  `;
  return spawnSync(
    'bash',
    ['-c', `ulimit -n ${openFileLimit} && exec "$0" --input-type=module -e "$1"`, process.execPath, script],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
}

describe('reading a built site', () => {
  it('reads more pages than the process may open files at once, in the order of their files', () => {
    const result = readUnderLimit();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const pages = JSON.parse(String(result.stdout)) as [string, string][];
    expect(pages).toHaveLength(pageCount + 1);
    expect(pages[0]).toEqual(['/', 'home']);
    expect(pages[1]).toEqual(['/p/0000.html', '0']);
    expect(pages.at(-1)).toEqual([`/p/${pageCount - 1}.html`, String(pageCount - 1)]);
    expect(pages.slice(1).map(([, title]) => Number(title))).toEqual([...Array(pageCount).keys()]);
  });
});

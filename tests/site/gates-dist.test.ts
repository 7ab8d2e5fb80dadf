import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixture-site.ts';

let copy: string;

// A copy of the fixture site, so the gates see a site in a folder that no default names.
beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'accord-gates-dist-'));
  await cp(fixtureSite(), copy, { recursive: true });
});

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

/** Runs a gate on the copy, with the default output folder pointing nowhere, so any fallback to it shows. */
async function gate(name: string): Promise<{ code: number; output: string }> {
  const run = promisify(execFile)(process.execPath, [`scripts/gates/${name}.ts`, '--dist', copy], {
    env: { ...process.env, ACCORD_OUT_DIR: path.join(copy, 'not-here') },
  });
  return run.then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );
}

describe('the gates given --dist', () => {
  it('list and resolve every page of that folder, and of no other', async () => {
    for (const name of ['links', 'csp', 'page-weight']) {
      const { code, output } = await gate(name);
      // The fixture site’s 168 pages: 84 in each edition.
      expect(output, name).toContain('gate-summary: {"checked":"168 pages","problems":0');
      expect(code, name).toBe(0);
    }
    // Three gate processes, each a few seconds on a busy machine.
  }, 60_000);

  it('report a broken link that exists only in that folder', async () => {
    const about = path.join(copy, 'about', 'index.html');
    const html = await readFile(about, 'utf8');
    await writeFile(about, html.replace('</main>', '<a href="/only-in-the-copy/">x</a></main>'));
    const { code, output } = await gate('links');
    expect(output).toContain('/about/: /only-in-the-copy/ leads nowhere');
    expect(code).toBe(1);
    await writeFile(about, html);
  }, 60_000);
});

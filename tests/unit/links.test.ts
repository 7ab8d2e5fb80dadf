import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/lib/built-site.ts';
import { checkLinks } from '../../scripts/lib/links.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'accord-links-'));
  await mkdir(path.join(dir, 'map'));
  await writeFile(
    path.join(dir, 'map', 'world.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="land" d="M0 0h1z"/><path id="jp" d="M1 1h1z"/></defs></svg>',
  );
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><body><svg>
      <use href="/map/world.svg#land"></use>
      <a href="/"><use href="/map/world.svg?v=0123abcd#jp"></use></a>
      <a href="/"><use href="/map/world.svg?v=0123abcd#xx"></use></a>
      <use href="/map/gone.svg#land"></use>
      <image href="/map/world.svg"></image>
    </svg></body></html>`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the link check', () => {
  it("follows what an inline SVG uses from a file, its version or not, and the shape's id in that file", async () => {
    const report = checkLinks(dir, await builtPages(dir));
    expect(report.problems).toEqual([
      '/: /map/world.svg?v=0123abcd#xx points at #xx, which /map/world.svg does not have',
      '/: /map/gone.svg#land leads nowhere (no /map/gone.svg in the built site)',
    ]);
    // Two links to the page itself, four uses and the image.
    expect(report.internal).toBe(7);
    expect(report.fragments).toBe(3);
  });
});

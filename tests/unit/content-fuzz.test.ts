import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/checker/read-content.ts';
import { readStrictYaml } from '../../src/checker/strict-yaml.ts';
import { checkMdxBody } from '../../src/markdown/parse-body.ts';
import { mulberry32 } from '../../scripts/lib/synthetic/random.ts';

/**
 * Random and deeply nested Markdown and YAML, for a fixed time budget: the checker must report
 * problems, never throw, crash or take long on any of them. The seed is printed with a failure;
 * ACCORD_FUZZ_SEED replays it.
 */
const budget = 3000;
// A hang took minutes; two seconds leaves room for a machine busy with other tests.
const slowest = 2000;
const seed = Number(process.env['ACCORD_FUZZ_SEED'] ?? Date.now() % 1_000_000);

const random = mulberry32(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const size = (max: number): number => Math.floor(random() ** 3 * max);

const markdownPieces = [
  '- ',
  '* ',
  '+ ',
  '1. ',
  '> ',
  '  ',
  '    ',
  '\t',
  '\n',
  '\n\n',
  '# ',
  '**',
  '_',
  '`',
  '```',
  '~~~',
  '|',
  '---',
  '<b>',
  '</b>',
  '<i>',
  '<Quote>',
  '</Quote>',
  '<Callout kind="note">',
  '</Callout>',
  '<Figure src="/a.png" alt="a" />',
  '<',
  '>',
  '{',
  '}',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '[^1]',
  '[x]: ',
  'https://example.org/',
  './a.mjs',
  '?raw',
  '&amp;',
  '&#0;',
  '"',
  "'",
  'text',
  'é',
  '東京',
  '\u00a0',
  ':',
  '=',
  '@',
];
const yamlPieces = [
  'title: ',
  'a: ',
  '- ',
  '? ',
  ': ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '"',
  "'",
  '|',
  '>-',
  '\n',
  '  ',
  '    ',
  '#',
  '---',
  '...',
  '%YAML 1.2\n',
  '<<: ',
  '2022-05-26',
  '0000',
  'true',
  '~',
  '0x1F',
  '.inf',
  'x',
  'é',
  '\t',
];

/** A random text: mostly random pieces, sometimes one piece repeated thousands of times. */
function randomText(pieces: readonly string[]): string {
  const parts: string[] = [];
  const count = size(200);
  for (let i = 0; i < count; i++) {
    if (random() < 0.05) {
      const repeated = pick(pieces);
      parts.push(
        random() < 0.5
          ? repeated.repeat(size(20_000))
          : Array.from({ length: size(3000) }, (_, depth) => `${' '.repeat(depth % 200)}${repeated}`).join('\n'),
      );
    } else parts.push(pick(pieces));
  }
  return parts.join('');
}

/** Runs `check` and fails with the seed when it throws or takes longer than `slowest`. */
function timed(kind: string, input: string, check: () => unknown): void {
  const started = performance.now();
  expect(check, `${kind} threw (ACCORD_FUZZ_SEED=${seed}): ${JSON.stringify(input.slice(0, 200))}`).not.toThrow();
  const took = performance.now() - started;
  expect(
    took,
    `${kind} took ${Math.round(took)} ms (ACCORD_FUZZ_SEED=${seed}): ${JSON.stringify(input.slice(0, 200))}`,
  ).toBeLessThan(slowest);
}

describe(`the content checker on random input (seed ${seed})`, { timeout: 30_000 }, () => {
  it('never throws, crashes or hangs on random and deeply nested Markdown', () => {
    let runs = 0;
    for (const end = performance.now() + budget / 2; performance.now() < end; runs++) {
      const body = randomText(markdownPieces);
      timed('checkMdxBody', body, () => checkMdxBody(body, 30));
    }
    expect(runs).toBeGreaterThan(10);
  });

  it('never throws, crashes or hangs on random and deeply nested YAML', () => {
    let runs = 0;
    for (const end = performance.now() + budget / 2; performance.now() < end; runs++) {
      const yaml = randomText(yamlPieces);
      timed('readStrictYaml', yaml, () => readStrictYaml(yaml));
    }
    expect(runs).toBeGreaterThan(10);
  });

  it('reports random files as problems of those files, never as a failure of the check', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'accord-fuzz-'));
    try {
      await cp('tests/fixtures/catalogue', root, { recursive: true });
      await writeFile(
        path.join(root, 'agreements', 'fuzz-2022.mdx'),
        `---\n${randomText(yamlPieces)}\n---\n${randomText(markdownPieces)}`,
      );
      await writeFile(path.join(root, 'topics', 'fuzz.yaml'), randomText(yamlPieces));
      const { problems } = await readContent(root);
      const files = new Set(problems.map((problem) => path.basename(problem.file)));
      for (const file of files) expect(['fuzz-2022.mdx', 'fuzz.yaml'], `seed ${seed}`).toContain(file);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

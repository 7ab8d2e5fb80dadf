import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwatchedFiles } from '../../src/dev-watch.ts';

describe('what astro dev leaves unwatched', () => {
  const ignored = unwatchedFiles({
    content: '.bench/catalogue-1000',
    unwatched: ['dist', '.bench', 'node_modules/.astro'],
  });

  it('leaves out built sites, caches and the benchmark folder, and everything in them', () => {
    expect(ignored('dist')).toBe(true);
    expect(ignored('dist/agreements/alpha-2021/index.html')).toBe(true);
    expect(ignored(path.resolve('.bench/cache-10000/dist/agreements/x/index.html'))).toBe(true);
    expect(ignored('node_modules/.astro/rendered-bodies/abc.html')).toBe(true);
  });

  it('watches the content folder even inside an unwatched one, and the sources', () => {
    expect(ignored('.bench/catalogue-1000')).toBe(false);
    expect(ignored(path.resolve('.bench/catalogue-1000/agreements/alpha-2021.mdx'))).toBe(false);
    expect(ignored('src/pages/index.astro')).toBe(false);
    expect(ignored('content/agreements/alpha-2021.mdx')).toBe(false);
    // A folder whose name only begins like an unwatched one is watched.
    expect(ignored('dist-notes/readme.md')).toBe(false);
  });
});

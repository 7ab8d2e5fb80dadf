import { describe, expect, it } from 'vitest';
import { entityListLimit, latestOf, pageCount, pageOf, pageWindow } from '../../src/catalogue/lists.ts';

describe('long lists', () => {
  it('shows the latest agreements up to the limit and counts the rest', () => {
    const items = Array.from({ length: entityListLimit + 7 }, (_, index) => index);
    expect(latestOf(items)).toEqual({ shown: items.slice(0, entityListLimit), hidden: 7 });
    expect(latestOf([1, 2, 3])).toEqual({ shown: [1, 2, 3], hidden: 0 });
  });

  it('splits the index into full pages and keeps one page for an empty catalogue', () => {
    expect(pageCount(0, 100)).toBe(1);
    expect(pageCount(100, 100)).toBe(1);
    expect(pageCount(101, 100)).toBe(2);
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });

  it('shows the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 100)).toEqual([1, 'gap', 4, 5, 6, 'gap', 100]);
    expect(pageWindow(3, 100)).toEqual([1, 2, 3, 4, 'gap', 100]);
    expect(pageWindow(100, 100)).toEqual([1, 'gap', 99, 100]);
    // A gap of a single page shows that page instead.
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

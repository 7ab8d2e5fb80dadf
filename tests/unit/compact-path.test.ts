import { describe, expect, it } from 'vitest';
import { compactPath } from '../../src/map/compact-path.ts';

/** The absolute points a path of M, l and z commands visits, in tenths. */
function points(d: string): [number, number][] {
  const result: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    const numbers = (args?.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map((value) => Math.round(Number(value) * 10));
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const [a = 0, b = 0] = [numbers[i], numbers[i + 1]];
      if (command === 'M' || command === 'L') [x, y] = [a, b];
      else [x, y] = [x + a, y + b];
      result.push([x, y]);
    }
  }
  return result;
}

describe('compacting a map path', () => {
  it('writes lines as relative steps in tenths, with separators only where needed', () => {
    expect(compactPath('M10,20L10.5,20.25L9.5,21Z')).toBe('M10 20l.5.3-1 .7z');
  });

  it('visits the same points as rounding each absolute point to one decimal', () => {
    const d = 'M953.33,323.71L954.24,323.18L954.71,324.24L953.64,326.04L951.8,326.5ZM0.04,5L1.96,5.05Z';
    expect(points(compactPath(d))).toEqual([
      [9533, 3237],
      [9542, 3232],
      [9547, 3242],
      [9536, 3260],
      [9518, 3265],
      [0, 50],
      [20, 51],
    ]);
  });

  it('drops a point that rounds onto the one before', () => {
    expect(compactPath('M1,1L1.01,1.02L2,2Z')).toBe('M1 1l1 1z');
  });
});

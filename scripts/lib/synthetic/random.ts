/** Seeded randomness for the synthetic catalogue: the same seed always draws the same numbers. */

/** A small, fast, seeded pseudo-random generator (mulberry32): uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from the generator: integers, picks, weighted picks. */
export class Dice {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  /** A number in [0, 1). */
  unit(): number {
    return this.#next();
  }
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.#next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)] as T;
  }
  /** A pick where item i has weight 1 / (i + 1)^s (Zipf): the first items dominate. */
  zipf<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights[weights.length - 1] ?? 0;
    const target = this.#next() * total;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((weights[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  }
  /** `count` distinct items drawn with `draw`. */
  distinct<T>(count: number, draw: () => T): T[] {
    const chosen = new Set<T>();
    for (let attempts = 0; chosen.size < count && attempts < count * 20; attempts++) chosen.add(draw());
    return [...chosen];
  }
}

/** Cumulative Zipf weights for a list of `length` items. */
export function zipfWeights(length: number, exponent = 1.1): number[] {
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < length; i++) {
    total += 1 / (i + 1) ** exponent;
    weights.push(total);
  }
  return weights;
}

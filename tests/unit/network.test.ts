import { describe, expect, it } from 'vitest';
import { starNetwork } from '../../src/map/network.ts';

describe('the partner network', () => {
  it('puts the partner with most shared agreements at the top, with the thickest line', () => {
    const network = starNetwork([
      { item: 'GB', count: 9 },
      { item: 'BE', count: 1 },
      { item: 'SG', count: 1 },
    ]);
    const [first, second, third] = network.nodes;
    expect(first).toMatchObject({ item: 'GB', x: network.centre.x, anchor: 'middle', weight: 8 });
    expect(first!.y).toBeLessThan(network.centre.y);
    expect(second).toMatchObject({ item: 'BE', anchor: 'start', weight: 1.5 });
    expect(third).toMatchObject({ item: 'SG', anchor: 'end', weight: 1.5 });
  });

  it('sets a single partner beside the centre, inside the drawing', () => {
    const network = starNetwork([{ item: 'FR', count: 2 }]);
    const [only] = network.nodes;
    expect(only).toMatchObject({ y: network.centre.y, anchor: 'start' });
    expect(only!.x).toBeLessThan(network.width);
  });

  it('is empty without partners', () => {
    expect(starNetwork([]).nodes).toEqual([]);
  });
});

import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { worldTopology } from '../../src/map/topologies.ts';
import { drawWorldMap, mapLevel, worldMapSvg } from '../../src/map/world-map.ts';

const coarse = worldTopology('110m');
const fine = worldTopology('50m');
const draw = (counts: [string, number][], options?: Parameters<typeof drawWorldMap>[3]) =>
  drawWorldMap(new Map(counts), coarse, fine, options);

describe('the world map', () => {
  it('shades countries in classes of 1, 2 to 3, 4 to 7 and 8 or more agreements', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 40].map(mapLevel)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('draws a country with agreements as its own shape, and the rest as one outline', () => {
    const map = draw([
      ['JP', 5],
      ['BE', 1],
    ]);
    expect(map.regions.map((region) => [region.code, region.shape.type, region.level])).toEqual([
      ['BE', 'path', 1],
      ['JP', 'path', 3],
    ]);
    expect(map.land.length).toBeGreaterThan(1000);
  });

  it('draws a country that vanishes at 110m, such as Singapore, as a dot from the 50m shapes', () => {
    const [singapore] = draw([['SG', 2]]).regions;
    expect(singapore?.shape.type).toBe('dot');
    // Singapore lies east of the map's centre and just north of the equator.
    if (singapore?.shape.type !== 'dot') throw new Error('expected a dot');
    expect(singapore.shape.cx).toBeGreaterThan(480);
    expect(singapore.shape.cy).toBeGreaterThan(200);
    expect(singapore.shape.cy).toBeLessThan(260);
  });

  it('lists the EU as a party that is not a region of the map', () => {
    const map = draw([
      ['EU', 3],
      ['JP', 3],
    ]);
    expect(map.unmapped).toEqual(['EU']);
    expect(map.regions.map((region) => region.code)).toEqual(['JP']);
  });

  it("marks a country and its partners on the country's own map", () => {
    const map = draw(
      [
        ['JP', 5],
        ['GB', 3],
        ['SG', 1],
      ],
      { focus: 'JP', partners: new Set(['GB']) },
    );
    expect(map.regions.map((region) => [region.code, region.role])).toEqual([
      ['GB', 'partner'],
      ['JP', 'focus'],
      ['SG', 'other'],
    ]);
  });

  it('writes its shapes as one file of uncoloured definitions: the land, the borders and each shaped country', () => {
    const map = draw([
      ['JP', 5],
      ['SG', 2],
      ['EU', 1],
    ]);
    const file = parse(worldMapSvg(map));
    const shapes = file.querySelectorAll('svg > defs > path');
    expect(shapes.map((shape) => shape.id)).toEqual(['land', 'borders', 'jp']);
    const japan = map.regions.find((region) => region.code === 'JP')?.shape;
    if (japan?.type !== 'path') throw new Error('expected Japan drawn as a shape');
    expect(shapes[2]?.getAttribute('d')).toBe(japan.d);
    expect(shapes[0]?.getAttribute('d')).toBe(map.land);
    expect(file.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 960 470');
    // Colours come from the page's stylesheet, through the `<use>` that shows a shape.
    expect(file.querySelectorAll('[fill], [stroke], [style], [class]')).toHaveLength(0);
  });

  it('rounds coordinates to one decimal', () => {
    const map = draw([['JP', 1]]);
    const shape = map.regions[0]?.shape;
    expect(shape?.type === 'path' && /\d\.\d\d/.test(shape.d)).toBe(false);
    expect(/\d\.\d\d/.test(map.land)).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import type { Catalogue } from '../catalogue/derive.ts';
import { drawWorldMap, markCountry, worldMapSvg, type WorldMap } from './world-map.ts';
import { worldTopology } from './topologies.ts';

/** The number of agreements of every country in the catalogue. */
export function agreementCounts(catalogue: Catalogue): Map<string, number> {
  return new Map(catalogue.countries.map((country) => [country.code, country.agreements.length]));
}

// Drawn once per catalogue: every country page shows the same shapes, only marked differently.
const drawn = new WeakMap<Catalogue, WorldMap>();

/** The map of every country in the catalogue, shaded by its number of agreements. */
export function catalogueMap(catalogue: Catalogue): WorldMap {
  let map = drawn.get(catalogue);
  if (!map) {
    map = drawWorldMap(agreementCounts(catalogue), worldTopology('110m'), worldTopology('50m'));
    drawn.set(catalogue, map);
  }
  return map;
}

/** The map of one country, marking it and its partner countries. */
export function countryMap(catalogue: Catalogue, code: string): WorldMap {
  const partners = new Set(catalogue.countryByCode.get(code)?.partners.map(({ item }) => item) ?? []);
  return markCountry(catalogueMap(catalogue), code, partners);
}

/** The file of the map's shapes (`/map/world.svg`), and a version that changes with its content. */
export interface WorldMapFile {
  readonly svg: string;
  readonly version: string;
}

const files = new WeakMap<Catalogue, WorldMapFile>();

/**
 * The shapes of the catalogue's map as one file, made once per build. Pages name it with its
 * version (`/map/world.svg?v=...`), so that a browser holding the file of an earlier build, without
 * a country added since, fetches the new one rather than leaving that country out of the map.
 */
export function worldMapFile(catalogue: Catalogue): WorldMapFile {
  let file = files.get(catalogue);
  if (!file) {
    const svg = worldMapSvg(catalogueMap(catalogue));
    file = { svg, version: createHash('sha256').update(svg).digest('hex').slice(0, 12) };
    files.set(catalogue, file);
  }
  return file;
}

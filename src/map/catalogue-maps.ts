import type { Catalogue } from '../catalogue/derive.ts';
import { drawWorldMap, markCountry, type WorldMap } from './world-map.ts';
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

import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature, merge, mesh } from 'topojson-client';
import { compactPath } from './compact-path.ts';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** A world-atlas topology: one geometry collection of countries, keyed by ISO 3166-1 numeric id. */
export type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** How a region is drawn: a shape, or a dot for a country too small to survive simplification. */
export type RegionShape =
  { readonly type: 'path'; readonly d: string } | { readonly type: 'dot'; readonly cx: number; readonly cy: number };

/** A country with agreements, as drawn on the map. */
export interface MapRegion {
  readonly code: string;
  readonly count: number;
  /** Shading class, 1 (fewest agreements) to `thresholds.length` (most). */
  readonly level: number;
  /** On a country's own map: the country itself, one of its partners, or neither. */
  readonly role: 'focus' | 'partner' | 'other';
  readonly shape: RegionShape;
}

/**
 * A map's shapes and what it links. The shapes are the same on every map of a catalogue, so they
 * are served as one file (`worldMapSvg`) that pages use by reference rather than repeat: written
 * into every page, they were 50 KB of the 99 KB of the heaviest country page on the real site.
 */
export interface WorldMap {
  readonly width: number;
  readonly height: number;
  /** Every country without agreements, merged into one outline. */
  readonly land: string;
  /** The borders between those countries. */
  readonly borders: string;
  readonly regions: readonly MapRegion[];
  /** Party codes with agreements that are not map regions (the EU) or have no shape at all. */
  readonly unmapped: readonly string[];
}

/** Lower bounds of the shading classes: 1, 2 to 3, 4 to 7, 8 and more agreements. */
export const mapThresholds = [1, 2, 4, 8] as const;

/** The shading class of a number of agreements, 1 to `mapThresholds.length`. */
export function mapLevel(count: number): number {
  let level = 0;
  for (const [index, threshold] of mapThresholds.entries()) if (count >= threshold) level = index + 1;
  return level;
}

const width = 960;
const height = 470;
/** Antarctica has no agreements and takes a fifth of the height; it is left out. */
const antarctica = '010';
/** One decimal keeps linked shapes accurate to a tenth of a pixel at full width, and the SVG small. */
const digits = 1;

/** ISO 3166-1 numeric id, as world-atlas writes it (three digits), of an alpha-2 code. */
function numericId(code: string): string | undefined {
  return countries.alpha2ToNumeric(code)?.padStart(3, '0');
}

/**
 * Draws the world map of some per-country counts at build time. Countries are taken from the
 * 110m topology; a country missing there (too small at that scale, such as Singapore) is drawn
 * as a dot at the centroid of its shape in the 50m topology. `focus` and `partners` mark a
 * country's own map.
 */
export function drawWorldMap(
  counts: ReadonlyMap<string, number>,
  coarse: WorldTopology,
  fine: WorldTopology,
  options: { focus?: string; partners?: ReadonlySet<string> } = {},
): WorldMap {
  const all = coarse.objects.countries.geometries.filter((geometry) => geometry.id !== antarctica);
  const projection = geoEqualEarth().fitSize(
    [width, height],
    feature(coarse, { type: 'GeometryCollection', geometries: all }),
  );
  const path = geoPath(projection).digits(digits);
  const draw = (object: GeoPermissibleObjects) => compactPath(path(object) ?? '');
  // The countries without agreements are background: whole pixels are precise enough for them.
  const drawBackground = (object: GeoPermissibleObjects) => compactPath(path(object) ?? '', 0);
  const byId = new Map(all.map((geometry) => [String(geometry.id), geometry]));
  const fineById = new Map(fine.objects.countries.geometries.map((geometry) => [String(geometry.id), geometry]));

  const drawnIds = new Set<string>();
  const regions: MapRegion[] = [];
  const unmapped: string[] = [];
  for (const [code, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const id = numericId(code);
    const coarseShape = id ? byId.get(id) : undefined;
    const fineShape = id ? fineById.get(id) : undefined;
    let shape: RegionShape | undefined;
    if (coarseShape) {
      shape = { type: 'path', d: draw(feature(coarse, coarseShape)) };
      drawnIds.add(String(coarseShape.id));
    } else if (fineShape) {
      const point = projection(geoCentroid(feature(fine, fineShape)));
      if (point) shape = { type: 'dot', cx: Math.round(point[0] * 10) / 10, cy: Math.round(point[1] * 10) / 10 };
    }
    if (!shape) {
      unmapped.push(code);
      continue;
    }
    regions.push({ code, count, level: mapLevel(count), role: 'other', shape });
  }

  const rest: GeometryObject[] = all.filter((geometry) => !drawnIds.has(String(geometry.id)));
  const restIds = new Set(rest);
  const map: WorldMap = {
    width,
    height,
    land: drawBackground(merge(coarse, rest as Parameters<typeof merge>[1])),
    borders: drawBackground(
      mesh(
        coarse,
        coarse.objects.countries,
        (a, b) => a !== b && restIds.has(a as GeometryObject) && restIds.has(b as GeometryObject),
      ),
    ),
    regions,
    unmapped,
  };
  return options.focus ? markCountry(map, options.focus, options.partners ?? new Set()) : map;
}

/**
 * The same map as a country's own: the country and its partners marked. Drawing is the costly
 * part and the same for every country, so a country's map reuses the drawn shapes.
 */
export function markCountry(map: WorldMap, focus: string, partners: ReadonlySet<string>): WorldMap {
  return {
    ...map,
    regions: map.regions.map((region) => ({
      ...region,
      role: region.code === focus ? 'focus' : partners.has(region.code) ? 'partner' : 'other',
    })),
  };
}

/** The id of a region's shape in the map's file: its code in lower case, as in the site's addresses. */
export const regionShapeId = (code: string): string => code.toLowerCase();

/**
 * The shapes of a map as the SVG file its pages use them from: `land`, `borders` and each region
 * drawn as a shape, under `regionShapeId(code)`. The file shows nothing of its own: its shapes are
 * definitions for `<use>`, with no colour, so that each page colours them from the site's
 * stylesheet through the classes of its `<use>` elements, hover and focus styles included.
 */
export function worldMapSvg(map: WorldMap): string {
  const shapes = [
    ['land', map.land],
    ['borders', map.borders],
    ...map.regions.flatMap(({ code, shape }) => (shape.type === 'path' ? [[regionShapeId(code), shape.d]] : [])),
  ].map(([id, d]) => `<path id="${id}" d="${d}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}"><defs>\n${shapes.join('\n')}\n</defs></svg>\n`;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WorldTopology } from './world-map.ts';

// Resolved from the project folder rather than this module, which the build moves elsewhere.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const cache = new Map<string, WorldTopology>();

/** A world-atlas countries topology, read once per build: `110m` for shapes, `50m` for small countries. */
export function worldTopology(scale: '110m' | '50m'): WorldTopology {
  let topology = cache.get(scale);
  if (!topology) {
    const file = require.resolve(`world-atlas/countries-${scale}.json`);
    topology = JSON.parse(readFileSync(file, 'utf8')) as WorldTopology;
    cache.set(scale, topology);
  }
  return topology;
}

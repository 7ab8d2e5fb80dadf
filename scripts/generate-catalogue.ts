/**
 * `node scripts/generate-catalogue.ts --entries N --seed S --out DIR`: writes a synthetic
 * catalogue of N agreements, with the agencies, people and topics they name, for the scale
 * benchmark (see `scripts/lib/synthetic/catalogue.ts`). The same entries and seed always give the
 * same files, byte for byte.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalogue } from './lib/synthetic/catalogue.ts';
import { readTopics, writeCatalogue } from './lib/synthetic/files.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    topics: { type: 'string', default: 'content' },
  },
});
const entries = Number(values.entries);
const seed = Number(values.seed);
if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(seed)) {
  console.error('Usage: node scripts/generate-catalogue.ts --entries N [--seed S] [--out DIR]');
  process.exit(2);
}
const out = values.out ?? path.join('.bench', `catalogue-${entries}`);
const started = performance.now();
const files = generateCatalogue({ entries, seed, topics: await readTopics(values.topics) });
await writeCatalogue(out, files);
console.log(
  `Wrote ${files.size} files (${entries} agreements, seed ${seed}) to ${out} in ${Math.round(performance.now() - started)} ms.`,
);

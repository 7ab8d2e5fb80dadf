/**
 * `npm run schemas`: writes the editor JSON Schemas in schemas/ and the field reference in
 * CONTRIBUTING.md from the Zod schemas in src/schemas/.
 *
 *   npm run schemas               # write them
 *   npm run schemas -- --check    # exit 1 when a committed file is out of date
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles } from '../src/authoring/generated-files.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const stale: string[] = [];
for (const [file, expected] of await generatedFiles()) {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === expected) continue;
  if (values.check) {
    stale.push(file);
    continue;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, expected);
  console.log(`wrote ${file}`);
}
if (stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run \`npm run schemas\` and commit the result.`);
  process.exitCode = 1;
} else if (values.check) {
  console.log('The JSON Schemas and the field reference are up to date.');
}

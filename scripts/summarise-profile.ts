/**
 * `node scripts/summarise-profile.ts FILE.cpuprofile... [--top N]`: the functions, files and
 * packages with the most self time in V8 CPU profiles (from `node --cpu-prof`), so a profile of
 * a build can be read without a browser's devtools.
 *
 *   read each profile -> add each sample's interval to its node's function -> rank
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The package a script belongs to (`astro`, `@astrojs/mdx`), or the project path for our own files. */
export function packageOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules === -1) return url.replace(/^file:\/\/\/[^]*?\/(src|scripts)\//, '$1/') || '(native)';
  const rest = url.slice(modules + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
}

function add(totals: Map<string, number>, key: string, micros: number): void {
  totals.set(key, (totals.get(key) ?? 0) + micros);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const top = Number(values.top);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const file of positionals) {
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    total += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/.*?\/(src|scripts)\//, '$1/')}:${lineNumber + 1}`
      : '';
    add(byFunction, `${functionName || '(anonymous)'} ${where}`.trim(), micros);
    add(byPackage, url ? packageOf(url) : `(${functionName || 'native'})`, micros);
  });
}

const print = (title: string, totals: Map<string, number>): void => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`,
    );
  }
};
console.log(`Total sampled: ${(total / 1e6).toFixed(1)} s over ${positionals.length} profile(s).`);
print('Self time by package or project file', byPackage);
print('Self time by function', byFunction);

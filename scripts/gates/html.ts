/**
 * Gate: every built page is valid HTML according to the Nu Html Checker (vnu), with zero errors.
 *
 *   node scripts/gates/html.ts [--dist dist]
 *
 * The checker is the jar shipped inside the vnu-jar package (its install script, which would
 * download things, is denied in package.json) and runs on the machine's Java.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { defaultOutDir } from '../lib/built-site.ts';
import { finish } from './report.ts';

interface VnuMessage {
  readonly type: 'error' | 'info' | 'non-document-error';
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly message: string;
  readonly extract?: string;
}

const { values } = parseArgs({ options: { dist: { type: 'string', default: defaultOutDir() } } });
const started = performance.now();
const jar = path.join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
if (!existsSync(jar)) throw new Error(`No ${jar}: run npm ci.`);

// --skip-non-html checks the .html files under the folder; --errors-only leaves out warnings
// and info messages. vnu writes its JSON report to stderr and exits 1 when there are errors.
const result = await promisify(execFile)(
  'java',
  ['-Xss8m', '-jar', jar, '--format', 'json', '--errors-only', '--skip-non-html', values.dist],
  { maxBuffer: 64 * 1024 * 1024 },
).catch((error: { stderr?: string; code?: number | string }) => {
  if (error.code === 'ENOENT') throw new Error('No `java` on this machine: install default-jre-headless.');
  return { stderr: error.stderr ?? '' };
});
const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
const errors = messages.filter((message) => message.type !== 'info');

const byFile = Map.groupBy(errors, (message) =>
  path.relative(path.resolve(values.dist), new URL(message.url ?? 'file:///unknown').pathname),
);
for (const [file, fileErrors] of byFile) {
  console.log(`\n${file}`);
  for (const error of fileErrors) {
    console.log(`  line ${error.lastLine ?? '?'}: ${error.message}`);
    if (error.extract) console.log(`    ${error.extract.replace(/\s+/g, ' ').trim()}`);
  }
}

const pages = (await readdir(values.dist, { recursive: true })).filter((file) => file.endsWith('.html')).length;
finish('Valid HTML', { checked: `${pages} pages`, problems: errors.length }, started);

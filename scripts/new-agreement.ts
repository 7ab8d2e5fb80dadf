/**
 * `npm run new`: creates a new agreement file (and any agency or person files it needs), then runs
 * the content check on the result. In a terminal it asks for what the flags did not give; in a
 * script every answer comes from flags.
 *
 *   npm run new
 *   npm run new -- --title "..." --kind memorandum-of-cooperation --signed 2022-11 \
 *     --country GB --country JP --agency digital-agency --topic digital-government --summary "..." \
 *     --source-url https://... --source-title "..." --source-publisher "..." --source-language en
 *
 * It never overwrites a file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prompts from '@clack/prompts';
import { answersFromFlags } from '../src/authoring/new-agreement/flag-values.ts';
import { newAgreementUsage, parseNewAgreementFlags } from '../src/authoring/new-agreement/flags.ts';
import { planNewAgreement } from '../src/authoring/new-agreement/plan.ts';
import { formatReport } from '../src/checker/problems.ts';
import { readContent } from '../src/checker/read-content.ts';
import { contentRoot as defaultRoot } from '../src/content-root.ts';
import { ask } from './new-agreement/ask.ts';
import { stop } from './new-agreement/prompt-kit.ts';

const usage = newAgreementUsage();

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const parsedFlags = (() => {
  try {
    return parseNewAgreementFlags(process.argv.slice(2)).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
})();
if (parsedFlags.help) {
  console.log(usage);
  process.exit(0);
}
const root = parsedFlags.content ?? defaultRoot;
const today = new Date().toISOString().slice(0, 10);
const { input: known } = await readContent(root);

const fromFlags = answersFromFlags(parsedFlags, today);
let answers = fromFlags.answers;
if (fromFlags.errors.length > 0) stop(fromFlags.errors.join('\n'));
if (!answers) {
  if (!process.stdin.isTTY) stop(`Missing ${fromFlags.missing.join(', ')}.\n\n${usage}`);
  answers = await ask(parsedFlags, known, today);
}

const plan = planNewAgreement(answers, known, root);
if (!plan.ok) stop(`Nothing was written:\n${plan.errors.map((error) => `  - ${error}`).join('\n')}`);
for (const file of plan.files) {
  if (await exists(file.path)) stop(`${file.path} already exists; nothing was written.`);
}
for (const file of plan.files) {
  await mkdir(path.dirname(file.path), { recursive: true });
  // `wx` refuses to replace a file that appeared since the check above.
  await writeFile(file.path, file.text, { flag: 'wx' });
  prompts.log.success(`wrote ${file.path}`);
}

const { problems } = await readContent(root);
const written = new Set(plan.files.map((file) => file.path));
// A likely duplicate may be reported on the older entry; it concerns the new one all the same.
const mine = problems.filter(
  (problem) => written.has(problem.file) || [...written].some((file) => problem.message.includes(file)),
);
const errors = mine.filter((problem) => problem.severity === 'error').length;
if (mine.length > 0) console.log(formatReport(mine));
if (errors > 0) {
  prompts.outro(
    `The content check found ${errors} ${errors === 1 ? 'error' : 'errors'} in the new files; fix them and run npm run check.`,
  );
  process.exitCode = 1;
} else {
  prompts.outro(
    `The content check passes. Next: write the body of ${path.join(root, 'agreements', `${plan.id}.mdx`)} in your own words, ending each paragraph with <Cite source="<source id>" />, then npm run check and npm start.`,
  );
}

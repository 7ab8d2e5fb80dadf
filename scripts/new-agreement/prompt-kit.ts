/** The prompt helpers `npm run new` asks with: answers that end the run when cancelled, checks, lists. */
import * as prompts from '@clack/prompts';
import type { SourceAnswers } from '../../src/authoring/new-agreement/answers.ts';
import { countryName } from '../../src/countries.ts';
import { idPattern } from '../../src/schemas/common.ts';
import { parsePartialDate } from '../../src/schemas/date.ts';

/** Ends the run with a message; nothing has been written when it is called. */
export function stop(message: string): never {
  prompts.cancel(message);
  process.exit(1);
}

/** Unwraps a prompt's answer, ending the run when the contributor cancels. */
export function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) stop('Nothing was written.');
  return value as Exclude<T, symbol>;
}

type Check = (value: string | undefined) => string | undefined;

const dateCheck: Check = (value) =>
  value && parsePartialDate(value.trim()) ? undefined : 'Write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.';

/** The checks a typed answer must pass before the prompt accepts it. */
export const checks = {
  required: (value) => (value && value.trim() ? undefined : 'This is required.'),
  date: dateCheck,
  optionalDate: (value) => (!value?.trim() ? undefined : dateCheck(value)),
  optionalWhole: (value) =>
    !value?.trim() || /^[1-9]\d*$/.test(value.trim()) ? undefined : 'A whole number, or empty to skip.',
  id: (value) => (value && idPattern.test(value) ? undefined : 'Lower-case words and hyphens.'),
} satisfies Record<string, Check>;

/** A text answer that must be given, trimmed. */
export async function text(message: string, validate: Check = checks.required, initialValue?: string) {
  const answer = answered(
    await prompts.text({ message, validate, ...(initialValue !== undefined ? { initialValue } : {}) }),
  );
  return answer.trim();
}

/** A text answer that may be left empty: undefined when it is. */
export async function optionalText(message: string, validate?: Check): Promise<string | undefined> {
  const answer = answered(
    await prompts.text({ message: `${message} (leave empty to skip)`, ...(validate ? { validate } : {}) }),
  );
  return answer?.trim() ? answer.trim() : undefined;
}

/** One value of a closed vocabulary, each shown as itself. */
export async function choose<T extends string>(message: string, values: readonly T[], initialValue?: T): Promise<T> {
  const options = values.map((value): { value: string; label: string } => ({ value, label: value }));
  const chosen = answered(
    await prompts.select({ message, options, ...(initialValue !== undefined ? { initialValue } : {}) }),
  );
  // The options are exactly `values`, so the answer is one of them.
  return chosen as T;
}

/** Asks for one more item for as long as the contributor says yes; none is fine. */
export async function repeatWhile<T>(question: string, askOne: () => Promise<T>): Promise<T[]> {
  const items: T[] = [];
  while (answered(await prompts.confirm({ message: question, initialValue: false }))) items.push(await askOne());
  return items;
}

/** Parties as options: their code and name. */
export const partyOptions = (codes: readonly string[]) =>
  codes.map((code) => ({ value: code, label: `${code} ${countryName(code)}` }));

/** The entry's sources as options, by id, with their titles as hints. */
export const sourceOptions = (sources: readonly SourceAnswers[]) =>
  sources.map((source, index) => ({
    value: source.id ?? `source-${index + 1}`,
    label: source.id ?? source.url,
    hint: source.title,
  }));

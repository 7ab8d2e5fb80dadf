/** The sources of a new entry and, for each fact, which of them state it. */
import * as prompts from '@clack/prompts';
import type { FactKey, SourceAnswers } from '../../src/authoring/new-agreement/answers.ts';
import { parseCite } from '../../src/authoring/new-agreement/flag-values.ts';
import { sourcesFromFlags } from '../../src/authoring/new-agreement/flag-values.ts';
import type { NewAgreementFlags } from '../../src/authoring/new-agreement/flags.ts';
import { suggestSourceId } from '../../src/authoring/new-agreement/ids.ts';
import { isHttpsUrl } from '../../src/schemas/common.ts';
import { answered, checks, optionalText, repeatWhile, sourceOptions, text } from './prompt-kit.ts';

/** Asks for the sources, one after another, each with an id in the house style. */
export async function askSources(flags: NewAgreementFlags, signed: string): Promise<SourceAnswers[]> {
  const given = sourcesFromFlags(flags, []);
  if (given.length > 0) return given;
  prompts.note(
    'First the sources: every fact you enter next names the sources that state it. Give each page you will cite.',
    'Sources',
  );
  const taken = new Set<string>();
  const askOne = async (): Promise<SourceAnswers> => {
    const url = await text('Source address (https://...)', (value) =>
      value && isHttpsUrl(value) ? undefined : 'An https:// address.',
    );
    const title = await text('Its title, exactly as published');
    const publisher = await text('Who published it');
    const published = await optionalText('When it was published, as precisely as it says', checks.optionalDate);
    const language = await text('Its language (BCP 47)', undefined, 'en');
    const id = await text(
      'Its id in this entry',
      (value) => checks.id(value) ?? (value && taken.has(value) ? 'Already used.' : undefined),
      suggestSourceId({ publisher, ...(published ? { published } : {}) }, signed, taken),
    );
    taken.add(id);
    return { id, url, title, publisher, language, ...(published ? { published } : {}) };
  };
  // At least one source: the first is asked for, the others offered.
  return [await askOne(), ...(await repeatWhile('Add another source?', askOne))];
}

/**
 * The references the contributor gives as facts are asked for: the `--cite` flags, then, for each
 * fact, which sources state it, unless there is only one source.
 */
export function referencePrompts(flags: NewAgreementFlags, sources: readonly SourceAnswers[]) {
  const cite: Partial<Record<FactKey, string[]>> = Object.fromEntries(
    (flags.cite ?? []).map(parseCite).filter((item) => typeof item !== 'string'),
  );
  const sourcesOf = async (fact: FactKey, label: string): Promise<void> => {
    if (sources.length < 2 || cite[fact]) return;
    cite[fact] = answered(
      await prompts.multiselect({
        message: `Which sources state ${label}?`,
        options: sourceOptions(sources),
        required: true,
      }),
    );
  };
  return { cite, sourcesOf };
}

export type SourcesOf = ReturnType<typeof referencePrompts>['sourcesOf'];

/**
 * Checks on the text of a content file and on its values that no schema expresses: characters
 * that hide or reorder what a file says, look-alike letters, and lengths. The content reader runs
 * them on every file before anything parses it further.
 */

/** The largest content file, in bytes: the largest entry so far is 6 KB. */
export const maxFileBytes = 256 * 1024;

/** Names of the invisible characters a contributor is most likely to meet, for messages. */
const characterNames: ReadonlyMap<number, string> = new Map([
  [0x00, 'NUL'],
  [0x08, 'BACKSPACE'],
  [0x0b, 'VERTICAL TAB'],
  [0x0c, 'FORM FEED'],
  [0x0d, 'CARRIAGE RETURN without a line feed'],
  [0x1b, 'ESCAPE'],
  [0x7f, 'DELETE'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'BYTE ORDER MARK'],
]);

/**
 * Control characters other than tab and line breaks (C0, DEL, C1), a carriage return not followed
 * by a line feed (parsers disagree on where such a line ends), the bidirectional controls that
 * can make text read differently from what it says (CVE-2021-42574), line and paragraph
 * separators, and a byte order mark anywhere.
 */
const forbiddenCharacter =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/gu;

/** A character a content file may not hold, where it is, and what to do. */
export interface CharacterProblem {
  readonly line: number;
  readonly message: string;
  readonly hint: string;
}

/** Lists the forbidden characters of a file's text (the first few, and how many in all). */
export function findForbiddenCharacters(text: string, shown = 5): CharacterProblem[] {
  const problems: CharacterProblem[] = [];
  if (text.startsWith('\ufeff')) {
    return [
      {
        line: 1,
        message: 'starts with a byte order mark (U+FEFF), which other tools read as text before the first line.',
        hint: 'Save the file as UTF-8 without BOM (in VS Code: click "UTF-8 with BOM" in the status bar, then "Save with Encoding", "UTF-8").',
      },
    ];
  }
  let count = 0;
  for (const match of text.matchAll(forbiddenCharacter)) {
    count++;
    if (problems.length >= shown) continue;
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const code = match[0].codePointAt(0) ?? 0;
    const name = characterNames.get(code) ?? 'control character';
    const bidi =
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0x200e ||
      code === 0x200f ||
      code === 0x061c;
    problems.push({
      line,
      message: `holds an invisible ${bidi ? 'bidirectional control' : 'character'} U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name}) at column ${column}${bidi ? ', which can make text display in another order than it is written' : ''}.`,
      hint: 'Delete it; if the text was pasted, retype that part.',
    });
  }
  if (count > shown) {
    problems.push({
      line: problems.at(-1)?.line ?? 1,
      message: `holds ${count - shown} more such characters.`,
      hint: 'Delete every one of them.',
    });
  }
  return problems;
}

/**
 * The scripts whose letters look like Latin ones. A word that mixes two of them ("Dіgital" with a
 * Cyrillic і) is almost always a look-alike, by accident or on purpose; a word in one script, or
 * Latin beside Japanese, Chinese or Arabic, is not refused. This is the mixed-script part of
 * Unicode's confusable detection (UTS #39), which is enough for titles and names.
 */
const lookAlikeScripts: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'Latin', pattern: /\p{Script=Latin}/u },
  { name: 'Greek', pattern: /\p{Script=Greek}/u },
  { name: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u },
  { name: 'Armenian', pattern: /\p{Script=Armenian}/u },
  { name: 'Cherokee', pattern: /\p{Script=Cherokee}/u },
  { name: 'Coptic', pattern: /\p{Script=Coptic}/u },
];

/** The first word of `text` that mixes look-alike scripts, with the scripts it mixes. */
export function findMixedScriptWord(text: string): { word: string; scripts: string[] } | undefined {
  // Letters in ASCII are all Latin: most names need no further look.
  if (!/[^\t\n\r -~]/.test(text)) return undefined;
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const scripts = lookAlikeScripts
      .filter(({ pattern }) => [...word].some((char) => pattern.test(char)))
      .map(({ name }) => name);
    if (scripts.length > 1) return { word, scripts };
  }
  return undefined;
}

/** The fields, per collection, shown as names and titles, where a look-alike letter misleads. */
const namedFields: Readonly<Record<string, readonly string[]>> = {
  agreements: ['title', 'shortTitle', 'aliases'],
  agencies: ['name', 'acronym'],
  topics: ['name'],
  people: ['name'],
};

/** The longest text of a top-level field, by its name; every other text value may be `maxTextLength` long. */
export const textLimits: Readonly<Record<string, number>> = { title: 300, shortTitle: 120, name: 200 };

/** The longest text value of any other field, in characters. */
export const maxTextLength = 1000;

/** A problem in one value of a content file, by the field's path. */
export interface ValueProblem {
  readonly path: PropertyKey[];
  readonly message: string;
  readonly hint: string;
}

/** Checks every text value of a file's data against `textLimits`, and its names for look-alike letters. */
export function checkTextValues(collection: string, data: unknown): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const named = new Set(namedFields[collection] ?? []);
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    if (Array.isArray(value)) value.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
    else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
    if (typeof value !== 'string') continue;
    const top = path[0];
    const limit = (path.length === 1 && typeof top === 'string' ? textLimits[top] : undefined) ?? maxTextLength;
    if (value.length > limit) {
      problems.push({
        path,
        message: `is ${value.length} characters long; at most ${limit} are allowed.`,
        hint: 'Shorten it: the entry summarises its sources, the sources hold the full text.',
      });
    }
    if (typeof top === 'string' && named.has(top)) {
      const mixed = findMixedScriptWord(value);
      if (mixed) {
        problems.push({
          path,
          message: `the word "${mixed.word}" mixes ${mixed.scripts.join(' and ')} letters, which look alike.`,
          hint: 'Retype the word in one script: a look-alike letter makes a name differ from what readers search for.',
        });
      }
    }
  }
  return problems;
}

/**
 * The command-line flags of `npm run new`, each beside the line of usage that explains it. A flag
 * that sets a field says what the field means in the schema's own words. `flag-values.ts` reads
 * their values into answers.
 */
import { parseArgs } from 'node:util';
import { agreementSchema, placeSchema, termSchema } from '../../schemas/agreement.ts';
import { meaningOf, withValues } from '../../schemas/field-meta.ts';
import { agreementKinds, agreementStatuses, citedFacts, relationKinds } from '../../vocabulary.ts';

const field = agreementSchema.shape;
const meaning = (schema: Parameters<typeof meaningOf>[0], more = ''): string =>
  [meaningOf(schema).description, more].filter(Boolean).join(' ');
const date = 'As precise as the source: 2022, 2022-05 or 2022-05-26.';

/** The flags, in the order of the usage text; `value` names the flag's value there. */
export const newAgreementOptions = {
  title: { type: 'string', value: 'TEXT', help: meaning(field.title) },
  'short-title': {
    type: 'string',
    value: 'TEXT',
    help: meaning(field.shortTitle, 'Our own; it also makes the suggested id.'),
  },
  alias: { type: 'string', multiple: true, value: 'TEXT', help: meaning(field.aliases, 'Only names a source uses.') },
  id: { type: 'string', value: 'ID', help: 'The file name; suggested in the house style when left out.' },
  kind: { type: 'string', value: 'KIND', help: withValues(meaningOf(field.kind).description, agreementKinds) },
  binding: { type: 'string', value: 'VALUE', help: meaning(field.binding, 'true, false or unknown (the default).') },
  status: {
    type: 'string',
    value: 'STATUS',
    help: `${withValues(meaningOf(field.status).description, agreementStatuses)} Default: unknown.`,
  },
  signed: { type: 'string', value: 'DATE', help: meaning(field.signed, date) },
  'in-force': { type: 'string', value: 'DATE', help: meaning(field.inForce) },
  expires: { type: 'string', value: 'DATE', help: meaning(field.expires) },
  'term-years': { type: 'string', value: 'N', help: meaning(termSchema.shape.years) },
  'term-months': { type: 'string', value: 'N', help: meaning(termSchema.shape.months) },
  place: { type: 'string', value: 'CITY:CC', help: meaning(placeSchema, 'For example Tokyo:JP.') },
  country: {
    type: 'string',
    multiple: true,
    value: 'CC',
    help: 'A party: a country’s code, or an organisation’s such as EU. Two or more.',
  },
  agency: { type: 'string', multiple: true, value: 'ID', help: 'An agency acting for the party of its country.' },
  signatory: {
    type: 'string',
    multiple: true,
    value: 'ID[:ROLE]',
    help: 'A person a source says signed, with the role it gives them.',
  },
  participant: { type: 'string', multiple: true, value: 'ID[:ROLE]', help: 'A person who took part without signing.' },
  topic: { type: 'string', multiple: true, value: 'ID', help: 'A topic id.' },
  summary: { type: 'string', value: 'TEXT', help: meaning(field.summary, 'In your own words.') },
  source: {
    type: 'string',
    multiple: true,
    value: 'URL|TITLE|PUBLISHER[|PUBLISHED[|LANGUAGE[|ID]]]',
    help: 'A source.',
  },
  'source-url': { type: 'string', value: 'URL', help: 'The first source, field by field: its address,' },
  'source-title': { type: 'string', value: 'TEXT', help: 'its title,' },
  'source-publisher': { type: 'string', value: 'TEXT', help: 'who published it,' },
  'source-published': { type: 'string', value: 'DATE', help: 'when, as precisely as it says,' },
  'source-language': { type: 'string', value: 'TAG', help: 'its language (default en),' },
  'source-id': { type: 'string', value: 'ID', help: 'its id (suggested from the publisher and year).' },
  cite: {
    type: 'string',
    multiple: true,
    value: 'FACT=ID[,ID]',
    help: `The sources that state a fact; FACT is ${citedFacts.join(', ')}, place, term, party:CC, person:ID or related:ID. Needed with two or more sources; with one, every fact names it.`,
  },
  event: {
    type: 'string',
    multiple: true,
    value: 'DATE|KIND|TITLE|SOURCE[|PLACE]',
    help: 'A dated milestone and the id of the source that reports it.',
  },
  related: {
    type: 'string',
    multiple: true,
    value: 'ID:RELATION',
    help: `How it relates to an agreement in the catalogue: ${relationKinds.join(', ')}.`,
  },
  'new-agency': {
    type: 'string',
    multiple: true,
    value: 'ID:CC:Name',
    help: 'Create content/agencies/ID.yaml and use it.',
  },
  'new-person': { type: 'string', multiple: true, value: 'ID:CC:Name', help: 'Create content/people/ID.yaml.' },
  verified: { type: 'string', value: 'YYYY-MM-DD', help: meaning(field.verified, 'Default: today.') },
  content: { type: 'string', value: 'DIR', help: 'Another content folder with the same layout.' },
  help: { type: 'boolean', short: 'h', value: '', help: 'Show this text.' },
} as const;

/** Wraps text to `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The usage text of `npm run new`, one flag after another as the options list them. */
export function newAgreementUsage(): string {
  const indent = 32;
  const lines = Object.entries(newAgreementOptions).flatMap(([name, option]) => {
    const short = 'short' in option ? `-${option.short}, ` : '';
    const flag = `  ${short}--${name}${option.value ? ` ${option.value}` : ''}`;
    const help = wrap(`${option.help}${'multiple' in option ? ' Repeatable.' : ''}`, 100 - indent);
    const [first = '', ...rest] = flag.length < indent ? help : ['', ...help];
    return [`${flag.padEnd(indent)}${first}`.trimEnd(), ...rest.map((line) => `${' '.repeat(indent)}${line}`)];
  });
  return ['Usage: npm run new [-- flags]', '', ...lines].join('\n');
}

export type NewAgreementFlags = ReturnType<typeof parseNewAgreementFlags>['values'];

/** Parses the flags; unknown flags throw, so a typo never yields a half-filled entry. */
export function parseNewAgreementFlags(args: readonly string[]) {
  return parseArgs({ args: [...args], options: newAgreementOptions, allowPositionals: false, strict: true });
}

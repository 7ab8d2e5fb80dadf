/**
 * `node scripts/generate-catalogue.ts --entries N --seed S --out DIR`: writes a synthetic
 * catalogue of N agreements, with the agencies, people and topics they name, for the scale
 * benchmark. The same entries and seed always give the same files, byte for byte.
 *
 *   read the real topics -> draw countries, agencies and people -> draw agreements -> write files
 *
 * Everything named here is fictional: agencies, people, places, publishers and documents live on
 * example.org-style domains. Only country codes and topic ids are real, because pages, filters
 * and search group by them; their frequencies are skewed as in a real catalogue, where a few
 * countries and topics account for most entries.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { agencyKinds, agreementKinds, agreementStatuses, eventKinds, relationKinds } from '../src/vocabulary.ts';

/** A small, fast, seeded pseudo-random generator (mulberry32): uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from the generator: integers, picks, weighted picks. */
class Dice {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  /** A number in [0, 1). */
  unit(): number {
    return this.#next();
  }
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.#next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)] as T;
  }
  /** A pick where item i has weight 1 / (i + 1)^s (Zipf): the first items dominate. */
  zipf<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights[weights.length - 1] ?? 0;
    const target = this.#next() * total;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((weights[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  }
  /** `count` distinct items drawn with `draw`. */
  distinct<T>(count: number, draw: () => T): T[] {
    const chosen = new Set<T>();
    for (let attempts = 0; chosen.size < count && attempts < count * 20; attempts++) chosen.add(draw());
    return [...chosen];
  }
}

/** Cumulative Zipf weights for a list of `length` items. */
function zipfWeights(length: number, exponent = 1.1): number[] {
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < length; i++) {
    total += 1 / (i + 1) ** exponent;
    weights.push(total);
  }
  return weights;
}

/** Real ISO 3166-1 codes in roughly the order of how often such agreements name them. */
// prettier-ignore
const countryCodes = [
  'GB', 'JP', 'US', 'SG', 'DE', 'FR', 'KR', 'AU', 'IN', 'CA', 'EU', 'EE', 'NL', 'BE', 'DK', 'SE', 'FI', 'NO',
  'IT', 'ES', 'PT', 'IE', 'AT', 'CH', 'PL', 'CZ', 'LT', 'LV', 'NZ', 'AE', 'SA', 'QA', 'IL', 'TR', 'BR', 'MX',
  'CL', 'CO', 'AR', 'ZA', 'KE', 'NG', 'RW', 'GH', 'EG', 'MA', 'ID', 'MY', 'TH', 'VN', 'PH', 'TW', 'UA', 'MD',
  'GE', 'AM', 'KZ', 'UZ', 'MN', 'BD',
] as const;

/** Made-up syllables for names of people, places and agencies that exist nowhere. */
// prettier-ignore
const syllables = ['al', 'ber', 'cor', 'dan', 'el', 'fen', 'gal', 'hel', 'is', 'jor', 'kal', 'lin', 'mor', 'nar', 'os', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'ven', 'wen', 'yar', 'zel'];

/** Common words of the prose, in descending frequency. */
// prettier-ignore
const proseWords = ['the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'cooperation', 'digital', 'government', 'services', 'public', 'data', 'agencies', 'exchange', 'shared', 'experience', 'standards', 'platforms', 'officials', 'partners', 'joint', 'programme', 'work', 'sides', 'support', 'development', 'systems', 'access', 'citizens', 'practice', 'training', 'security', 'infrastructure', 'national', 'international', 'framework', 'research', 'innovation', 'technical', 'policy', 'open', 'secure', 'common', 'regional', 'capacity', 'delivery', 'reform', 'modern', 'networks', 'records', 'registries', 'identity', 'procurement', 'interoperable', 'principles', 'roadmap', 'workshops', 'experts', 'visits', 'pilots', 'projects', 'guidance', 'strategy', 'administration', 'ministries', 'regulators', 'businesses', 'trust', 'resilience', 'transparency', 'accountability', 'inclusion', 'skills', 'tools', 'methods', 'lessons', 'results', 'reports', 'meetings', 'review', 'progress', 'plans', 'priorities', 'areas', 'fields', 'steps', 'commitments', 'talks', 'dialogue', 'consultation', 'coordination', 'assistance', 'funding', 'resources', 'models', 'services', 'portals', 'applications', 'software', 'cloud', 'hosting', 'archives', 'statistics', 'mapping', 'geospatial', 'health', 'education', 'taxation', 'customs', 'borders', 'payments', 'invoicing', 'signatures', 'certificates', 'credentials', 'wallets', 'authentication', 'privacy', 'protection', 'encryption', 'incidents', 'response', 'monitoring', 'evaluation', 'benchmarks', 'indicators', 'maturity', 'accessibility', 'usability', 'design', 'research', 'prototypes', 'testing', 'deployment', 'migration', 'legacy', 'maintenance', 'licensing', 'vendors', 'markets', 'startups', 'universities', 'laboratories', 'sandboxes', 'regulation', 'compliance', 'audit', 'risk', 'governance', 'ethics', 'algorithms', 'automation', 'analytics', 'semiconductors', 'telecommunications', 'spectrum', 'satellites', 'cables', 'broadband', 'connectivity', 'cities', 'sensors', 'energy', 'emissions', 'efficiency', 'sustainability', 'trade', 'investment', 'export', 'supply', 'chains'];

/**
 * Words used by about one entry in two hundred, so that a search for a rare word has few results,
 * as it would for a place name or a programme's code name.
 */
// prettier-ignore
const rareWords = ['quillmoor', 'vantressa', 'orbelline', 'zephyrane', 'caldrith', 'mirevault', 'thessaly-grid', 'ondrevar'];

// prettier-ignore
const publishers = ['Gazette', 'Herald', 'Digital Review', 'Government Bulletin', 'Technology Weekly', 'Public Sector News', 'Policy Observer', 'Ministry Newsroom'];

/** A topic as read from the real catalogue: its id and file text. */
export interface TopicFile {
  readonly id: string;
  readonly text: string;
}

/** What to generate. */
export interface GenerateOptions {
  readonly entries: number;
  readonly seed: number;
  /** The real topics, whose ids agreements name and whose files are copied. */
  readonly topics: readonly TopicFile[];
}

/** A generated catalogue: file paths relative to its root, with their text, in a stable order. */
export type GeneratedFiles = ReadonlyMap<string, string>;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function madeUpWord(dice: Dice, parts: number): string {
  let word = '';
  for (let i = 0; i < parts; i++) word += dice.pick(syllables);
  return word;
}

/** A sentence of prose words, sometimes naming a country or topic, so search has something to find. */
function sentence(dice: Dice, weights: number[], extras: readonly string[]): string {
  const length = dice.int(8, 22);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (extras.length > 0 && dice.chance(0.06)) words.push(dice.pick(extras));
    else words.push(dice.zipf(proseWords, weights));
  }
  return `${capitalise(words.join(' '))}.`;
}

function paragraph(dice: Dice, weights: number[], extras: readonly string[], words: { count: number }): string {
  const sentences: string[] = [];
  for (let i = dice.int(3, 6); i > 0; i--) {
    const text = sentence(dice, weights, extras);
    words.count += text.split(' ').length;
    sentences.push(text);
  }
  return sentences.join(' ');
}

/** A body of 300 to 1,000 words in paragraphs, with the allowed components here and there. */
function body(dice: Dice, extras: readonly string[], sourceUrl: string, id: string, cite: string): string {
  const weights = zipfWeights(proseWords.length, 0.9);
  const target = dice.int(300, 1000);
  const words = { count: 0 };
  const blocks: string[] = [];
  while (words.count < target) {
    const roll = dice.unit();
    if (roll < 0.08) {
      const cite = `${capitalise(madeUpWord(dice, 2))} ${capitalise(madeUpWord(dice, 3))}`;
      blocks.push(`<Quote cite="${cite}" source="${sourceUrl}">\n${paragraph(dice, weights, extras, words)}\n</Quote>`);
    } else if (roll < 0.14) {
      const kind = dice.chance(0.7) ? 'note' : 'caution';
      blocks.push(
        `<Callout kind="${kind}" title="${capitalise(dice.pick(proseWords.slice(8)))}">\n${paragraph(dice, weights, extras, words)} ${cite}\n</Callout>`,
      );
    } else if (roll < 0.18) {
      const alt = sentence(dice, weights, []).slice(0, -1);
      words.count += alt.split(' ').length;
      blocks.push(
        `<Figure src="https://images.example.org/${id}/figure-${blocks.length}.jpg" alt="${alt}" caption="${capitalise(madeUpWord(dice, 2))} illustration" />`,
      );
    } else {
      blocks.push(`${paragraph(dice, weights, extras, words)} ${cite}`);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** A partial date at a random precision within a year. */
function dateIn(dice: Dice, year: number): string {
  const roll = dice.unit();
  if (roll < 0.15) return String(year);
  const month = dice.int(1, 12);
  if (roll < 0.5) return `${year}-${pad(month, 2)}`;
  return `${year}-${pad(month, 2)}-${pad(dice.int(1, 28), 2)}`;
}

const frontmatter = (data: unknown, text: string): string =>
  `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n\n${text}`;

/** Generates the files of a synthetic catalogue. Pure: the same options give the same files. */
export function generateCatalogue(options: GenerateOptions): GeneratedFiles {
  const dice = new Dice(options.seed);
  const files = new Map<string, string>();
  const topicIds = options.topics.map((topic) => topic.id);
  const topicNames = new Map(
    options.topics.map((topic) => [topic.id, String((parse(topic.text) as { name?: unknown }).name ?? topic.id)]),
  );
  for (const topic of options.topics) files.set(`topics/${topic.id}.yaml`, topic.text);
  // Topics are shuffled by the seed before weighting, so the dominant topics vary between seeds.
  const topicOrder = [...topicIds].sort((a, b) => a.localeCompare(b));
  for (let i = topicOrder.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [topicOrder[i], topicOrder[j]] = [topicOrder[j] as string, topicOrder[i] as string];
  }
  const topicWeights = zipfWeights(topicOrder.length);
  const countryWeights = zipfWeights(countryCodes.length);

  // Agencies and people, a few per country, more for the countries that sign more.
  const agenciesByCountry = new Map<string, string[]>();
  const peopleByCountry = new Map<string, string[]>();
  const agencyCount = Math.max(countryCodes.length, Math.round(options.entries / 8));
  const personCount = Math.max(countryCodes.length, Math.round(options.entries / 5));
  for (let i = 0; i < agencyCount; i++) {
    const country = countryCodes[i] ?? dice.zipf(countryCodes, countryWeights);
    const id = `synthetic-agency-${pad(i + 1, 5)}`;
    const stem = capitalise(madeUpWord(dice, 2));
    const data = {
      name: `${stem} ${dice.pick(['Digital Office', 'Data Agency', 'Ministry of Digital Affairs', 'Cyber Centre', 'Innovation Board'])}`,
      ...(dice.chance(0.5) ? { acronym: `${stem.slice(0, 2).toUpperCase()}${pad(i + 1, 3)}` } : {}),
      country,
      kind: dice.pick(agencyKinds),
      website: `https://${stem.toLowerCase()}-${i + 1}.example.org/`,
      description: `A fictional body of the synthetic benchmark catalogue, standing in for a government ${dice.pick(['ministry', 'agency', 'regulator'])}.`,
    };
    files.set(`agencies/${id}.yaml`, stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }));
    const list = agenciesByCountry.get(country) ?? [];
    list.push(id);
    agenciesByCountry.set(country, list);
  }
  for (let i = 0; i < personCount; i++) {
    const country = countryCodes[i] ?? dice.zipf(countryCodes, countryWeights);
    const id = `synthetic-person-${pad(i + 1, 5)}`;
    const name = `${capitalise(madeUpWord(dice, 2))} ${capitalise(madeUpWord(dice, 3))}`;
    files.set(`people/${id}.yaml`, stringify({ name, country }, { lineWidth: 0, aliasDuplicateObjects: false }));
    const list = peopleByCountry.get(country) ?? [];
    list.push(id);
    peopleByCountry.set(country, list);
  }

  const agreementIds: string[] = [];
  const width = Math.max(5, String(options.entries).length);
  for (let i = 0; i < options.entries; i++) {
    const year = dice.int(2000, 2026);
    const id = `synthetic-agreement-${pad(i + 1, width)}-${year}`;
    const partyCount = dice.chance(0.1) ? 3 : 2;
    const countries = dice.distinct(partyCount, () => dice.zipf(countryCodes, countryWeights));
    if (countries.length < 2) countries.push(countries[0] === 'GB' ? 'JP' : 'GB');
    const parties = countries.map((country) => {
      const agencies = agenciesByCountry.get(country) ?? [];
      const people = peopleByCountry.get(country) ?? [];
      return {
        country,
        agencies: dice.distinct(dice.int(1, 2), () => dice.pick(agencies)),
        ...(dice.chance(0.6) && people.length > 0
          ? {
              signatories: [
                { person: dice.pick(people), role: `Minister for ${capitalise(dice.pick(proseWords.slice(8, 60)))}` },
              ],
            }
          : {}),
        ...(dice.chance(0.2) && people.length > 0 ? { participants: [{ person: dice.pick(people) }] } : {}),
      };
    });
    const topics = dice.distinct(dice.int(1, 3), () => dice.zipf(topicOrder, topicWeights));
    const signed = dateIn(dice, year);
    const kind = dice.pick(agreementKinds);
    // Titles draw several content words, so two entries between the same parties rarely look alike.
    const titleWords = dice.distinct(4, () => dice.pick(proseWords.slice(8)));
    const title = `${capitalise(kind.replaceAll('-', ' '))} on ${titleWords.join(', ')} between ${parties.map((party) => party.country).join(', ')} (${pad(i + 1, width)})`;
    const publisher = `${capitalise(madeUpWord(dice, 2))} ${dice.pick(publishers)}`;
    const sources = Array.from({ length: dice.int(1, 3) }, (_, s) => ({
      id: `source-${s + 1}`,
      url: `https://${madeUpWord(dice, 2)}.example.${dice.pick(['org', 'com', 'net'])}/${year}/${id}-${s + 1}`,
      title: `${capitalise(dice.pick(proseWords.slice(8)))} ${dice.pick(proseWords.slice(8))} announced`,
      publisher,
      published: signed,
      language: 'en',
    }));
    const events = Array.from({ length: dice.int(0, 3) }, () => ({
      date: String(Math.min(2026, year + dice.int(0, 2))),
      kind: dice.pick(eventKinds),
      title: `${capitalise(dice.pick(proseWords.slice(8)))} ${dice.pick(proseWords.slice(8))} ${dice.pick(['meeting', 'workshop', 'review', 'visit'])}`,
      source: dice.pick(sources).id,
    }));
    const related =
      agreementIds.length > 0 && dice.chance(0.1)
        ? [
            {
              agreement: dice.pick(agreementIds),
              relation: dice.pick(relationKinds),
              sources: [sources[0]?.id ?? 'source-1'],
            },
          ]
        : [];
    const extras = [
      ...countries.map((country) => regionNames.of(country) ?? country),
      ...topics.map((topic) => topicNames.get(topic)?.toLowerCase() ?? topic),
      ...(dice.chance(0.005) ? [dice.pick(rareWords)] : []),
    ];
    // Every fact names the first source; the summary names them all, so each supports something.
    // A new list each time: YAML would write a list used twice as an anchor and an alias.
    const first = () => [sources[0]?.id ?? 'source-1'];
    const binding = dice.pick([true, false, 'unknown']);
    const status = dice.pick(agreementStatuses);
    const data = {
      title,
      kind,
      binding,
      parties: parties.map((party) => ({
        ...party,
        sources: first(),
        ...(party.signatories
          ? { signatories: party.signatories.map((person) => ({ ...person, sources: first() })) }
          : {}),
        ...(party.participants
          ? { participants: party.participants.map((person) => ({ ...person, sources: first() })) }
          : {}),
      })),
      signed,
      ...(dice.chance(0.3) ? { term: { years: dice.int(2, 5), sources: first() } } : {}),
      ...(dice.chance(0.3)
        ? { place: { city: capitalise(madeUpWord(dice, 3)), country: countries[0], sources: first() } }
        : {}),
      status,
      cite: {
        title: first(),
        kind: first(),
        ...(binding === 'unknown' ? {} : { binding: first() }),
        signed: first(),
        ...(status === 'unknown' ? {} : { status: first() }),
        summary: sources.map((source) => source.id),
      },
      topics,
      summary: `${capitalise(sentence(dice, zipfWeights(proseWords.length, 0.9), extras).slice(0, 200))}`,
      sources,
      ...(events.length > 0 ? { events } : {}),
      ...(related.length > 0 ? { related } : {}),
      verified: '2026-11-01',
    };
    const cite = `<Cite source="${sources[0]?.id ?? 'source-1'}" />`;
    files.set(`agreements/${id}.mdx`, frontmatter(data, body(dice, extras, sources[0]?.url ?? '', id, cite)));
    agreementIds.push(id);
  }
  return files;
}

/** Reads the real topics from a content folder. */
export async function readTopics(contentDir: string): Promise<TopicFile[]> {
  const names = (await readdir(path.join(contentDir, 'topics'))).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => ({
      id: name.slice(0, -'.yaml'.length),
      text: await readFile(path.join(contentDir, 'topics', name), 'utf8'),
    })),
  );
}

/** Replaces `out` with the generated files. */
export async function writeCatalogue(out: string, files: GeneratedFiles): Promise<void> {
  await rm(out, { recursive: true, force: true });
  for (const folder of ['agreements', 'agencies', 'people', 'topics'])
    await mkdir(path.join(out, folder), { recursive: true });
  const pending = [...files];
  // A bounded number of writes at a time: ten thousand at once would exhaust file handles.
  const workers = Array.from({ length: 32 }, async () => {
    for (let next = pending.shift(); next; next = pending.shift()) await writeFile(path.join(out, next[0]), next[1]);
  });
  await Promise.all(workers);
}

if (import.meta.main) {
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
}

/**
 * A synthetic catalogue of N agreements, with the agencies, people and topics they name, for the
 * scale benchmark. Pure: the same entries and seed always give the same files, byte for byte.
 *
 *   the real topics -> countries, agencies and people -> agreements, each with a body
 *
 * Everything named here is fictional: agencies, people, places, publishers and documents live on
 * example.org-style domains. Only country codes and topic ids are real, because pages, filters
 * and search group by them; their frequencies are skewed as in a real catalogue, where a few
 * countries and topics account for most entries.
 */
import { parse, stringify } from 'yaml';
import { agencyKinds, agreementKinds, agreementStatuses, eventKinds, relationKinds } from '../../../src/vocabulary.ts';
import { Dice, zipfWeights } from './random.ts';
import { countryCodes, proseWords, publishers, rareWords, syllables } from './words.ts';

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

/**
 * Ids in the house style, suggested from what a contributor gave: agreement ids such as
 * `gds-digital-agency-moc-2022` and source ids such as `computer-weekly-2022`.
 */
import { countryName, isOrganisationCode } from '../../countries.ts';
import type { CatalogueInput } from '../../catalogue/input.ts';
import { parsePartialDate } from '../../schemas/date.ts';
import type { AgreementKind } from '../../vocabulary.ts';
import type { AgreementAnswers, NewAgency, SourceAnswers } from './answers.ts';

/** Lower-case words joined by hyphens, ASCII only, as every id is. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words that make ids long without telling entries apart. */
const fillerWords: ReadonlySet<string> = new Set(['a', 'an', 'and', 'between', 'for', 'in', 'of', 'on', 'the', 'to']);

/** The short forms ids use for the kinds of instrument ("gds-digital-agency-moc-2022"). */
const kindAbbreviations: Readonly<Partial<Record<AgreementKind, string>>> = {
  'memorandum-of-cooperation': 'moc',
  'memorandum-of-understanding': 'mou',
  'letter-of-intent': 'loi',
  'digital-economy-agreement': 'dea',
};

/** The same short forms where a title spells the kind out. */
function abbreviateKinds(slug: string): string {
  return Object.entries(kindAbbreviations).reduce(
    (text, [kind, short]) =>
      text.replace(new RegExp(`(^|-)${kind.replaceAll('-of-', '-(?:of-)?')}(?=-|$)`, 'g'), `$1${short}`),
    slug,
  );
}

const yearOf = (signed: string): string[] => {
  const year = parsePartialDate(signed)?.year;
  return year === undefined ? [] : [String(year)];
};

/**
 * An agreement id in the house convention from a (short) title: its words without filler, the
 * kinds of instrument abbreviated (MoC, MoU), ending with the year signed, such as
 * `gds-digital-agency-moc-2022` from "GDS-Digital Agency MoC".
 */
export function suggestAgreementId(title: string, signed: string): string {
  const year = yearOf(signed);
  const words = abbreviateKinds(slugify(title))
    .split('-')
    .filter((word) => word && !fillerWords.has(word) && !year.includes(word))
    .slice(0, 6);
  return [...words, ...year].join('-');
}

/** How ids name a party: "uk" for the United Kingdom, "japan", "asean". */
function partyLabel(code: string): string {
  if (code === 'GB') return 'uk';
  if (code === 'US') return 'us';
  return isOrganisationCode(code) ? code.toLowerCase() : slugify(countryName(code));
}

/** How ids name an agency: its id when short ("digital-agency"), else its acronym ("gds"). */
function agencyLabel(id: string, acronym: string | undefined): string {
  return id.split('-').length <= 2 || !acronym ? id : slugify(acronym);
}

/** The agencies of a new entry by the party they act for, in the order given, with their acronyms. */
export type AgenciesByParty = ReadonlyMap<string, readonly { id: string; acronym?: string | undefined }[]>;

/** Groups the agencies given by their country, known ones and new ones alike; unknown ones are left out. */
export function agenciesByParty(
  agencies: readonly string[],
  known: CatalogueInput,
  newAgencies: readonly NewAgency[],
): AgenciesByParty {
  const byParty = new Map<string, { id: string; acronym?: string | undefined }[]>();
  for (const id of agencies) {
    const entry = known.agencies.find((item) => item.id === id);
    const country = entry?.data.country ?? newAgencies.find((item) => item.id === id)?.country;
    if (country !== undefined)
      byParty.set(country, [...(byParty.get(country) ?? []), { id, acronym: entry?.data.acronym }]);
  }
  return byParty;
}

/**
 * An agreement id in the house style from its facts, when there is no short title: each party by
 * its first agency (or the party itself), the kind, the year signed:
 * `gds-digital-agency-moc-2022`, `uk-japan-partnership-2023`.
 */
export function suggestIdFromFacts(
  answers: Pick<AgreementAnswers, 'countries' | 'kind' | 'signed'>,
  agencies: AgenciesByParty,
): string {
  const parties = [...new Set(answers.countries)].map((country) => {
    const [agency] = agencies.get(country) ?? [];
    return agency ? agencyLabel(agency.id, agency.acronym) : partyLabel(country);
  });
  const kind = kindAbbreviations[answers.kind as AgreementKind] ?? answers.kind;
  return [...parties, kind, ...yearOf(answers.signed)].join('-');
}

/** The id to suggest for a new entry: from its short title when it has one, else from its facts. */
export function suggestId(
  answers: Pick<AgreementAnswers, 'shortTitle' | 'countries' | 'kind' | 'signed'>,
  agencies: AgenciesByParty,
): string {
  return answers.shortTitle
    ? suggestAgreementId(answers.shortTitle, answers.signed)
    : suggestIdFromFacts(answers, agencies);
}

/** A source id in the house style, `publisher-year`, unique among `taken`. */
export function suggestSourceId(
  source: Pick<SourceAnswers, 'publisher' | 'published'>,
  signed: string,
  taken: ReadonlySet<string>,
): string {
  const base = [slugify(source.publisher) || 'source', ...yearOf(source.published ?? signed)].join('-');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

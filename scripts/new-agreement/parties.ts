/** The parties of a new entry and who acted for them: agencies, signatories, participants. */
import * as prompts from '@clack/prompts';
import type { NewAgency, NewPerson, PersonAnswers } from '../../src/authoring/new-agreement/answers.ts';
import { slugify } from '../../src/authoring/new-agreement/ids.ts';
import type { CatalogueInput } from '../../src/catalogue/input.ts';
import { allPartyCodes, countryName } from '../../src/countries.ts';
import { agencyKinds } from '../../src/vocabulary.ts';
import { answered, checks, choose, optionalText, partyOptions, repeatWhile, text } from './prompt-kit.ts';
import type { SourcesOf } from './sources.ts';

/** Asks for the parties, those the catalogue already has first. */
export async function askCountries(known: CatalogueInput): Promise<string[]> {
  const knownCountries = new Set(
    [...known.agencies, ...known.agreements.flatMap((entry) => entry.data.parties)].map((item) =>
      'data' in item ? item.data.country : item.country,
    ),
  );
  const codes = [...allPartyCodes()].sort(
    (a, b) => Number(knownCountries.has(b)) - Number(knownCountries.has(a)) || a.localeCompare(b),
  );
  return answered(
    await prompts.autocompleteMultiselect({
      message: 'Parties: countries or organisations (type to search; those in the catalogue come first)',
      options: partyOptions(codes),
      maxItems: 8,
      required: true,
    }),
  );
}

/** Asks which known agencies act for the parties, then for any the catalogue does not have yet. */
export async function askAgencies(
  known: CatalogueInput,
  countries: readonly string[],
): Promise<{ agencies: string[]; newAgencies: NewAgency[] }> {
  const offered = known.agencies.filter((entry) => countries.includes(entry.data.country));
  const agencies =
    offered.length > 0
      ? answered(
          await prompts.multiselect({
            message: 'Agencies acting for the parties (the party sources must name them)',
            options: offered.map((entry) => ({ value: entry.id, label: entry.data.name, hint: entry.data.country })),
            required: false,
          }),
        )
      : [];
  const newAgencies = await repeatWhile('Add an agency the catalogue does not have yet?', async () => {
    const name = await text('Its English name, as it writes it');
    const id = await text('Its id (file name)', checks.id, slugify(name));
    const country = answered(
      await prompts.select({ message: 'The party it acts for', options: partyOptions(countries) }),
    );
    const kind = await choose('What sort of body', agencyKinds);
    const description = await text('What it does, in one sentence of your own words');
    return { id, name, country, kind, description };
  });
  return { agencies: [...agencies, ...newAgencies.map((agency) => agency.id)], newAgencies };
}

/**
 * Asks for the people of one capacity: known ones, then new ones (added to `newPeople`), each with
 * the role a source gives them and the sources that say so.
 */
export async function askPeople(
  capacity: 'signatory' | 'participant',
  context: {
    readonly known: CatalogueInput;
    readonly countries: readonly string[];
    readonly newPeople: NewPerson[];
    readonly sourcesOf: SourcesOf;
  },
): Promise<PersonAnswers[]> {
  const { known, countries, newPeople, sourcesOf } = context;
  const offered = known.people.filter((entry) => entry.data.country && countries.includes(entry.data.country));
  const ids: string[] = [];
  if (offered.length > 0) {
    ids.push(
      ...answered(
        await prompts.multiselect({
          message:
            capacity === 'signatory'
              ? 'Signatories (only people a source says signed; none is fine)'
              : 'Participants: people a source says took part without signing (none is fine)',
          options: offered.map((entry) => ({
            value: entry.id,
            label: `${entry.data.name} (${entry.data.country ?? ''})`,
          })),
          required: false,
        }),
      ),
    );
  }
  const added = await repeatWhile(`Add a ${capacity} the catalogue does not have yet?`, async () => {
    const name = await text(
      'Their full name, as the English sources of their government write it (Kono Taro, Liz Truss)',
    );
    const id = await text('Their id (file name)', checks.id, slugify(name));
    const country = answered(
      await prompts.select({ message: 'The party they acted for', options: partyOptions(countries) }),
    );
    return { id, name, country };
  });
  newPeople.push(...added);
  ids.push(...added.map((person) => person.id));
  const people: PersonAnswers[] = [];
  for (const id of ids) {
    const name = known.people.find((entry) => entry.id === id)?.data.name ?? id;
    const role = await optionalText(`${name}'s role at the time, as a source gives it`);
    const did = capacity === 'signatory' ? 'signed' : 'took part';
    await sourcesOf(`person:${id}`, `that ${name} ${did}${role ? ` as ${role}` : ''}`);
    people.push({ id, ...(role ? { role } : {}) });
  }
  return people;
}

/** Asks where it was signed, if a source says, offering the parties first. */
export async function askPlace(countries: readonly string[]): Promise<{ city: string; country: string } | undefined> {
  const city = await optionalText('City where it was signed, as a source names it');
  if (!city) return undefined;
  const country = answered(
    await prompts.autocomplete({
      message: 'Its country',
      options: partyOptions([...countries, ...allPartyCodes().filter((code) => !countries.includes(code))]),
    }),
  );
  return { city, country };
}

/** The label of a party in a question: "that Japan is a party". */
export const partyQuestion = (country: string) => `that ${countryName(country)} is a party`;

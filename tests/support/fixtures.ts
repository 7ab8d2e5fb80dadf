import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CatalogueInput, ContentEntry } from '../../src/catalogue/input.ts';
import { readContent } from '../../src/checker/read-content.ts';
import {
  agencySchema,
  agreementSchema,
  personSchema,
  topicSchema,
  type AgreementData,
} from '../../src/schemas/index.ts';

/** The fixture catalogue in tests/fixtures/catalogue, read through the real schemas. */
export async function fixtureCatalogue(): Promise<CatalogueInput> {
  const { input, problems } = await readContent('tests/fixtures/catalogue');
  if (problems.length > 0) throw new Error(`the fixture catalogue has problems: ${JSON.stringify(problems)}`);
  return input;
}

/** The folders of the fixture catalogue that other fixtures' entries refer to. */
const sharedFolders = ['agencies', 'people', 'topics'] as const;

/**
 * A content folder for a fixture that keeps only its own files (`tests/fixtures/invalid`, with its
 * invalid entries, or `unsafe`): the fixture catalogue's agencies, people and topics, which those
 * entries refer to, with the fixture's files laid over them, in a new temporary folder that the
 * caller removes.
 */
export async function fixtureContent(name: 'invalid' | 'unsafe'): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `accord-fixture-${name}-`));
  for (const shared of sharedFolders) {
    await cp(path.join('tests/fixtures/catalogue', shared), path.join(folder, shared), { recursive: true });
  }
  await cp(path.join('tests/fixtures', name), folder, { recursive: true });
  return folder;
}

const baseAgreement = {
  title: 'Test memorandum',
  kind: 'memorandum-of-cooperation',
  binding: 'unknown',
  parties: [
    { country: 'FR', agencies: ['alpha-digital-office'], sources: ['release'] },
    { country: 'DE', agencies: ['beta-ministry-of-data'], sources: ['release'] },
  ],
  signed: '2022-05',
  status: 'unknown',
  cite: { title: ['release'], kind: ['release'], signed: ['release'], summary: ['release'] },
  topics: ['digital-identity'],
  summary: 'A test agreement.',
  sources: [
    { id: 'release', url: 'https://example.org/release', title: 'Release', publisher: 'Example', language: 'en' },
  ],
  verified: '2026-11-01',
};

/** Valid agreement frontmatter, as a contributor writes it, with fields replaced by `overrides`. */
export function agreementInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...baseAgreement, ...overrides };
}

/** An agreement entry parsed through the real schema, with fields replaced by `overrides`. */
export function agreementEntry(id: string, overrides: Record<string, unknown> = {}): ContentEntry<AgreementData> {
  return { id, filePath: `content/agreements/${id}.mdx`, data: agreementSchema.parse(agreementInput(overrides)) };
}

/** A small valid catalogue input around the given agreements. */
export function catalogueWith(agreements: ContentEntry<AgreementData>[]): CatalogueInput {
  const entry = <T>(folder: string, id: string, data: T) => ({ id, filePath: `content/${folder}/${id}.yaml`, data });
  return {
    agreements,
    agencies: [
      entry(
        'agencies',
        'alpha-digital-office',
        agencySchema.parse({
          name: 'Alpha Digital Office',
          acronym: 'ADO',
          country: 'FR',
          kind: 'agency',
          description: 'x',
        }),
      ),
      entry(
        'agencies',
        'beta-ministry-of-data',
        agencySchema.parse({ name: 'Beta Ministry of Data', country: 'DE', kind: 'ministry', description: 'x' }),
      ),
      entry(
        'agencies',
        'government-digital-service',
        agencySchema.parse({
          name: 'Government Digital Service',
          acronym: 'GDS',
          country: 'GB',
          kind: 'agency',
          description: 'x',
        }),
      ),
    ],
    topics: [entry('topics', 'digital-identity', topicSchema.parse({ name: 'Digital identity', description: 'x' }))],
    people: [entry('people', 'ada-example', personSchema.parse({ name: 'Ada Example' }))],
  };
}

import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { renderedBodyFile } from '../build-cache.ts';
import { deriveCatalogue, type Catalogue } from './derive.ts';
import { deriveTimelines, type Timelines } from './timeline.ts';
import type { ContentEntry } from './input.ts';
import { readLastChanged } from './history.ts';
import { contentRoot } from '../content-root.ts';

function toEntry<T>(entry: { id: string; filePath?: string | undefined; data: T }, folder: string): ContentEntry<T> {
  return { id: entry.id, filePath: entry.filePath ?? `${folder}/${entry.id}`, data: entry.data };
}

/**
 * The day that decides which agreements are past their end date: SOURCE_DATE_EPOCH when set
 * (reproducible builds), otherwise the day of the build.
 */
export function buildDay(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

async function load(): Promise<{ catalogue: Catalogue; entries: ReadonlyMap<string, CollectionEntry<'agreements'>> }> {
  const [agreements, agencies, topics, people] = await Promise.all([
    getCollection('agreements'),
    getCollection('agencies'),
    getCollection('topics'),
    getCollection('people'),
  ]);
  const input = {
    agreements: agreements.map((entry) => toEntry(entry, 'agreements')),
    agencies: agencies.map((entry) => toEntry(entry, 'agencies')),
    topics: topics.map((entry) => toEntry(entry, 'topics')),
    people: people.map((entry) => toEntry(entry, 'people')),
  };
  // The content loader has checked every file and the catalogue as a whole before storing any.
  return {
    catalogue: deriveCatalogue(input, buildDay()),
    entries: new Map(agreements.map((entry) => [entry.id, entry])),
  };
}

let loaded: ReturnType<typeof load> | undefined;

/** The catalogue, loaded once per build and shared by every page. */
export async function getCatalogue(): Promise<Catalogue> {
  loaded ??= load();
  return (await loaded).catalogue;
}

/** The digest under which an agreement's rendered body is stored: its file's and the renderer's. */
export async function getAgreementDigest(id: string): Promise<string | undefined> {
  loaded ??= load();
  const digest = (await loaded).entries.get(id)?.digest;
  return digest === undefined ? undefined : String(digest);
}

/**
 * An agreement's body as the content loader rendered and stored it, with markers for what each
 * edition fills in (`fillSlots`). Read synchronously: pages are rendered one at a time, and an
 * asynchronous read (open, stat, read, close, each waiting its turn in Node's thread pool) took
 * 0.4 to 0.7 ms a body on the benchmark machine, against 0.01 ms.
 */
export async function getAgreementBody(id: string): Promise<string> {
  const digest = await getAgreementDigest(id);
  if (digest === undefined) throw new Error(`No rendered body for the agreement "${id}".`);
  return readFileSync(renderedBodyFile(digest), 'utf8');
}

let timelines: Promise<Timelines> | undefined;

/** The timeline of the catalogue and its per-country and per-topic views, derived once per build. */
export function getTimelines(): Promise<Timelines> {
  timelines ??= getCatalogue().then(deriveTimelines);
  return timelines;
}

let lastChanged: Map<string, string> | undefined;

/** The day an entry's file was last committed, or undefined without git history. */
export function getLastChanged(filePath: string): string | undefined {
  lastChanged ??= readLastChanged(contentRoot);
  return lastChanged.get(filePath);
}

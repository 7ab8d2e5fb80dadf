/**
 * Vitest global setup of the projects that read a built site (site, browser): builds the fixture
 * site once per run, before their tests start, and removes it after. The site is the fixture
 * catalogue (tests/fixtures/catalogue) with tests/fixtures/site laid over it, so its tests can
 * expect exact pages, names and counts that no change to the real content can move.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the fixture site was built into. */
    fixtureSite: string;
  }
}

/**
 * The day the fixture site is built "on", as SOURCE_DATE_EPOCH (2026-11-22): which agreements are
 * past their end depends on it, and the tests expect it not to move with the calendar.
 */
const buildDay = String(Date.UTC(2026, 10, 22) / 1000);

async function build(): Promise<{ work: string; outDir: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'accord-fixture-site-'));
  const content = path.join(work, 'content');
  await cp('tests/fixtures/catalogue', content, { recursive: true });
  await cp('tests/fixtures/site', content, { recursive: true });
  const outDir = path.join(work, 'dist');
  const result = buildSite(
    { content, outDir, cacheDir: path.join(work, 'cache') },
    {
      SOURCE_DATE_EPOCH: buildDay,
      ACCORD_CHECK_CACHE_DIR: path.join(work, 'check-cache'),
      // Pages of 3 timeline items give the fixture catalogue timelines of every shape: the whole
      // one read a year at a time with a year of two pages (2023, 4 items), Japan's a year at a
      // time with years of one page, and Belgium's and the topics' read whole on their front page.
      ACCORD_TIMELINE_PAGE_SIZE: '3',
    },
  );
  if (result.status !== 0) throw new Error(`The fixture site did not build:\n${result.output}`);
  return { work, outDir };
}

// Each project that names this file runs it; the build is shared through the main process, so
// it happens once however many of them run.
const shared = globalThis as { accordFixtureSite?: ReturnType<typeof build> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.accordFixtureSite ??= build();
  const { work, outDir } = await shared.accordFixtureSite;
  project.provide('fixtureSite', outDir);
  return () => rm(work, { recursive: true, force: true });
}

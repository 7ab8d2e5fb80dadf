/**
 * The fixture site, built once per run by fixture-site-setup.ts, for the site and browser tests:
 * its folder and its pages by URL path.
 */
import { inject } from 'vitest';
import { builtPages, type BuiltPage } from '../../scripts/lib/built-site.ts';

export { type BuiltPage } from '../../scripts/lib/built-site.ts';

/** The folder the fixture site was built into. */
export const fixtureSite = (): string => inject('fixtureSite');

/** Every page of the fixture site, by URL path. */
export async function fixturePages(): Promise<ReadonlyMap<string, BuiltPage>> {
  return new Map((await builtPages(fixtureSite())).map((page) => [page.url, page]));
}

/** One page of the fixture site; fails naming the URL when there is none. */
export function pageIn(pages: ReadonlyMap<string, BuiltPage>, url: string): BuiltPage {
  const found = pages.get(url);
  if (!found) throw new Error(`the fixture site has no page at ${url}`);
  return found;
}

/**
 * The fixture site, built once per run by fixture-site-setup.ts, for the site and browser tests:
 * its folder and its pages by URL path.
 */
import { inject } from 'vitest';
import { builtPages, type BuiltPage } from '../../scripts/lib/built-site.ts';

export { type BuiltPage } from '../../scripts/lib/built-site.ts';

/** The ids of the fixture site's agreements (tests/fixtures/site/agreements/), in file order. */
export const fixtureAgreements = [
  'alpha-beta-credential-pilots-arrangement-2025',
  'alpha-beta-identity-moc-2021',
  'alpha-beta-identity-renewal-2024',
  'beta-gamma-einvoicing-agreement-2023',
  'digital-trust-charter-2023',
  'japan-belgium-einvoicing-moc-2022',
  'singapore-japan-wallets-moc-2023',
] as const;

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

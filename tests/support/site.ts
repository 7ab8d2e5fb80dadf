/**
 * The built site that the site, browser and gate tests run against (`ACCORD_OUT_DIR`, else
 * `dist`), with the shared built-site helpers bound to it.
 */
import {
  assertBuilt as assertBuiltIn,
  builtPages as builtPagesIn,
  defaultOutDir,
} from '../../scripts/lib/built-site.ts';

export { internalLinks, type BuiltPage } from '../../scripts/lib/built-site.ts';

export const distDir = defaultOutDir();
export const assertBuilt = (): void => assertBuiltIn(distDir);
export const builtPages = () => builtPagesIn(distDir);

/**
 * The content checker's reader, at the address the site and browser tests import it from; the
 * checker itself lives in src/checker/. Nothing in src/ imports this file.
 */
// eslint-disable-next-line no-restricted-imports -- a forwarding address for tests, not a dependency of the catalogue
export { readContent } from '../checker/read-content.ts';

/**
 * The site's content security policy, in one place: astro.config.mjs hands it to Astro, which adds
 * the hashes of its own bundled scripts and styles to script-src and style-src and writes the
 * policy into every page as a `<meta http-equiv>` tag, and the CSP gate (scripts/gates/csp.ts)
 * checks that every built page carries it word for word.
 *
 * Browsers ignore frame-ancestors, report-uri and sandbox in a `<meta>` policy: clickjacking
 * protection (frame-ancestors 'none') has to be sent as an HTTP header by the host.
 */

/** The directives other than script-src and style-src, which Astro writes with its hashes. */
export const cspDirectives = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Entries may show figures hosted by the agreements' publishers.
  "img-src 'self' data: https:",
  // Pagefind runs its search in a worker from the site's own origin and fetches its index.
  "worker-src 'self'",
  "connect-src 'self'",
] as const;

/** Where scripts may come from, before Astro's hashes; Pagefind compiles its WebAssembly search engine at run time. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Where styles may come from, before Astro's hashes. */
export const styleSources = ["'self'"] as const;

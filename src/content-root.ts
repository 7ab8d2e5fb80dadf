/**
 * The folder the catalogue is read from. `content/` by default; the benchmark and test fixtures
 * point `ACCORD_CONTENT_DIR` at another folder with the same layout.
 */
export const contentRoot: string = process.env['ACCORD_CONTENT_DIR'] ?? 'content';

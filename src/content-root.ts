/** The content folder of the repository, which editors' settings and the documentation name. */
export const defaultContentRoot = 'content';

/**
 * The folder the catalogue is read from: `content/`, or the folder `ACCORD_CONTENT_DIR` names
 * (the benchmark and test fixtures point it at another folder with the same layout). Every tool
 * and the build read it from here.
 */
export const contentRoot: string = process.env['ACCORD_CONTENT_DIR'] ?? defaultContentRoot;

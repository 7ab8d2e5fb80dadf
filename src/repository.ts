/**
 * Where the catalogue's source lives, for "edit this page" and "report a problem" links. A fork
 * sets REPOSITORY_URL (and REPOSITORY_BRANCH) at build time to point the links at itself.
 */
const url = (process.env['REPOSITORY_URL'] ?? 'https://github.com/accord-atlas/accord-atlas').replace(/\/$/, '');
const branch = process.env['REPOSITORY_BRANCH'] ?? 'main';

export const repository = {
  url,
  /** The forge's web editor for a file, by its path in the repository. */
  edit: (file: string): string => `${url}/edit/${branch}/${file}`,
  /** A new issue from the "error in an entry" form, with the entry filled in. */
  reportProblem: (id: string, title: string): string =>
    `${url}/issues/new?${new URLSearchParams({ template: 'entry-error.yml', title: `Error in: ${title}`, entry: id })}`,
  /** A file as the forge shows it, by its path in the repository. */
  file: (file: string): string => `${url}/blob/${branch}/${file}`,
  /** The file's history on the forge. */
  history: (file: string): string => `${url}/commits/${branch}/${file}`,
} as const;

/**
 * The licences of the project, named once so the data files, the data page, the footer and the
 * README say the same thing. The data licence is the one in content/LICENSE.md; the code licence
 * is the one in LICENSE.
 */
export const licences = {
  data: {
    name: 'CC BY 4.0',
    title: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: 'Accord Atlas contributors',
    file: 'content/LICENSE.md',
  },
  code: {
    name: 'MIT',
    title: 'MIT licence',
    url: 'https://opensource.org/license/mit',
    file: 'LICENSE',
  },
} as const;

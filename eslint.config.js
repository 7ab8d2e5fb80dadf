// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Code that nothing under scripts/ or src/ may import. */
const testsPattern = { group: ['**/tests/**'], message: 'Move what both need to scripts/lib/ or src/.' };

/**
 * The layers of src/, whose imports go one way only: the content checker (src/checker/) reads what
 * the Markdown pipeline (src/markdown/) and the derived catalogue (src/catalogue/) define; the
 * catalogue never reaches back into the checker, and the Markdown pipeline into neither.
 */
/**
 * @param {string} files
 * @param {readonly string[]} layers
 * @returns {import('eslint').Linter.Config}
 */
const layer = (files, layers) => ({
  files: [files],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          testsPattern,
          {
            group: layers.map((name) => `**/${name}/**`),
            message:
              'src/checker/ may import src/catalogue/ and src/markdown/, and src/catalogue/ src/markdown/; never the other way round.',
          },
        ],
      },
    ],
  },
});
const layerRules = [layer('src/markdown/**', ['checker', 'catalogue']), layer('src/catalogue/**', ['checker'])];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'coverage/', 'bench/', '.bench/', '.build-cache/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tools and site code stand on their own: what the gates and tests share lives in
    // scripts/lib/, and nothing outside tests/ reaches into it.
    files: ['src/**', 'scripts/**', 'astro.config.mjs'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [testsPattern] }],
    },
  },
  ...layerRules,
  {
    // Tests assert on values they have just checked exist; the non-null assertion keeps them short.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

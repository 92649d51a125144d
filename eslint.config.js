// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const FOLDERS = ['page', 'card', 'popup', 'search', 'store', 'background', 'shared'];

/** What each folder of components/ must not import (see components/README.md). */
const FORBIDDEN = {
  page: ['card', 'popup', 'search', 'background'],
  card: ['popup', 'search', 'background'],
  popup: ['page', 'card', 'background'],
  search: ['page', 'card', 'popup', 'store', 'background'],
  store: ['page', 'card', 'popup', 'search', 'background'],
  background: ['page', 'card', 'popup'],
  shared: ['page', 'card', 'popup', 'search', 'background'],
};

function layerRules() {
  const rules = FOLDERS.map((folder) => ({
    files: [`components/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FORBIDDEN[folder].map((other) => ({
              group: [`**/${other}/*`],
              message: `components/${folder}/ may not import components/${other}/ (components/README.md).`,
            })),
            // Shared code may name the store's types, never run its code.
            ...(folder === 'shared'
              ? [
                  {
                    group: ['**/store/*'],
                    allowTypeImports: true,
                    message: 'components/shared/ may import only types from components/store/.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  }));
  // The fact base knows nothing of the code that uses it.
  rules.push({
    files: ['data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/components/*'], message: 'data/ may not import components/.' }],
        },
      ],
    },
  });
  return rules;
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tools/**', 'node_modules/**', 'docs/**', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The extension talks to the browser only through wxt/browser (the polyfill).
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: "Import { browser } from 'wxt/browser'." },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The layout by runtime (components/README.md): what each folder may import.
  ...layerRules(),
  {
    // Scripts of the fixture pages run in an ordinary page.
    files: ['tests/fixtures/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    // The popup's boot script, copied as it is: a classic script in an extension page.
    files: ['public/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        localStorage: 'readonly',
        location: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    // Browser tests drive extension pages and the service worker, which use `chrome` directly.
    files: ['tests/e2e/**', 'tests/bench/**', 'tests/demo/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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

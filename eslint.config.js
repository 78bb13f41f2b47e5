import js from '@eslint/js';
import rxjsX from 'eslint-plugin-rxjs-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules } from './scripts/layer-rules.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo/data/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'docs/**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked, rxjsX.configs.recommended],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
      globals: globals.browser,
    },
    rules: {
      // A subscription nobody keeps is a listener nobody removes: stop() must reach everything.
      'rxjs-x/no-ignored-subscription': 'error',
      'rxjs-x/no-exposed-subjects': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Time comes from the injected scheduler so timing rules run in virtual time in tests.
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'eval'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'use scheduler.now()' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value='unload']",
          message: 'unload listeners break the back-forward cache; use pagehide/visibilitychange',
        },
      ],
    },
  },
  ...layerRules,
  {
    // The class report's command runs in Node (tsconfig.cli.json).
    files: ['src/cli/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.cli.json', tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'rxjs-x/no-ignored-subscription': 'off',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // page.evaluate callbacks in the runner's plugins run in the browser.
    files: ['test/support/*.mjs'],
    languageOptions: { globals: { ...globals.node, window: 'readonly' } },
  },
  {
    // The test-only Firefox add-on (test/support/firefox-tab-offline.mjs): its background page, and
    // its experiment's script that Firefox loads as a classic script in the parent process.
    files: ['test/support/firefox-offline-addon/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    // Browser scripts: the demo's pages, and the emulator's stand-ins for Canvas's page JavaScript.
    files: ['demo/public/**/*.js', 'demo/server/pages/public/**/*.js', 'bench/**/*.js'],
    ignores: ['bench/run.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

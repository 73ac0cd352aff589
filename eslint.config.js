import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', '.cache/', 'node_modules/', 'data/', 'bench/results/', 'bench/tmp/', 'public/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Sanitisers for CSV, XML and file names match control characters on purpose.
      'no-control-regex': 'off',
      // Pages without props still declare them (`let {}: PageProps = $props()`) so the router's call type-checks.
      'no-empty-pattern': 'off',
      // Maps and sets here are built inside $derived and never mutated; SvelteMap/SvelteSet would only add tracking.
      'svelte/prefer-svelte-reactivity': 'off',
      // Table rows and cells are positional: a key would be the index anyway.
      'svelte/require-each-key': 'off',
      // {' '} keeps a deliberate space between inline elements that a formatter would otherwise move.
      'svelte/no-useless-mustaches': 'off',
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'geodata/build/', 'test-results/', 'bench/results/', 'supabase/.local-data/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'warn',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    // The core runs unchanged in the browser, in Node and in the seed step: it may not reach for a
    // map library, a backend client, the DOM or Node's own modules.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'src/core is pure: no map library.' },
          { group: ['@supabase/*'], message: 'src/core is pure: no backend client.' },
          { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/core is pure: no UI framework.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core runs in the browser too: no Node modules.' },
          { group: ['@turf/turf'], message: 'Import the modular @turf/<fn> package instead of the whole bundle.' },
        ],
      }],
    },
  },
);

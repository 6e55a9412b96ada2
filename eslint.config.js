// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node built-ins in both spellings ("fs" and "node:fs"): the renderer may import none of them. */
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // The core runs in vitest, the CLI and the web server exactly as in the app: no Electron.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core is pure Node: inject what you need.' }],
          patterns: [
            {
              group: ['**/desktop/**', '**/cli/**', '**/web/**', '**/preload/**'],
              message: 'main/core is used by every face and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract runs in the page too (the Settings forms check requests with its schemas):
    // it imports zod, its own files and the Spotify source syntax, nothing else.
    files: ['main/core/contract/**/*.ts', 'main/core/spotify/parse-source.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|\\./[a-z-]+\\.ts|\\.\\./spotify/parse-source\\.ts)$)',
              message:
                'The contract runs in the renderer as well: zod and its own files only (no Node, no Electron, no other core module).',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser and terminal faces run without Electron: they share the core, never the shell.
    files: ['main/web/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/desktop and main/index.ts use Electron.' },
          ],
          patterns: [{ group: ['**/desktop/**'], message: 'The desktop shell is not shared.' }],
        },
      ],
    },
  },
  {
    // The renderer is a web page: it sees the contract (through preload/api.ts), never Node,
    // SQLite or the rest of main/.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: {
      globals: { ...globals.browser },
      // The renderer is typed by tsconfig.web.json (DOM, no Node), which the project service
      // would not find: it only looks for files named tsconfig.json.
      parserOptions: { projectService: false, project: ['./tsconfig.web.json'] },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node.' })),
            { name: 'electron', message: 'The renderer talks through src/lib/api.ts only.' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
          ],
          patterns: [
            {
              group: ['**/main/**'],
              message: 'Import the contract from preload/api.ts, and nothing else of main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

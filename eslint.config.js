// Lint, including the layering rules of docs/ARCHITECTURE.md §Layers:
//   shared/   imports no Node builtin, no DOM global, no Electron, no native or I/O module;
//   renderer/ imports only shared/ (plus React and AG Grid), never electron/ or Node;
//   electron/ never imports renderer/; inside it, only main/ and preload/ import 'electron', and
//   the plain-Node sub-layers (services, store, workbook, backup, mail, cli, web) never import
//   main/ or preload/ — so each of them runs under plain Node (CLI, browser mode, tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nativeOrIo = ['electron', 'better-sqlite3', 'exceljs', '@e965/xlsx', 'xlsx', 'playwright-core'];

const layer = (message, names, patterns) => ({
  'no-restricted-imports': ['error', {
    paths: names.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  }],
});

// electron/ sub-layers (docs/ARCHITECTURE.md §Layers). Each entry is one flat-config block; a later
// block replaces the rule's options of an earlier one, so each carries the whole list.
const PLAIN_NODE_SUBLAYERS = ['services', 'store', 'workbook', 'backup', 'mail', 'cli', 'web'];
const electronRule = (extraNames, extraPatterns, why) => ({
  'no-restricted-imports': ['error', {
    paths: extraNames.map((name) => ({ name, message: why })),
    patterns: [
      { group: ['**/renderer/**', '**/tests/**'], message: 'electron/ must not import the renderer or tests (docs/ARCHITECTURE.md §Layers)' },
      ...extraPatterns.map((group) => ({ group: [group], message: why })),
    ],
  }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'renderer/dist/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer('shared/ is pure TypeScript: no Node, DOM, Electron or native modules (docs/ARCHITECTURE.md §Layers)',
        [...nodeBuiltins, ...nativeOrIo, 'react', 'react-dom', 'ag-grid-community', 'ag-grid-react'],
        ['**/electron/**', '**/renderer/**', '**/tests/**']),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'localStorage', 'navigator', '__dirname'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer('renderer/ talks to main only through the shared API contract (docs/ARCHITECTURE.md §Layers)',
      [...nodeBuiltins, ...nativeOrIo],
      ['**/electron/**', '**/tests/**']),
  },
  {
    // Hooks are called unconditionally and list every value they read (the two classic rules only:
    // the React Compiler rules of the plugin's preset assume a compiler this project does not use).
    files: ['renderer/src/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: electronRule([], [], ''),
  },
  {
    files: [`electron/{${PLAIN_NODE_SUBLAYERS.join(',')}}/**/*.ts`],
    rules: electronRule(['electron'], ['**/main/**', '**/preload/**', 'electron/*'],
      'services, store, workbook, backup, mail, cli and web are plain Node: no Electron, no main/ or preload/ (docs/ARCHITECTURE.md §Layers)'),
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs,cjs,js}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The command-line launcher is CommonJS on purpose (scripts/node-bundle.cjs says why).
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

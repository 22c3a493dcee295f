import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The process boundary: the renderer talks to main only through renderer/api/client.ts.
const RENDERER_BOUNDARY = [
  { group: ['**/main/**', '**/main', '../main/*'], message: 'renderer/ must not import main/: use renderer/api/client.ts' },
  { group: ['electron', 'electron/*'], message: 'renderer/ must not import electron' },
  { group: ['better-sqlite3*'], message: 'renderer/ must not touch the database' },
  { group: ['node:*'], message: 'renderer/ must not use Node APIs' },
  { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'], message: 'renderer/ must not use Node APIs' },
  { group: ['**/server/**', '**/server', '../server/*'], message: 'renderer/ must not import the team server: it is reached over HTTPS by main/sync/' },
];
// The team server (server/) is a separate program sharing only shared/: it and the desktop app never
// import each other, so neither can end up bundled in the other.
const NOT_THE_SERVER = { group: ['**/server/**', '**/server', '../server/*'], message: 'main/ must not import the team server: it is reached over HTTPS (main/sync/)' };
const SERVER_BOUNDARY = [
  { group: ['**/main/**', '**/main', '../main/*'], message: 'server/ must not import main/: share code through shared/' },
  { group: ['**/renderer/**', '**/renderer', '../renderer/*'], message: 'server/ must not import renderer/' },
  { group: ['electron', 'electron/*', 'better-sqlite3*'], message: 'server/ runs without Electron or the device database' },
];
// Product code never reaches into the tests (tests/support/app-api/ runs main's handlers in-process).
const NO_TEST_CODE = { group: ['**/tests/**', '**/test-support/**'], message: 'product code must not import test code' };
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'renderer/test-support/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.ci/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_BOUNDARY, NO_TEST_CODE] }] },
  },
  {
    // The renderer's tests keep the boundary too; they may use the test support (which runs main).
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/test-support/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_BOUNDARY }] },
  },
  {
    // Small files named for what they hold, and functions (components included) that fit on a screen.
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'server/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_CODE, NOT_THE_SERVER] }] },
  },
  {
    files: ['server/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [...SERVER_BOUNDARY, NO_TEST_CODE] }] },
  },
  {
    // shared/ is pure: no I/O, no Electron, no database, no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ is imported by both sides and imports neither' },
            { group: ['electron', 'better-sqlite3*', 'node:*', 'fs', 'path', 'os'], message: 'shared/ must stay pure' },
            NO_TEST_CODE,
          ],
        },
      ],
    },
  },
);

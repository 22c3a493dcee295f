import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The process boundary: the renderer talks to main only through renderer/api/client.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/main', '../main/*'], message: 'renderer/ must not import main/: use renderer/api/client.ts' },
            { group: ['electron', 'electron/*'], message: 'renderer/ must not import electron' },
            { group: ['better-sqlite3*'], message: 'renderer/ must not touch the database' },
            { group: ['node:*'], message: 'renderer/ must not use Node APIs' },
            { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'], message: 'renderer/ must not use Node APIs' },
          ],
        },
      ],
    },
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
          ],
        },
      ],
    },
  },
);

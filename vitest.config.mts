import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Calendar arithmetic must be right in England across the clock changes, so every test process runs
// in Europe/London whatever the machine's zone (flags.test.ts and dates.test.ts rely on this).
process.env.TZ = 'Europe/London';

/** Migrations are plain .sql files imported as text, as esbuild's text loader does for the app. */
function sqlText(): Plugin {
  return {
    name: 'sql-text',
    transform(code, id) {
      if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
      return null;
    },
  };
}

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        plugins: [sqlText()],
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        // The component tests run main's real handlers in-process, so they read the migrations too.
        plugins: [react(), sqlText()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test-support/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [sqlText()],
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

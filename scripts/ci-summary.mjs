// Prints one line, "N passed, N failed", from vitest's JSON report (written when CI=true).
// Usage: node scripts/ci-summary.mjs [test-results/vitest.json]
import { readFileSync } from 'node:fs';
import process from 'node:process';

const file = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  // npm test stops before vitest when typecheck, lint or build fails: there is no report to count.
  console.error(`ci-summary: no test report at ${file} (${error.code ?? error.message}); npm test's exit code tells`);
  console.log('0 passed, 0 failed');
  process.exit(0);
}
const passed = Number(report.numPassedTests ?? 0);
const failed = Number(report.numFailedTests ?? 0);
console.log(`${passed} passed, ${failed} failed`);

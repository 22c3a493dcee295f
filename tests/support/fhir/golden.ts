/**
 * Golden files for the FHIR builders. A mismatch fails the test; `UPDATE_GOLDEN=1 npx vitest run
 * --project node tests/export/fhir` rewrites the files instead (review the diff before committing).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const GOLDEN_DIR = join(__dirname, '..', '..', 'golden', 'fhir');

export function expectGolden(name: string, actual: unknown): void {
  const path = join(GOLDEN_DIR, name);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) expect.fail(`No golden file ${name}: run with UPDATE_GOLDEN=1 to create it, then review it`);
  expect(JSON.parse(text), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

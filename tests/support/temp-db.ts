/** Real encrypted database files in a temporary folder, removed after each test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DatabaseOpenError } from '../../main/db/errors';
import type { Db } from '../../main/db/sql';

export const TEST_KEY = '5ec7e7'.padEnd(64, 'a1');

const made: string[] = [];

/** A fresh temporary folder for this test; deleted with everything in it after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thrive-test-'));
  made.push(dir);
  return dir;
}

export function tempDbPath(name = 'thrive.db'): string {
  return join(tempDir(), name);
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Row count of every table: compared before and after a rejected write to prove nothing changed. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** Why opening failed (DatabaseOpenError.reason), or undefined if it did not fail. */
export function openErrorReason(open: () => unknown): string | undefined {
  try {
    open();
  } catch (error) {
    return error instanceof DatabaseOpenError ? error.reason : `not a DatabaseOpenError: ${String(error)}`;
  }
  return undefined;
}

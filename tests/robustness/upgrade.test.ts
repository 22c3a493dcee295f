/**
 * Migrations (docs/quality.md#reliability): for EVERY earlier schema version
 * (the versions in MIGRATIONS before the latest), a database at that version holding realistic records
 * is opened by the current code and comes out upgraded with every row intact, after an encrypted,
 * verified copy; a migration that fails part-way leaves it exactly as it was (after the same copy);
 * and a database from a newer version is refused with a clear message and left alone.
 * (tests/db/migrations.test.ts covers the empty-database cases; tests/db/encryption.test.ts the WAL.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { createAppServices } from '../../main/app-services';
import { LATEST_VERSION, MIGRATIONS, userVersion, type Migration } from '../../main/db/migrate';
import { openDatabase } from '../../main/db/open';
import { BASELINE_ACTION } from '../../main/db/audit-baseline';
import { verifyAuditChain } from '../../main/db/repos/audit';
import { verifyAudit } from '../../main/db/verify-audit';
import { sqlString, type Db } from '../../main/db/sql';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { FIXTURES, FIXTURE_IDS, FIXTURE_NAME } from '../support/schema-fixtures';

const EARLIER = MIGRATIONS.map((m) => m.version).filter((v) => v < LATEST_VERSION);

type Snapshot = Record<string, { columns: string[]; rows: unknown[][] }>;

/** Every row of every table, in a stable order, with the columns the table had. */
function snapshot(db: Db): Snapshot {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((t) => {
      const columns = (db.pragma(`table_info("${t}")`) as Array<{ name: string }>).map((c) => c.name);
      return [t, { columns, rows: rowsOf(db, t, columns) }];
    }),
  );
}

function rowsOf(db: Db, table: string, columns: string[]): unknown[][] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  // Migration 0050 appends baseline entries to the trail (main/db/audit-baseline.ts); every earlier entry stays as it was.
  const where = table === 'audit_log' ? ` WHERE action <> '${BASELINE_ACTION}'` : '';
  return db.prepare(`SELECT ${list} FROM "${table}"${where} ORDER BY ${list}`).raw().all() as unknown[][];
}

/** The same tables and columns read from an upgraded database (a later migration may add columns). */
function sameShape(db: Db, before: Snapshot): Snapshot {
  return Object.fromEntries(Object.entries(before).map(([t, { columns }]) => [t, { columns, rows: rowsOf(db, t, columns) }]));
}

function schemaOf(db: Db): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").raw().all();
}

/** Files in the database's folder (and below) other than the database's own journal files. */
function filesBeside(path: string): string[] {
  const dir = dirname(path);
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((e) => e.isFile() && !/-(wal|shm|journal)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Opens a file with the key but without openDatabase's migration (to look at it as it is). */
function openRaw(path: string): Db {
  const db = new Database(path, { fileMustExist: true });
  db.pragma(`hexkey=${sqlString(TEST_KEY)}`);
  return db;
}

/** A database at `version` with the fixture's records; returns what it holds. */
function databaseAt(version: number): { path: string; before: Snapshot; schema: unknown[] } {
  const path = tempDbPath();
  const db = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version <= version) });
  try {
    // One transaction: a review and its Current View point at each other (deferred foreign keys).
    db.transaction(() => FIXTURES[version]!(db))();
    expect(userVersion(db)).toBe(version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    return { path, before: snapshot(db), schema: schemaOf(db) };
  } finally {
    db.close();
  }
}

/** The pre-migration copy: encrypted (unreadable without the key), sound, at the old version, row for row. */
function expectVerifiedCopy(copyPath: string, version: number, before: Snapshot): void {
  expect(existsSync(copyPath), copyPath).toBe(true);
  expect(readFileSync(copyPath).includes(Buffer.from(FIXTURE_NAME))).toBe(false);
  expect(() => new Database(copyPath, { readonly: true }).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
  const copy = openRaw(copyPath);
  try {
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(userVersion(copy)).toBe(version);
    expect(snapshot(copy)).toEqual(before);
  } finally {
    copy.close();
  }
}

describe('upgrading a database from every earlier schema version', () => {
  it('has a fixture of realistic records for every earlier version', () => {
    expect(EARLIER.length).toBeGreaterThan(0);
    for (const v of EARLIER) expect(FIXTURES[v], `schema-fixtures.ts has no fixture for schema ${v}`).toBeTypeOf('function');
  });

  describe.each(EARLIER)('from schema %i', (version) => {
    it('opens with the current code: upgraded to the latest version, every row intact, after a verified encrypted copy', () => {
      const { path, before } = databaseAt(version);
      const copies: string[] = [];
      const db = openDatabase({ path, key: TEST_KEY, onBackup: (p) => copies.push(p) });
      try {
        expect(userVersion(db)).toBe(LATEST_VERSION);
        expect(sameShape(db, before)).toEqual(before);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const baseline = db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(BASELINE_ACTION) as number;
        expect(baseline).toBeGreaterThan(0);
        expect(verifyAuditChain(db)).toEqual({ ok: true, entries: before.audit_log!.rows.length + baseline });
        // The records as they were at the upgrade verify clean against the trail, and so does the anchor.
        expect(verifyAudit(db)).toMatchObject({ ok: true, records: [], anchor: { state: 'ok' } });
      } finally {
        db.close();
      }
      expect(copies).toHaveLength(1);
      expectVerifiedCopy(copies[0]!, version, before);
      expect(readFileSync(path).includes(Buffer.from(FIXTURE_NAME))).toBe(false);

      // The upgraded records read back through the app as the clinician would see them.
      const services = createAppServices({ dbPath: path, key: TEST_KEY, clock: fixedClock('2026-07-01'), log: () => {} });
      try {
        const detail = services.invoke('cases:get', { caseId: FIXTURE_IDS.openCase });
        expect(detail).toMatchObject({
          ok: true,
          value: { summary: { name: FIXTURE_NAME, caseRef: 'RIO-77', grouping: 'getting_more_help' }, reviews: [{ reviewDate: '2026-06-15' }] },
        });
        const closed = services.invoke('cases:get', { caseId: FIXTURE_IDS.closedCase });
        expect(closed).toMatchObject({ ok: true, value: { ending: { reason: 'criteria_met' } } });
        // The closed episode's outcome, backfilled from its rows (migration 0040), in the team view's figures.
        expect(services.invoke('team:overview', { closedFrom: '2026-01-01', closedTo: '2026-06-30' })).toMatchObject({
          ok: true,
          value: {
            closedInPeriod: 1,
            openToClose: [{ from: 'getting_help', to: 'thriving', count: 1 }],
            gboAtClose: { improved: 1, noReliableChange: 0, deteriorated: 0, goals: 1, cases: 1 },
          },
        });
        expect(services.invoke('caseload:list', {})).toMatchObject({ ok: true });
      } finally {
        services.close();
      }
    });

    it('rolls back a migration that fails part-way: the old database intact row for row, its version unchanged, a copy taken first', () => {
      const { path, before, schema } = databaseAt(version);
      const broken: Migration[] = [
        ...MIGRATIONS,
        { version: LATEST_VERSION + 10, name: 'test-succeeds', sql: "CREATE TABLE extra (id TEXT); UPDATE young_people SET name = 'Overwritten';" },
        { version: LATEST_VERSION + 20, name: 'test-fails', sql: 'DELETE FROM drafts; CREATE TABLE teams (id TEXT);' },
      ];
      const copies: string[] = [];
      const filesBefore = filesBeside(path);
      expect(() => openDatabase({ path, key: TEST_KEY, migrations: broken, onBackup: (p) => copies.push(p) })).toThrow(/already exists/);

      const db = openRaw(path);
      try {
        expect(userVersion(db)).toBe(version);
        expect(schemaOf(db)).toEqual(schema);
        expect(snapshot(db)).toEqual(before);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // The copy was taken before anything changed, and is still there after the failure.
      const made = filesBeside(path).filter((f) => !filesBefore.includes(f));
      expect(made, 'exactly one new file: the pre-migration copy').toHaveLength(1);
      const copyPath = made[0]!;
      expectVerifiedCopy(copyPath, version, before);

      // A later, good upgrade still works, and keeps that first copy.
      const again = openDatabase({ path, key: TEST_KEY, onBackup: (p) => copies.push(p) });
      try {
        expect(userVersion(again)).toBe(LATEST_VERSION);
        expect(sameShape(again, before)).toEqual(before);
      } finally {
        again.close();
      }
      expect(copies).toHaveLength(1);
      expect(copies[0]).not.toBe(copyPath);
      expect(existsSync(copyPath)).toBe(true);
    });
  });

  it('refuses a database from a newer version with a clear message, through the app, and leaves it as it was', () => {
    const { path } = databaseAt(EARLIER[EARLIER.length - 1]!);
    openDatabase({ path, key: TEST_KEY }).close();
    const raw = openRaw(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const before = snapshot(raw);
    raw.close();

    expect(() => createAppServices({ dbPath: path, key: TEST_KEY, clock: fixedClock('2026-07-01'), log: () => {} })).toThrow(
      `This database was written by a newer version of THRIVE Plans (schema ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION}). Update THRIVE Plans to open it.`,
    );
    const after = openRaw(path);
    try {
      expect(userVersion(after)).toBe(LATEST_VERSION + 1);
      expect(snapshot(after)).toEqual(before);
    } finally {
      after.close();
    }
  });
});

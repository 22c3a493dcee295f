import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../main/db/errors';
import { LATEST_VERSION, MIGRATIONS, migrate, userVersion } from '../../main/db/migrate';
import { openDatabase } from '../../main/db/open';
import { sqlString } from '../../main/db/sql';
import { TEST_KEY, tempDbPath } from './temp-db';

function names(db: Database.Database, type: 'table' | 'index' | 'trigger'): string[] {
  return db.prepare('SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE ? ORDER BY name').pluck().all(type, 'sqlite_%') as string[];
}

function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma(`hexkey=${sqlString(TEST_KEY)}`);
  return db;
}

describe('migration 0010 (initial schema)', () => {
  it('creates every table of the case lifecycle, its indexes and the audit triggers, and sets user_version', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY });
    try {
      expect(MIGRATIONS.map((m) => m.version)).toEqual([10]);
      expect(userVersion(db)).toBe(10);
      expect(LATEST_VERSION).toBe(10);
      expect(names(db, 'table')).toEqual([
        'audit_log',
        'cases',
        'clinicians',
        'current_views',
        'drafts',
        'ending_criteria',
        'ending_criterion_status',
        'endings',
        'goal_ratings',
        'goals',
        'plans',
        'review_criterion_progress',
        'reviews',
        'settings',
        'teams',
        'young_people',
      ]);
      expect(names(db, 'index')).toEqual(
        expect.arrayContaining([
          'cases_caseload',
          'cases_team',
          'cases_young_person',
          'young_people_nhs_number',
          'current_views_one_opening',
          'plans_current',
          'goals_case',
          'goal_ratings_goal',
          'reviews_case',
          'audit_log_case',
          'clinicians_team',
        ]),
      );
      expect(names(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Every foreign key column is the leading column of some index, so lookups and checks never scan.
      for (const table of names(db, 'table')) {
        const indexed = new Set(
          (db.pragma(`index_list(${table})`) as Array<{ name: string }>).map(
            (ix) => (db.pragma(`index_info(${ix.name})`) as Array<{ name: string }>)[0]?.name,
          ),
        );
        const pk = (db.pragma(`table_info(${table})`) as Array<{ name: string; pk: number }>).find((c) => c.pk === 1)?.name;
        for (const fk of db.pragma(`foreign_key_list(${table})`) as Array<{ from: string }>) {
          expect(indexed.has(fk.from) || pk === fk.from, `${table}.${fk.from} is indexed`).toBe(true);
        }
      }
    } finally {
      db.close();
    }
  });

  it('enforces its CHECK constraints on enums, dates and GBO scores', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY });
    try {
      db.exec("INSERT INTO teams VALUES ('t1', 'Team', '2026-01-01T00:00:00Z')");
      expect(() => db.exec("INSERT INTO clinicians VALUES ('c1', 'Ann', 'manager', 't1', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO young_people VALUES ('y1', 'Ann', '1/2/2010', NULL, 'x', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO young_people VALUES ('y1', 'Ann', '2010-02-01', '12345', 'x', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO teams VALUES ('t2', 'TEAM', 'x')")).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = tempDbPath();
    openDatabase({ path, key: TEST_KEY }).close();
    const raw = openRaw(path);
    raw.pragma('user_version = 9990');
    raw.close();
    expect(() => openDatabase({ path, key: TEST_KEY })).toThrow(/written by a newer version of THRIVE Plans/);
    try {
      openDatabase({ path, key: TEST_KEY });
    } catch (error) {
      expect((error as DatabaseOpenError).reason).toBe('newer_version');
    }
    const check = openRaw(path);
    expect(userVersion(check)).toBe(9990);
    check.close();
  });

  it('copies an existing database (encrypted, verified) before migrating it, all in one transaction', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY });
    db.exec("INSERT INTO teams VALUES ('t1', 'Team Before', '2026-01-01T00:00:00Z')");
    const next = [...MIGRATIONS, { version: 20, name: 'test-extra', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY);' }];
    const result = migrate(db, { path, key: TEST_KEY, migrations: next });
    expect(result).toEqual({ from: 10, to: 20, backupPath: `${path}.pre-v20.bak` });
    expect(userVersion(db)).toBe(20);
    db.close();

    const backup = openRaw(`${path}.pre-v20.bak`);
    expect(userVersion(backup)).toBe(10);
    expect(backup.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Team Before']);
    expect(names(backup, 'table')).not.toContain('extra');
    backup.close();
    expect(() => new Database(`${path}.pre-v20.bak`).prepare('SELECT 1 FROM teams').get()).toThrow(/not a database/);
  });

  it('rolls back every step and the version bump when a migration fails', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY });
    const broken = [
      ...MIGRATIONS,
      { version: 20, name: 'ok-step', sql: 'CREATE TABLE extra (id TEXT);' },
      { version: 30, name: 'bad-step', sql: 'CREATE TABLE teams (id TEXT);' },
    ];
    expect(() => migrate(db, { path, key: TEST_KEY, migrations: broken })).toThrow(/already exists/);
    expect(userVersion(db)).toBe(10);
    expect(names(db, 'table')).not.toContain('extra');
    db.close();
    expect(existsSync(`${path}.pre-v30.bak`)).toBe(true);
  });

  it('does not copy a brand-new database, and a second open migrates nothing', () => {
    const path = tempDbPath();
    openDatabase({ path, key: TEST_KEY }).close();
    const db = openDatabase({ path, key: TEST_KEY });
    expect(migrate(db, { path, key: TEST_KEY })).toEqual({ from: 10, to: 10, backupPath: null });
    db.close();
    expect(existsSync(`${path}.pre-v10.bak`)).toBe(false);
  });

  it('refuses an SQLite file that is not a THRIVE Plans database', () => {
    const path = tempDbPath();
    const other = openRaw(path);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => openDatabase({ path, key: TEST_KEY })).toThrow(/not a THRIVE Plans database/);
  });
});

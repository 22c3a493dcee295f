/**
 * Schema migrations: numbered SQL files (steps of 10, frozen once landed), tracked by
 * `PRAGMA user_version`, which holds the number of the last migration applied.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { appendAuditBaseline } from './audit-baseline';
import { DatabaseOpenError } from './errors';
import m0010 from './migrations/0010-initial.sql';
import m0020 from './migrations/0020-team-view.sql';
import m0030 from './migrations/0030-trust-scale.sql';
import m0040 from './migrations/0040-ending-outcomes.sql';
import m0050 from './migrations/0050-audit-row-digests.sql';
import m0060 from './migrations/0060-team-sync.sql';
import { sqlString, type Db } from './sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do (e.g. hashing), run after the SQL inside the same transaction. */
  run?: (db: Db, now: string) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial', sql: m0010 },
  { version: 20, name: 'team-view', sql: m0020 },
  { version: 30, name: 'trust-scale', sql: m0030 },
  { version: 40, name: 'ending-outcomes', sql: m0040 },
  { version: 50, name: 'audit-row-digests', sql: m0050, run: appendAuditBaseline },
  { version: 60, name: 'team-sync', sql: m0060 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** The database file (for the pre-migration backup's name); omit for in-memory databases. */
  path?: string;
  /** The 64-hex key, to verify the backup opens. */
  key?: string;
  migrations?: readonly Migration[];
  /** The instant recorded by a migration's audit entries (the real time unless a test says otherwise). */
  now?: string;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** The verified copy taken before migrating an existing database, if one was needed. */
  backupPath: string | null;
}

/** Refuses what this version of the app cannot safely open; returns the migrations still to apply. */
export function pendingMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = userVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new DatabaseOpenError(
      'newer_version',
      `This database was written by a newer version of THRIVE Plans (schema ${current}; this version knows up to ${latest}). Update THRIVE Plans to open it.`,
    );
  }
  if (current === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new DatabaseOpenError('not_thrive', 'This file is a database, but not a THRIVE Plans database');
  }
  return migrations.filter((m) => m.version > current);
}

/**
 * Applies every pending migration and the user_version bump in ONE transaction, so a crash or a
 * failing statement leaves the database exactly as it was. An existing database is first copied with
 * VACUUM INTO (encrypted with the same key; db.backup() does not work on encrypted files and
 * serialize() would be plaintext) and the copy is reopened and checked before anything changes.
 */
export function migrate(db: Db, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const from = userVersion(db);
  const pending = pendingMigrations(db, migrations);
  if (pending.length === 0) return { from, to: from, backupPath: null };
  const to = pending[pending.length - 1]!.version;

  const backupPath = from > 0 && options.path && !db.memory ? takeVerifiedBackup(db, options.path, to, from, options.key) : null;

  try {
    db.transaction(() => {
      const now = options.now ?? new Date().toISOString();
      for (const m of pending) {
        db.exec(m.sql);
        m.run?.(db, now);
      }
      // PRAGMA cannot take a bound parameter; `to` is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(to)}`);
    }).immediate();
  } catch (error) {
    // Rolled back by the transaction: say so plainly, with where the copy is, and keep SQLite's words for IT.
    const copy = backupPath ? ` A copy taken before the upgrade is at ${backupPath}.` : '';
    throw new DatabaseOpenError(
      'migration_failed',
      `Upgrading the database to schema ${to} failed and was undone: the records are exactly as they were.${copy} ` +
        `Give IT support this detail: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const violations = db.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) {
    throw new DatabaseOpenError('corrupt', `The database has ${violations.length} broken links between records after upgrading`);
  }
  return { from, to, backupPath };
}

function takeVerifiedBackup(db: Db, path: string, to: number, from: number, key: string | undefined): string {
  let target = `${path}.pre-v${to}.bak`;
  // Never overwrite or delete an earlier copy: it may be the only good one.
  for (let n = 1; existsSync(target); n++) target = `${path}.pre-v${to}.${n}.bak`;
  try {
    db.exec(`VACUUM INTO ${sqlString(target)}`);
    if (key) {
      const copy = new Database(target, { fileMustExist: true });
      try {
        copy.pragma(`hexkey=${sqlString(key)}`);
        const check = copy.pragma('quick_check', { simple: true });
        const version = userVersion(copy);
        if (check !== 'ok' || version !== from) throw new Error(`backup check: ${String(check)}, version ${version}`);
      } finally {
        copy.close();
      }
    }
  } catch (error) {
    throw new DatabaseOpenError('backup_failed', `Could not take a safe copy of the database before upgrading it, so it was not upgraded (${(error as Error).message})`, {
      cause: error,
    });
  }
  return target;
}

/**
 * Small helpers every repo uses: a per-database cache of prepared statements (hot queries are compiled
 * once per connection) and write transactions.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { assertSameFile } from './file-identity';

export type Db = BetterSqlite3.Database;
export type Statement<P extends unknown[] = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

const cache = new WeakMap<Db, Map<string, Statement<unknown[], unknown>>>();

/** A prepared statement for `source`, compiled once per connection. Values are always bound. */
export function stmt<P extends unknown[] = unknown[], R = unknown>(db: Db, source: string): Statement<P, R> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(source);
  if (!s) {
    s = db.prepare(source) as Statement<unknown[], unknown>;
    perDb.set(source, s);
  }
  return s as unknown as Statement<P, R>;
}

/**
 * Runs `fn` in a write transaction (a savepoint when already inside one). BEGIN IMMEDIATE takes the
 * write lock up front: with a deferred BEGIN, a transaction that reads then writes (the audit chain
 * reads the last hash) would fail with SQLITE_BUSY instead of waiting when the CLI and the app write
 * at the same moment. Once the lock is held, the file at the path must still be the one this
 * connection opened (main/db/file-identity.ts): otherwise the save would go only into a file that was
 * set aside, and it is refused with 'database_replaced'.
 */
export function writeTx<T>(db: Db, fn: () => T): T {
  // Hooks run once, around the outermost transaction.
  const outermost = !db.inTransaction;
  const hooks = outermost ? writeHooks.get(db) : undefined;
  const result = db
    .transaction(() => {
      // Checked once, when the lock is taken: a savepoint inside (one per case of a pulled batch) has
      // nothing more to learn, and a stat per savepoint is felt in a first sync of thousands of cases.
      if (outermost) assertSameFile(db);
      const value = fn();
      hooks?.beforeCommit();
      return value;
    })
    .immediate();
  hooks?.afterCommit();
  return result;
}

/**
 * What a connection does at the end of each outermost write transaction: before the commit (inside
 * it) and after it. The audit trail's row digests and its anchor outside the file use these
 * (main/db/audit-anchor.ts); kept as hooks so this module does not depend on the repos that use it.
 */
export interface WriteHooks {
  beforeCommit(): void;
  afterCommit(): void;
}

const writeHooks = new WeakMap<Db, WriteHooks>();

export function setWriteHooks(db: Db, hooks: WriteHooks): void {
  writeHooks.set(db, hooks);
}

/** JSON text column → value. Columns are CHECKed with json_valid, so a parse failure is a real fault. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** SQLite booleans are 0/1 integers. */
export function bool(value: number): boolean {
  return value === 1;
}

/** A string literal for the few statements that cannot take bound parameters (VACUUM INTO, PRAGMA). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Rows this connection has inserted, updated or deleted since it opened (trigger writes included):
 * compared before and after a call to tell whether it wrote anything.
 */
export function totalChanges(db: Db): number {
  return stmt<[], number>(db, 'SELECT total_changes()').pluck().get()!;
}

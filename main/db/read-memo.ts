/**
 * Reuse of a read's result while the database is unchanged. The team view asks for the same open cases
 * twice in a row (team:cases for the table, team:overview for the figures); computing them once halves
 * what the screen waits for at trust scale (bench/trust-scale.ts).
 *
 * "Unchanged" is SQLite's own word for it, never a guess: `total_changes()` counts every row this
 * connection has inserted, updated or deleted (trigger writes included), and `PRAGMA data_version` moves
 * whenever another connection (the CLI, a scheduled job) commits. Any write at all, even one unrelated to
 * the read, throws the result away. Nothing is reused inside a transaction, whose writes may yet be
 * rolled back. One result per (connection, read): the last one asked for.
 *
 * The value is shared between callers, so it must be treated as read-only.
 */
import { stmt, totalChanges, type Db } from './sql';

interface Entry {
  key: string;
  stamp: string;
  value: unknown;
}

const memo = new WeakMap<Db, Map<string, Entry>>();

/**
 * Where the database stands: equal stamps mean nothing has been written in between, by this connection
 * or any other. Readable inside a transaction too (after BEGIN IMMEDIATE it counts every earlier commit).
 */
export function changeStamp(db: Db): string {
  const changes = totalChanges(db);
  const version = stmt<[], number>(db, 'PRAGMA data_version').pluck().get();
  return `${changes}:${version}`;
}

export function memoUntilChanged<T>(db: Db, read: string, key: string, compute: () => T): T {
  if (db.inTransaction) return compute();
  let perDb = memo.get(db);
  if (!perDb) memo.set(db, (perDb = new Map()));
  const now = changeStamp(db);
  const hit = perDb.get(read);
  if (hit && hit.key === key && hit.stamp === now) return hit.value as T;
  const value = compute();
  perDb.set(read, { key, stamp: now, value });
  return value;
}

/** Drops a kept result at once (a large one, such as a checked import file, once it has been used). */
export function forgetMemo(db: Db, read: string): void {
  memo.get(db)?.delete(read);
}

/**
 * An unencrypted copy of a bench database, to measure what encryption costs (docs/quality.md#performance: "encryption
 * overhead on the bench workload ≤ 1.5× plain"). Bench-only: the app never writes or opens a plain file.
 *
 * `VACUUM INTO` copies with the same key; the copy is then decrypted in place by `PRAGMA rekey = ''`
 * (SQLite3MultipleCiphers cannot rekey in WAL mode, so the copy is switched to a rollback journal first
 * and back to WAL when opened). Both files then hold the same rows in freshly packed pages.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, prepareConnection } from '../../main/db/open';
import { sqlString, type Db } from '../../main/db/sql';

/** An encrypted copy of `dbPath` at `to`, packed the same way as the plain one, so the two compare fairly. */
export function encryptedCopy(dbPath: string, key: string, to: string): void {
  const db = openDatabase({ path: dbPath, key });
  try {
    db.exec(`VACUUM INTO ${sqlString(to)}`);
  } finally {
    db.close();
  }
}

export function plainCopy(dbPath: string, key: string, to: string): void {
  encryptedCopy(dbPath, key, to);
  const copy = new Database(to);
  try {
    copy.pragma(`hexkey=${sqlString(key)}`);
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma("rekey = ''", { simple: true });
    if (result !== 'ok') throw new Error(`could not decrypt the bench copy: ${String(result)}`);
  } finally {
    copy.close();
  }
  const check = new Database(to, { fileMustExist: true });
  try {
    if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('the decrypted bench copy fails quick_check');
  } finally {
    check.close();
  }
}

/** Opens the plain copy with every step the app's open takes but the key (pragmas, quick_check, migration check). */
export function openPlain(path: string, key: string): Db {
  const db = new Database(path, { fileMustExist: true });
  try {
    prepareConnection(db, { path, key });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

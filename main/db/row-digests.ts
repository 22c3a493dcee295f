/**
 * What each audited write left in the records, kept in the audit trail so `thrive verify-audit` can
 * tell a row changed behind the app's back (another SQLite tool holding the key) from one the app wrote.
 *
 * Every connection that writes has TEMP triggers (connection-local, never in the file) noting the
 * primary key of each row inserted, updated or deleted. appendAudit (main/db/repos/audit.ts) takes
 * those rows, digests each one as it now stands and stores the digests in the entry, inside the hash.
 * verify-audit replays the digests (the latest per row wins) and recomputes them over the live rows.
 *
 * A digest is per column (12 hex digits of SHA-256), so a report can name the field that differs
 * without the audit trail holding a second copy of the clinical text.
 */
import { hash } from 'node:crypto';
import { stmt, type Db } from './sql';

/**
 * Tables whose rows are not records: the trail itself, form drafts autosaved while typing, and the
 * sync bookkeeping (main/db/migrations/0060-team-sync.sql), whose effects on records are audited.
 */
const NOT_AUDITED = new Set(['audit_log', 'drafts', 'sync_state', 'sync_outbox', 'sync_cases', 'sync_push_attempts', 'sync_conflicts']);

export interface AuditedTable {
  name: string;
  /** Primary key columns in key order (a rowid table's TEXT id, or a WITHOUT ROWID table's pair). */
  key: string[];
}

/** Column → digest of its value; null for a row the write deleted. */
export type ColumnDigests = Record<string, string>;
/** [table, primary key as a JSON array, digests or null (deleted)]. */
export type RowDigest = [string, string, ColumnDigests | null];

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every record table of the schema as it now is (so a later migration's tables are covered too). */
export function auditedTables(db: Db): AuditedTable[] {
  const names = db
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return names
    .filter((name) => !NOT_AUDITED.has(name))
    .map((name) => {
      const cols = db.pragma(`main.table_info(${quote(name)})`) as Array<{ name: string; pk: number }>;
      const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      if (key.length === 0) throw new Error(`table ${name} has no primary key to audit its rows by`);
      return { name, key };
    });
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (Buffer.isBuffer(value)) return `b${value.toString('hex')}`;
  if (typeof value === 'bigint') return `i${value.toString()}`;
  return typeof value === 'number' ? `r${value}` : `s${String(value)}`;
}

/**
 * Digests of short values already seen. Most columns repeat across rows (NULL, the case's id in every
 * child row, the instant of a save, a team's id, a score), and a first sync digests a whole team's
 * rows: a value is hashed once, not once per row. Up to 40 characters (an id with its type prefix is
 * 37) and bounded in number; the digest is the same one verify-audit recomputes, only not recomputed.
 */
const recentDigests = new Map<string, string>();
const MEMO_MAX_TEXT = 40;
const MEMO_MAX_ENTRIES = 10_000;

function digestOf(text: string): string {
  if (text.length > MEMO_MAX_TEXT) return hash('sha256', text).slice(0, 12);
  let digest = recentDigests.get(text);
  if (digest === undefined) {
    if (recentDigests.size >= MEMO_MAX_ENTRIES) recentDigests.clear();
    digest = hash('sha256', text).slice(0, 12);
    recentDigests.set(text, digest);
  }
  return digest;
}

/** Per-column digests of one row as SQLite returns it. */
export function digestRow(row: Record<string, unknown>): ColumnDigests {
  const out: ColumnDigests = {};
  for (const column in row) out[column] = digestOf(valueText(row[column]));
  return out;
}

const tracked = new WeakMap<Db, Map<string, AuditedTable>>();

/**
 * Installs the TEMP triggers on a writable connection (after migrations, so every table exists).
 * TEMP objects belong to this connection only: nothing is added to the database file.
 */
export function trackWrites(db: Db): void {
  const tables = auditedTables(db);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS audit_touched (tbl TEXT NOT NULL, k TEXT NOT NULL, PRIMARY KEY (tbl, k)) WITHOUT ROWID');
  for (const t of tables) {
    const keyOf = (row: 'NEW' | 'OLD') => `json_array(${t.key.map((c) => `${row}.${quote(c)}`).join(', ')})`;
    // Not INSERT OR IGNORE: inside a trigger the outer statement's conflict policy wins, so an upsert
    // (INSERT … ON CONFLICT DO UPDATE, main/db/repos/settings.ts) would fail on a row noted twice.
    const note = (row: 'NEW' | 'OLD') =>
      `INSERT INTO temp.audit_touched (tbl, k) SELECT ${sqlLiteral(t.name)}, ${keyOf(row)} ` +
      `WHERE NOT EXISTS (SELECT 1 FROM temp.audit_touched WHERE tbl = ${sqlLiteral(t.name)} AND k = ${keyOf(row)});`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`audit_touch_ins_${t.name}`)} AFTER INSERT ON main.${quote(t.name)} BEGIN ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`audit_touch_upd_${t.name}`)} AFTER UPDATE ON main.${quote(t.name)} BEGIN ${note('OLD')} ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`audit_touch_del_${t.name}`)} AFTER DELETE ON main.${quote(t.name)} BEGIN ${note('OLD')} END;
    `);
  }
  tracked.set(db, new Map(tables.map((t) => [t.name, t])));
}

function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const selectSql = new WeakMap<AuditedTable, string>();

function selectByKey(db: Db, t: AuditedTable) {
  let sql = selectSql.get(t);
  if (sql === undefined) selectSql.set(t, (sql = `SELECT * FROM main.${quote(t.name)} WHERE ${t.key.map((c) => `${quote(c)} = ?`).join(' AND ')}`));
  return stmt<unknown[], Record<string, unknown>>(db, sql);
}

/** Digests of the rows of one table with these keys (JSON arrays, as the triggers write them), as they stand now. */
export function digestRows(db: Db, t: AuditedTable, keys: readonly string[]): RowDigest[] {
  return keys.map((k) => {
    const row = selectByKey(db, t).get(...(JSON.parse(k) as unknown[]));
    return [t.name, k, row ? digestRow(row) : null];
  });
}

/**
 * Most rows one audit entry carries. A bulk write (an import of thousands of cases) spreads its rows
 * over several entries, so no entry, and no array held in memory, grows with the size of the write.
 */
export const ROWS_PER_ENTRY = 500;

/**
 * Up to `limit` of the rows this connection wrote since they were last taken, digested as they stand
 * now, and forgotten. null when nothing was written (or the connection does not track writes, e.g.
 * read-only).
 */
export function takeWrittenRows(db: Db, limit = ROWS_PER_ENTRY): RowDigest[] | null {
  const tables = tracked.get(db);
  if (!tables) return null;
  const touched = stmt<[number], { tbl: string; k: string }>(db, 'SELECT tbl, k FROM temp.audit_touched LIMIT ?').all(limit);
  if (touched.length === 0) return null;
  // Fewer than the limit: every noted row was taken, so one statement forgets them all.
  if (touched.length < limit) stmt(db, 'DELETE FROM temp.audit_touched').run();
  else {
    const forget = stmt(db, 'DELETE FROM temp.audit_touched WHERE tbl = ? AND k = ?');
    for (const { tbl, k } of touched) forget.run(tbl, k);
  }
  const out: RowDigest[] = [];
  for (const { tbl, k } of touched) {
    const t = tables.get(tbl);
    if (!t) continue;
    const row = selectByKey(db, t).get(...(JSON.parse(k) as unknown[]));
    out.push([tbl, k, row ? digestRow(row) : null]);
  }
  return out;
}

/** Whether this connection notes the rows it writes (a writable one opened by main/db/open.ts does). */
export function tracksWrites(db: Db): boolean {
  return tracked.has(db);
}

/** Whether rows were written that no audit entry has taken yet (checked at the end of a write). */
export function hasUntakenWrites(db: Db): boolean {
  return tracked.has(db) && stmt<[], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM temp.audit_touched) AS n').get()!.n === 1;
}

/** Every live row of a table with its key (as the triggers write it) and digests, for verify-audit. */
export function* liveRows(db: Db, t: AuditedTable): Generator<{ key: string; row: Record<string, unknown>; digests: ColumnDigests }> {
  const keyExpr = `json_array(${t.key.map(quote).join(', ')}) AS "__audit_key"`;
  for (const r of db.prepare(`SELECT ${keyExpr}, * FROM main.${quote(t.name)}`).iterate() as IterableIterator<Record<string, unknown>>) {
    const { __audit_key: key, ...row } = r;
    yield { key: key as string, row, digests: digestRow(row) };
  }
}

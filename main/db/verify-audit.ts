/**
 * `thrive verify-audit`: the audit chain (main/db/repos/audit.ts), its anchor outside the file
 * (main/db/audit-anchor.ts) and the records as they stand against the row digests the trail holds
 * (main/db/row-digests.ts). Each row that differs is named by table, id, the fields that differ and
 * the case it belongs to — never its clinical text — for an information governance investigation.
 */
import { checkAnchor, type AnchorCheck } from './audit-anchor';
import { verifyAuditChain, type ChainCheck } from './repos/audit';
import { auditedTables, liveRows, type ColumnDigests, type RowDigest } from './row-digests';
import { stmt, type Db } from './sql';

export interface RecordProblem {
  table: string;
  /** The row's primary key (its id, or "review id / criterion id" for a pair). */
  id: string;
  /** changed: differs from what the trail says was written; missing: written, never deleted through the app, gone; unaccounted: no entry wrote it. */
  problem: 'changed' | 'missing' | 'unaccounted';
  /** The fields that differ (changed only). */
  fields: string[];
  /** The audit entry that last wrote the row (null when none did). */
  auditSeq: number | null;
  /** The case references the row belongs to (its case, or every case of its young person). */
  caseRefs: string[];
}

export interface AuditReport {
  ok: boolean;
  chain: ChainCheck;
  anchor: AnchorCheck;
  /** Rows compared with the trail. */
  rowsChecked: number;
  records: RecordProblem[];
}

interface Written {
  digests: ColumnDigests | null;
  seq: number;
  caseId: string | null;
  youngPersonId: string | null;
}

function readableKey(key: string): string {
  return (JSON.parse(key) as unknown[]).map(String).join(' / ');
}

function differingFields(was: ColumnDigests, now: ColumnDigests): string[] {
  return [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((c) => was[c] !== now[c]).sort();
}

/** The case a row belongs to, from its own columns (live rows) or the entry that wrote it. */
function caseRefsFor(db: Db, table: string, key: string, row: Record<string, unknown> | null, written: Written | undefined): string[] {
  const byCase = (id: unknown) => stmt<[unknown], string>(db, 'SELECT case_ref FROM cases WHERE id = ?').pluck().all(id);
  const byYoungPerson = (id: unknown) =>
    stmt<[unknown], string>(db, 'SELECT case_ref FROM cases WHERE young_person_id = ? ORDER BY episode_no').pluck().all(id);
  const via = (sql: string, id: unknown) => byCase(stmt<[unknown], unknown>(db, sql).pluck().get(id));
  const id = (JSON.parse(key) as unknown[])[0];
  if (table === 'cases' && row) return [String(row.case_ref)];
  if (table === 'cases') return byCase(id);
  if (table === 'young_people') return byYoungPerson(id);
  if (row?.case_id) return byCase(row.case_id);
  if (row?.young_person_id) return byYoungPerson(row.young_person_id);
  if (row?.goal_id) return via('SELECT case_id FROM goals WHERE id = ?', row.goal_id);
  if (row?.review_id) return via('SELECT case_id FROM reviews WHERE id = ?', row.review_id);
  if (row?.ending_id) return via('SELECT case_id FROM endings WHERE id = ?', row.ending_id);
  if (written?.caseId) return byCase(written.caseId);
  if (written?.youngPersonId) return byYoungPerson(written.youngPersonId);
  return [];
}

/** The latest digests the trail holds for each row it wrote. */
function writtenRows(db: Db): Map<string, Written> {
  const written = new Map<string, Written>();
  const entries = db
    .prepare('SELECT seq, case_id, young_person_id, row_digests FROM audit_log WHERE row_digests IS NOT NULL ORDER BY seq')
    .iterate() as IterableIterator<{ seq: number; case_id: string | null; young_person_id: string | null; row_digests: string }>;
  for (const e of entries) {
    for (const [table, key, digests] of JSON.parse(e.row_digests) as RowDigest[]) {
      written.set(`${table}\u0000${key}`, { digests, seq: e.seq, caseId: e.case_id, youngPersonId: e.young_person_id });
    }
  }
  return written;
}

/** The records as they stand, compared with what the trail says was written. */
export function verifyRecords(db: Db): { rowsChecked: number; records: RecordProblem[] } {
  const written = writtenRows(db);
  const records: RecordProblem[] = [];
  let rowsChecked = 0;
  for (const t of auditedTables(db)) {
    for (const { key, row, digests } of liveRows(db, t)) {
      rowsChecked++;
      const mapKey = `${t.name}\u0000${key}`;
      const w = written.get(mapKey);
      written.delete(mapKey);
      const base = { table: t.name, id: readableKey(key), auditSeq: w?.seq ?? null };
      if (!w?.digests) {
        records.push({ ...base, problem: 'unaccounted', fields: [], caseRefs: caseRefsFor(db, t.name, key, row, w) });
        continue;
      }
      const fields = differingFields(w.digests, digests);
      if (fields.length > 0) records.push({ ...base, problem: 'changed', fields, caseRefs: caseRefsFor(db, t.name, key, row, w) });
    }
  }
  for (const [mapKey, w] of written) {
    if (!w.digests) continue;
    const [table, key] = mapKey.split('\u0000') as [string, string];
    records.push({ table, id: readableKey(key), problem: 'missing', fields: [], auditSeq: w.seq, caseRefs: caseRefsFor(db, table, key, null, w) });
  }
  return { rowsChecked, records };
}

export function verifyAudit(db: Db): AuditReport {
  const chain = verifyAuditChain(db);
  const anchor = checkAnchor(db);
  const { rowsChecked, records } = verifyRecords(db);
  return { ok: chain.ok && anchor.state !== 'broken' && records.length === 0, chain, anchor, rowsChecked, records };
}

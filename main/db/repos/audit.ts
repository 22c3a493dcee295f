/**
 * The append-only audit trail. Each entry's hash covers the previous entry's hash and the entry
 * itself, so changing or removing any past entry (even with a tool that bypasses the triggers) breaks
 * every hash after it, and verifyAuditChain says where. Each entry also holds the digests of the rows
 * its write left (main/db/row-digests.ts), so the records can be checked against the trail.
 */
import { createHash } from 'node:crypto';
import { noteAuditedWrite } from '../../sync/outbox';
import { newId } from '../ids';
import { hasUntakenWrites, takeWrittenRows, tracksWrites, type RowDigest } from '../row-digests';
import { stmt, type Db } from '../sql';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  actorId: string;
  caseId?: string | null;
  youngPersonId?: string | null;
  /** Dotted verb, e.g. `case.open`, `plan.agree`. */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string;
  case_id: string | null;
  young_person_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  /** JSON RowDigest[]: the rows the write left, digested (NULL in entries written before schema 50). */
  row_digests: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string;
  caseId: string | null;
  youngPersonId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

type HashedFields = Omit<AuditRow, 'seq' | 'hash'>;

export function auditHash(row: HashedFields): string {
  // A JSON array fixes the field order and escapes separators, so no two entries hash the same text.
  // The row digests join the array only when present, so entries written before they existed still verify.
  const fields = [
    row.prev_hash,
    row.id,
    row.at,
    row.actor_id,
    row.case_id,
    row.young_person_id,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
  ];
  if (row.row_digests !== null) fields.push(row.row_digests);
  const text = JSON.stringify(fields);
  return createHash('sha256').update(text).digest('hex');
}

function lastHash(db: Db): string {
  const row = stmt<[], { hash: string }>(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  return row?.hash ?? GENESIS_HASH;
}

const appended = new WeakSet<Db>();

/** Whether this connection appended an entry since the last call (the anchor then moves on). */
export function takeAppended(db: Db): boolean {
  return appended.delete(db);
}

/**
 * Appends one entry, with the digests of the rows written since the last entry. Call inside the write
 * transaction of the change it records, after its rows are written (writeTx records any written later).
 * A write of more rows than one entry carries (main/db/row-digests.ts ROWS_PER_ENTRY) puts the rest in
 * `records.write` entries just before it, in the same transaction.
 *
 * A write of a team server's case also leaves an outbox entry here, in the same transaction, so it is
 * sent (main/sync/outbox.ts); a connection that does not track its writes is assumed to have written.
 */
export function appendAudit(db: Db, entry: AuditEntryInput, rows?: RowDigest[] | null): string {
  let digests = rows === undefined ? takeWrittenRows(db) : rows;
  const wroteRows = digests !== null || (rows === undefined && !tracksWrites(db));
  if (rows === undefined) {
    while (hasUntakenWrites(db)) {
      insertEntry(db, { at: entry.at, actorId: entry.actorId, action: 'records.write', entity: 'records', entityId: 'rows' }, digests);
      digests = takeWrittenRows(db);
    }
  }
  const id = insertEntry(db, entry, digests);
  noteAuditedWrite(db, entry, wroteRows);
  return id;
}

function insertEntry(db: Db, entry: AuditEntryInput, rows: RowDigest[] | null): string {
  const fields: HashedFields = {
    id: newId(),
    at: entry.at,
    actor_id: entry.actorId,
    case_id: entry.caseId ?? null,
    young_person_id: entry.youngPersonId ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    row_digests: rows === null ? null : JSON.stringify(rows),
    prev_hash: lastHash(db),
  };
  const hash = auditHash(fields);
  stmt(
    db,
    `INSERT INTO audit_log (id, at, actor_id, case_id, young_person_id, action, entity, entity_id, before, after, row_digests, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @case_id, @young_person_id, @action, @entity, @entity_id, @before, @after, @row_digests, @prev_hash, @hash)`,
  ).run({ ...fields, hash });
  appended.add(db);
  return fields.id;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    caseId: row.case_id,
    youngPersonId: row.young_person_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/** A case's history, oldest first. */
export function listCaseAudit(db: Db, caseId: string): AuditEntry[] {
  return stmt<[string], AuditRow>(db, 'SELECT * FROM audit_log WHERE case_id = ? ORDER BY seq').all(caseId).map(toEntry);
}

/** A case's history with each actor's clinician name (null for system actors), in one query. */
export const CASE_AUDIT_WITH_ACTORS_SQL = `SELECT a.*, cl.name AS actor_name
  FROM audit_log a LEFT JOIN clinicians cl ON cl.id = a.actor_id
  WHERE a.case_id = ? ORDER BY a.seq`;

export function listCaseAuditWithActors(db: Db, caseId: string): Array<AuditEntry & { actorClinicianName: string | null }> {
  return stmt<[string], AuditRow & { actor_name: string | null }>(db, CASE_AUDIT_WITH_ACTORS_SQL)
    .all(caseId)
    .map((row) => ({ ...toEntry(row), actorClinicianName: row.actor_name }));
}

export function countAudit(db: Db): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM audit_log').get()!.n;
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

/** Walks the whole chain; the first entry whose link or hash does not match is reported. */
export function verifyAuditChain(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.prev_hash !== prev) return { ok: false, seq: row.seq, problem: 'does not follow the entry before it' };
    if (auditHash(row) !== row.hash) return { ok: false, seq: row.seq, problem: 'was changed after it was written' };
    prev = row.hash;
    entries++;
  }
  return { ok: true, entries };
}

/**
 * Conflicts: the server moved a case on while this device had unpushed work on it. Nothing is merged
 * silently: the local rows stay exactly as they are and the three documents (local, the version the
 * local work was made on, the server's) are kept until the person chooses "mine" or "theirs". Both
 * choices are audited with the other side kept in the entry, so nothing is lost either way.
 */
import type { Clock } from '../../shared/clock';
import { diffDocuments, mergeOnTop, sameDocument } from '../../shared/sync/merge';
import type { CaseDocument, Change, Row } from '../../shared/sync/protocol';
import { AppError } from '../../shared/ipc/result';
import { appendAudit } from '../db/repos/audit';
import { newId } from '../db/ids';
import { stmt, writeTx, type Db } from '../db/sql';
import { applyCaseDocument, CaseDocumentError, readCaseDocument } from './case-document';
import { enqueue } from './outbox';

interface ConflictRow {
  id: string;
  case_id: string;
  local_document: string;
  base_version: number | null;
  base_document: string | null;
  server_version: number;
  server_author_id: string;
  server_author_name: string;
  server_document: string;
  detected_at: string;
}

export interface ConflictInput {
  caseId: string;
  /** The server version the local work was made on (null: the case is new to the server). */
  baseVersion: number | null;
  base: CaseDocument | null;
  server: Change;
}

/**
 * The server already holds exactly what this device has (the same change made twice, or pushed from
 * elsewhere): nothing to choose between, so the local work counts as sent and the case is at the
 * server's version.
 */
function settleAsSame(db: Db, caseId: string, version: number): void {
  stmt(db, 'DELETE FROM sync_outbox WHERE case_id = ?').run(caseId);
  stmt(db, 'DELETE FROM sync_push_attempts WHERE case_id = ?').run(caseId);
  stmt(
    db,
    `INSERT INTO sync_cases (case_id, server_version) VALUES (?, ?)
     ON CONFLICT (case_id) DO UPDATE SET server_version = max(server_version, excluded.server_version)`,
  ).run(caseId, version);
}

/**
 * Records (or brings up to date) the case's open conflict; false when there was none to record (the
 * server's document is the local one). A later server version replaces the server side of an open
 * conflict; the local side is the case as it stands now.
 */
export function recordConflict(db: Db, clock: Clock, c: ConflictInput): boolean {
  const localDoc = readCaseDocument(db, c.caseId);
  const local = JSON.stringify(localDoc);
  const open = stmt<[string], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE case_id = ? AND resolution IS NULL').get(c.caseId);
  if (!open && sameDocument(localDoc, c.server.document)) {
    settleAsSame(db, c.caseId, c.server.version);
    return false;
  }
  const server = { version: c.server.version, authorId: c.server.authorId, authorName: c.server.authorName, doc: JSON.stringify(c.server.document) };
  if (open) {
    const newer = server.version >= open.server_version;
    stmt(
      db,
      `UPDATE sync_conflicts SET local_document = ?, base_document = coalesce(?, base_document),
         server_version = ?, server_author_id = ?, server_author_name = ?, server_document = ? WHERE id = ?`,
    ).run(
      local,
      c.base ? JSON.stringify(c.base) : null,
      newer ? server.version : open.server_version,
      newer ? server.authorId : open.server_author_id,
      newer ? server.authorName : open.server_author_name,
      newer ? server.doc : open.server_document,
      open.id,
    );
    return true;
  }
  stmt(
    db,
    `INSERT INTO sync_conflicts (id, case_id, local_document, base_version, base_document, server_version, server_author_id, server_author_name, server_document, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), c.caseId, local, c.baseVersion, c.base ? JSON.stringify(c.base) : null, server.version, server.authorId, server.authorName, server.doc, clock.now());
  return true;
}

/** Open conflicts whose base version has not been fetched yet (GET /v1/cases/:caseId/versions/:version). */
export function conflictsNeedingBase(db: Db): Array<{ conflictId: string; caseId: string; baseVersion: number }> {
  return stmt<[], { id: string; case_id: string; base_version: number }>(
    db,
    'SELECT id, case_id, base_version FROM sync_conflicts WHERE resolution IS NULL AND base_document IS NULL AND base_version IS NOT NULL ORDER BY detected_at',
  )
    .all()
    .map((r) => ({ conflictId: r.id, caseId: r.case_id, baseVersion: r.base_version }));
}

export function setConflictBase(db: Db, conflictId: string, base: CaseDocument): void {
  writeTx(db, () => {
    stmt(db, 'UPDATE sync_conflicts SET base_document = ? WHERE id = ? AND resolution IS NULL').run(JSON.stringify(base), conflictId);
  });
}

export interface ConflictField {
  table: string;
  row: string;
  column: string;
  mine: Row[string] | undefined;
  theirs: Row[string] | undefined;
  /** A column the app keeps for itself (an id, a link, an edit counter, a timestamp), not one a person wrote. */
  technical: boolean;
}

const TECHNICAL = new Set(['id', 'version', 'created_at', 'updated_at', 'created_by', 'recorded_by']);

function isTechnical(column: string): boolean {
  return TECHNICAL.has(column) || column.endsWith('_id');
}

export interface ConflictView {
  id: string;
  caseId: string;
  caseRef: string;
  youngPersonName: string;
  serverVersion: number;
  serverAuthorName: string;
  detectedAt: string;
  /** Whether the version the local work was made on is known ("mine" then keeps the server's other changes). */
  hasBase: boolean;
  fields: ConflictField[];
}

export function listConflicts(db: Db): ConflictView[] {
  const rows = stmt<[], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE resolution IS NULL ORDER BY detected_at, id').all();
  return rows.map((r) => {
    const mine = JSON.parse(r.local_document) as CaseDocument;
    const theirs = JSON.parse(r.server_document) as CaseDocument;
    return {
      id: r.id,
      caseId: r.case_id,
      caseRef: String(mine.tables.cases[0]?.case_ref ?? ''),
      youngPersonName: String(mine.youngPerson.name ?? ''),
      serverVersion: r.server_version,
      serverAuthorName: r.server_author_name,
      detectedAt: r.detected_at,
      hasBase: r.base_document !== null,
      fields: diffDocuments(mine, theirs).map((d) => ({ table: d.table, row: d.row, column: d.column, mine: d.a, theirs: d.b, technical: isTechnical(d.column) })),
    };
  });
}

/**
 * What both versions did that a case can hold only once (the one-per-case rules of
 * main/db/migrations/0010-initial.sql), in words: then only one version can be kept as it is.
 */
// SQLite names a partial unique index's columns, not the index, in its message ("UNIQUE constraint
// failed: current_views.case_id"), so each rule is matched by the columns its index covers.
const ONCE_PER_CASE: Array<[RegExp, string]> = [
  [/UNIQUE constraint failed: plans\.case_id$/, 'the plan was revised in both versions'],
  [/UNIQUE constraint failed: endings\.case_id$/, 'the case was ended in both versions'],
  [/UNIQUE constraint failed: goals\.case_id, goals\.position$/, 'both versions have a different goal in the same place'],
  [/UNIQUE constraint failed: current_views\.case_id$/, 'both versions have a Current View at open'],
];

function applyOrExplain(db: Db, doc: CaseDocument, what: string): void {
  try {
    applyCaseDocument(db, doc);
  } catch (error) {
    const message = (error as Error).message;
    const known = ONCE_PER_CASE.find(([pattern]) => pattern.test(message));
    const detail = known
      ? `${known[1]}. Keep the team server's version and enter your changes again on top of it.`
      : error instanceof CaseDocumentError
        ? message
        : `give IT support this detail: ${message}`;
    throw new AppError('conflict', `${what} could not be saved, so nothing was changed: ${detail}`);
  }
}

/**
 * theirs: the server's document replaces the case's rows, the case's outbox entries are dropped (the
 * local version is kept in the audit entry's `before`). mine: the device's changes since the base go
 * on top of the server's document; it is pushed next with If-Match of the server's version (a fresh
 * outbox entry), and the server's document is kept in the audit entry's `before`.
 */
export function resolveConflict(db: Db, clock: Clock, conflictId: string, choice: 'mine' | 'theirs', actor: string): void {
  writeTx(db, () => {
    const c = stmt<[string], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE id = ? AND resolution IS NULL').get(conflictId);
    if (!c) throw new AppError('not_found', 'This conflict has already been resolved');
    const at = clock.now();
    const local = readCaseDocument(db, c.case_id);
    const server = JSON.parse(c.server_document) as CaseDocument;
    const entry = { at, actorId: actor, caseId: c.case_id, youngPersonId: String(local.youngPerson.id), entity: 'case', entityId: c.case_id };
    if (choice === 'theirs') {
      applyOrExplain(db, server, "The team server's version");
      stmt(db, 'DELETE FROM sync_outbox WHERE case_id = ?').run(c.case_id);
      appendAudit(db, { ...entry, action: 'sync.conflict_theirs', before: local, after: { serverVersion: c.server_version, author: c.server_author_name } });
    } else {
      const base = c.base_document ? (JSON.parse(c.base_document) as CaseDocument) : null;
      const merged = mergeOnTop(base, local, server);
      // The case's edit version (the forms' stale-save check) moves past both sides, so a form opened
      // on either version before the merge is refused rather than saved over it.
      merged.tables.cases[0]!.version = Math.max(Number(local.tables.cases[0]!.version), Number(server.tables.cases[0]!.version)) + 1;
      applyOrExplain(db, merged, 'Your version on top of the team server’s');
      enqueue(db, c.case_id, actor, at);
      appendAudit(db, { ...entry, action: 'sync.conflict_mine', before: server, after: { serverVersion: c.server_version, author: c.server_author_name } });
    }
    stmt(db, 'DELETE FROM sync_push_attempts WHERE case_id = ?').run(c.case_id);
    stmt(
      db,
      `INSERT INTO sync_cases (case_id, server_version) VALUES (?, ?)
       ON CONFLICT (case_id) DO UPDATE SET server_version = excluded.server_version`,
    ).run(c.case_id, c.server_version);
    stmt(db, 'UPDATE sync_conflicts SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(choice, at, actor, conflictId);
  });
}

/**
 * Form drafts: one per form kind and case (case NULL for "open a case"). A draft is never a record:
 * nothing but its own form reads it, and it is not audited.
 * Queries use coalesce(case_id, '') so they match the drafts_kind_case index exactly.
 */
import type { DraftKind } from '../../../shared/domain/lifecycle';
import type { DraftRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { parseJson, stmt, type Db } from '../sql';

interface DraftRow {
  kind: DraftKind;
  case_id: string | null;
  payload: string;
  updated_at: string;
}

export const DRAFT_SQL = `SELECT kind, case_id, payload, updated_at FROM drafts WHERE kind = ? AND coalesce(case_id, '') = ?`;

export function getDraft(db: Db, kind: DraftKind, caseId: string | null): DraftRecord | null {
  const row = stmt<[string, string], DraftRow>(db, DRAFT_SQL).get(kind, caseId ?? '');
  return row ? { kind: row.kind, caseId: row.case_id, payload: parseJson<unknown>(row.payload), savedAt: row.updated_at } : null;
}

/** Saves over any earlier draft of the same form. */
export function putDraft(db: Db, kind: DraftKind, caseId: string | null, payload: unknown, at: string): DraftRecord {
  deleteDraft(db, kind, caseId);
  stmt(db, 'INSERT INTO drafts (id, kind, case_id, payload, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    newId(),
    kind,
    caseId,
    JSON.stringify(payload),
    at,
  );
  return { kind, caseId, payload, savedAt: at };
}

/** True when there was a draft to delete. */
export function deleteDraft(db: Db, kind: DraftKind, caseId: string | null): boolean {
  return stmt(db, "DELETE FROM drafts WHERE kind = ? AND coalesce(case_id, '') = ?").run(kind, caseId ?? '').changes > 0;
}

/** Every draft of a case: a closed case's forms can no longer be saved, so their drafts go with it. */
export function deleteCaseDrafts(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM drafts WHERE case_id = ?').run(caseId);
}

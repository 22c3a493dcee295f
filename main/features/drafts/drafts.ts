/**
 * Form drafts, autosaved while typing. A draft is never a record: it does not change the case (no
 * version bump, no flags, no audit entry) and nothing but its own form reads it. Drafts of a closed
 * case are refused like any other write, except the re-open form's, which exists only for closed cases.
 */
import type { DraftKind } from '../../../shared/domain/lifecycle';
import { AppError } from '../../../shared/ipc/result';
import type { DraftKeyArgs, DraftSaveArgs } from '../../../shared/ipc/schemas/drafts';
import type { DraftRecord } from '../../../shared/ipc/types';
import type { z } from 'zod';
import { deleteDraft, getDraft, putDraft } from '../../db/repos/drafts';
import { writeTx, type Db } from '../../db/sql';
import { existingCase, READ_ONLY_MESSAGE } from '../cases/writable-case';
import { throwIfAny, type WriteContext } from '../write-context';

type DraftKey = z.output<typeof DraftKeyArgs>;

/** "Open a case" has no case yet; every other form belongs to one. */
function checkKey(key: DraftKey): void {
  if (key.kind === 'open_case' && key.caseId !== null)
    throwIfAny([{ path: 'caseId', message: 'A draft of a new case does not belong to a case yet' }]);
  if (key.kind !== 'open_case' && key.caseId === null) throwIfAny([{ path: 'caseId', message: 'Say which case this draft belongs to' }]);
}

function checkCaseAcceptsDraft(db: Db, kind: DraftKind, caseId: string): void {
  const found = existingCase(db, caseId);
  if (kind === 'reopen') {
    if (found.status === 'open') throw new AppError('conflict', `Case ${found.caseRef} is open: only a closed case can be re-opened`);
  } else if (found.status !== 'open') {
    throw new AppError('read_only', READ_ONLY_MESSAGE);
  }
}

export function saveDraft(w: WriteContext, v: z.output<typeof DraftSaveArgs>): DraftRecord {
  checkKey(v);
  return writeTx(w.db, () => {
    if (v.caseId) checkCaseAcceptsDraft(w.db, v.kind, v.caseId);
    return putDraft(w.db, v.kind, v.caseId, v.payload, w.clock.now());
  });
}

export function readDraft(db: Db, v: DraftKey): DraftRecord | null {
  checkKey(v);
  return getDraft(db, v.kind, v.caseId);
}

export function discardDraft(db: Db, v: DraftKey): { discarded: boolean } {
  checkKey(v);
  return { discarded: writeTx(db, () => deleteDraft(db, v.kind, v.caseId)) };
}

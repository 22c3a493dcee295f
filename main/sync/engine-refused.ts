/**
 * Refused pushes and changes waiting for their author, in the person's words (shared/ipc/schemas/sync.ts
 * RefusedChangeView, SyncStatus.waitingForOthers): the store keeps the server's words
 * (main/sync/refused.ts); this adds what the person can do about each.
 */
import type { RefusedChangeView, SyncStatus } from '../../shared/ipc/schemas/sync';
import type { Db } from '../db/sql';
import { heldForOthers, listRefused, type RefusedCase } from './refused';

/** What to do, by why the server refused: the server's words say what is wrong, these what to do here. */
function whatToDo(r: RefusedCase): string {
  const team = r.teamName ?? 'the case’s team';
  if (r.status === 403) {
    return `Ask your team lead to check you are in ${team} on the team server, then choose Try again. Until then the change is kept on this computer.`;
  }
  if (r.status === 400) return 'Correct the case on this computer and save it again: it is sent then. Until then the change is kept on this computer.';
  if (r.code === 'idempotency_mismatch') return 'Save the case again to send it as a new change. Until then the change is kept on this computer.';
  return 'Choose Try again. If it is refused again, ask your IT team; the change is kept on this computer meanwhile.';
}

export function refusedViews(db: Db): RefusedChangeView[] {
  return listRefused(db).map((r) => ({
    caseId: r.caseId,
    caseRef: r.caseRef,
    youngPersonName: r.youngPersonName,
    refusedAt: r.refusedAt,
    serverWords: r.message,
    whatToDo: whatToDo(r),
  }));
}

/** Changes by others than the signed-in person, by author; a person never named here is "someone else". */
export function waitingForOthers(db: Db, personId: string | null): SyncStatus['waitingForOthers'] {
  if (personId === null) return [];
  return heldForOthers(db, personId).map((h) => ({ name: h.name ?? 'someone else', changes: h.changes }));
}

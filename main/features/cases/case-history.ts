import type { HistoryEntry } from '../../../shared/ipc/types';
import { listCaseAuditWithActors } from '../../db/repos/audit';
import { actorLabel } from '../../db/repos/clinicians';
import type { Db } from '../../db/sql';
import { existingCase } from './writable-case';
import { summariseAudit } from './history-summary';
import { fieldChanges } from './history-values';

/** The case's audit trail, oldest first, as the History tab shows it (one query for entries and actors). */
export function caseHistory(db: Db, caseId: string): HistoryEntry[] {
  existingCase(db, caseId);
  return listCaseAuditWithActors(db, caseId).map((e) => ({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorName: actorLabel(e.actorId, e.actorClinicianName),
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    summary: summariseAudit(e.action, e.after),
    // A sync entry keeps a whole case document (the version set aside in a conflict): evidence for the
    // trail, not a field change to list (main/sync/conflicts.ts).
    changes: e.action.startsWith('sync.') ? [] : fieldChanges(e.before, e.after),
  }));
}

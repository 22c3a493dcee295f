import { AppError } from '../../../shared/ipc/result';
import { currentViewRules, RecordOpeningCurrentViewArgs, type RecordCurrentViewInput } from '../../../shared/ipc/schemas/current-view';
import type { CurrentViewRecord } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { getCurrentView, hasOpeningCurrentView, insertCurrentView } from '../../db/repos/current-views';
import { writeTx } from '../../db/sql';
import { touchCase, writableCase } from '../cases/writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

/** The Current View at open, once per case; its grouping becomes the case's grouping. */
export function recordOpeningCurrentView(w: WriteContext, input: RecordCurrentViewInput): CurrentViewRecord {
  const v = parseOrThrow(RecordOpeningCurrentViewArgs, input);
  return writeTx(w.db, () => {
    const current = writableCase(w.db, v.caseId);
    if (hasOpeningCurrentView(w.db, v.caseId)) {
      throw new AppError('conflict', `The Current View at open is already recorded for case ${current.caseRef}`);
    }
    throwIfAny(currentViewRules(v, { today: w.clock.today(), openDate: current.openDate, context: 'open' }));
    const at = w.clock.now();
    const id = insertCurrentView(
      w.db,
      {
        caseId: v.caseId,
        context: 'open',
        completedDate: v.completedDate,
        reason: v.reason,
        grouping: v.grouping,
        ratings: v.ratings,
        recordedBy: w.actor,
      },
      at,
    );
    touchCase(w.db, current, { grouping: v.grouping }, at);
    appendAudit(w.db, {
      at,
      actorId: w.actor,
      caseId: v.caseId,
      youngPersonId: current.youngPersonId,
      action: 'current_view.record',
      entity: 'current_view',
      entityId: id,
      before: { grouping: current.grouping },
      after: { context: 'open', completedDate: v.completedDate, reason: v.reason, grouping: v.grouping, ratings: v.ratings },
    });
    const record = getCurrentView(w.db, id);
    if (!record) throw new AppError('internal', 'The Current View was not saved');
    return record;
  });
}

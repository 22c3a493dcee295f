import { formatUkDate } from '../../../shared/dates';
import { AppError } from '../../../shared/ipc/result';
import {
  currentViewRules,
  RecordOpeningCurrentViewArgs,
  type RecordCurrentViewInput,
  type RecordCurrentViewValue,
} from '../../../shared/ipc/schemas/current-view';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { CaseSummary, CurrentViewRecord } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { getCurrentView, hasOpeningCurrentView, insertCurrentView, latestGrouping } from '../../db/repos/current-views';
import { deleteDraft } from '../../db/repos/drafts';
import { getReview, setReviewCurrentView } from '../../db/repos/reviews';
import { writeTx } from '../../db/sql';
import { touchCase, writableCase } from '../cases/writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

/**
 * The Current View at open (once per case; its grouping becomes the case's grouping), or, with
 * `reviewId`, the missing Current View of a review recorded without one.
 */
export function recordOpeningCurrentView(w: WriteContext, input: RecordCurrentViewInput): CurrentViewRecord {
  const v = parseOrThrow(RecordOpeningCurrentViewArgs, input);
  return writeTx(w.db, () => (v.reviewId ? recordReviewCurrentView(w, v, v.reviewId) : recordAtOpen(w, v)));
}

function recordAtOpen(w: WriteContext, v: RecordCurrentViewValue): CurrentViewRecord {
  const current = writableCase(w.db, v.caseId);
  if (hasOpeningCurrentView(w.db, v.caseId)) {
    throw new AppError('conflict', `The Current View at open is already recorded for case ${current.caseRef}`);
  }
  throwIfAny(currentViewRules(v, { today: w.clock.today(), openDate: current.openDate, context: 'open' }));
  const at = w.clock.now();
  const id = insertCurrentView(
    w.db,
    { caseId: v.caseId, context: 'open', completedDate: v.completedDate, reason: v.reason, grouping: v.grouping, ratings: v.ratings, recordedBy: w.actor },
    at,
  );
  return saved(w, current, id, {
    grouping: v.grouping,
    at,
    after: { context: 'open', completedDate: v.completedDate, reason: v.reason, grouping: v.grouping, ratings: v.ratings },
  });
}

/**
 * The Current View of a review that was saved without one (which showed "Current View missing"). It
 * takes the review's date, whatever date the form sent; the case's grouping follows the latest
 * Current View, so a later review's grouping is not overwritten by an earlier review's.
 */
function recordReviewCurrentView(w: WriteContext, v: RecordCurrentViewValue, reviewId: string): CurrentViewRecord {
  const current = writableCase(w.db, v.caseId);
  const review = getReview(w.db, reviewId);
  if (!review || review.caseId !== v.caseId) throw new AppError('not_found', 'There is no review with that id on this case');
  if (review.currentViewId) {
    throw new AppError('conflict', `The review of ${formatUkDate(review.reviewDate)} already has its Current View`);
  }
  throwIfAny(currentViewRules({ ...v, completedDate: review.reviewDate }, { today: w.clock.today(), openDate: current.openDate, context: 'review' }));
  const at = w.clock.now();
  const id = insertCurrentView(
    w.db,
    { caseId: v.caseId, context: 'review', reviewId, completedDate: review.reviewDate, reason: v.reason, grouping: v.grouping, ratings: v.ratings, recordedBy: w.actor },
    at,
  );
  if (!setReviewCurrentView(w.db, reviewId, id)) throw new AppError('conflict', 'The review already has its Current View');
  const grouping = latestGrouping(w.db, v.caseId) ?? v.grouping;
  return saved(w, current, id, {
    grouping,
    at,
    after: {
      context: 'review',
      reviewId,
      reviewDate: review.reviewDate,
      recordedAfterReview: true,
      completedDate: review.reviewDate,
      reason: v.reason,
      grouping,
      currentViewGrouping: v.grouping,
      ratings: v.ratings,
    },
  });
}

/** After the insert: the case takes the grouping, the form's draft goes, the audit says what was recorded; the saved record back. */
function saved(w: WriteContext, current: CaseSummary, id: string, change: { grouping: GroupingCode; at: string; after: Record<string, unknown> }): CurrentViewRecord {
  touchCase(w.db, current, { grouping: change.grouping }, change.at);
  deleteDraft(w.db, 'current_view', current.id);
  appendAudit(w.db, {
    at: change.at,
    actorId: w.actor,
    caseId: current.id,
    youngPersonId: current.youngPersonId,
    action: 'current_view.record',
    entity: 'current_view',
    entityId: id,
    before: { grouping: current.grouping },
    after: change.after,
  });
  const record = getCurrentView(w.db, id);
  if (!record) throw new AppError('internal', 'The Current View was not saved');
  return record;
}

import { AppError } from '../../../shared/ipc/result';
import { RecordReviewArgs, reviewRules, type RecordReviewInput, type RecordReviewValue } from '../../../shared/ipc/schemas/review';
import type { CaseSummary, ReviewRecord } from '../../../shared/ipc/types';
import { newId } from '../../db/ids';
import { appendAudit } from '../../db/repos/audit';
import { insertCurrentView } from '../../db/repos/current-views';
import { deleteDraft } from '../../db/repos/drafts';
import { insertGoalRating } from '../../db/repos/goals';
import { hasCurrentPlan } from '../../db/repos/plans';
import { getReview, insertCriterionProgress, insertReview } from '../../db/repos/reviews';
import { writeTx } from '../../db/sql';
import { auditBase, auditEmbeddedCurrentView, inTheirWords } from '../cases/audit-words';
import { caseRuleFacts, type CaseRuleFacts } from '../cases/rule-context';
import { touchCase, writableCase } from '../cases/writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

/**
 * A review (docs/product.md#review): GBO ratings of the goals in force, progress on each ending criterion,
 * the Current View at review with the grouping (which becomes the case's), the decision and the next
 * agreed review date — all in one transaction with its audit entries, clearing the review form's draft.
 */
export function recordReview(w: WriteContext, input: RecordReviewInput): ReviewRecord {
  const v = parseOrThrow(RecordReviewArgs, input);
  return writeTx(w.db, () => {
    const current = writableCase(w.db, v.caseId, v.caseVersion);
    if (!hasCurrentPlan(w.db, v.caseId)) {
      throw new AppError('conflict', 'Agree the THRIVE plan first: a review is held against the goals and ending criteria of the plan');
    }
    const facts = caseRuleFacts(w.db, current, w.clock.today());
    throwIfAny(reviewRules(v, facts));

    const at = w.clock.now();
    const reviewId = newId();
    const currentViewId = insertReviewRows(w, v, reviewId, at);
    touchCase(w.db, current, { nextReviewDate: v.nextReviewDate, ...(v.currentView ? { grouping: v.currentView.grouping } : {}) }, at);
    deleteDraft(w.db, 'review', v.caseId);
    auditReview(w, { current, facts, v, reviewId, currentViewId, at });
    const record = getReview(w.db, reviewId);
    if (!record) throw new AppError('internal', 'The review was not saved');
    return record;
  });
}

/** The review, its Current View, ratings and criteria progress; returns the Current View's id, if any. */
function insertReviewRows(w: WriteContext, v: RecordReviewValue, reviewId: string, at: string): string | null {
  // The Current View first: its review_id is a deferred reference, the review's current_view_id is not.
  const currentViewId = v.currentView
    ? insertCurrentView(
        w.db,
        { caseId: v.caseId, context: 'review', reviewId, completedDate: v.reviewDate, ...v.currentView, recordedBy: w.actor },
        at,
      )
    : null;
  insertReview(
    w.db,
    {
      id: reviewId,
      caseId: v.caseId,
      ...reviewFields(v),
      currentViewId,
      createdBy: w.actor,
    },
    at,
  );
  for (const r of v.goalRatings) {
    insertGoalRating(w.db, { goalId: r.goalId, ratedOn: v.reviewDate, score: r.score, context: 'review', reviewId, createdBy: w.actor }, at);
  }
  for (const p of v.criteriaProgress) insertCriterionProgress(w.db, reviewId, p.criterionId, p.status);
  return currentViewId;
}

/** What a review records, as stored and as its audit entry shows it: listed once. */
function reviewFields(v: RecordReviewValue) {
  const { reviewDate, attendees, otherAttendees, decision, endingPlan, explicitDiscussion, nextReviewDate, notes } = v;
  return { reviewDate, attendees, otherAttendees, decision, endingPlan, explicitDiscussion, nextReviewDate, notes };
}

interface RecordedReview {
  current: CaseSummary;
  facts: CaseRuleFacts;
  v: RecordReviewValue;
  reviewId: string;
  currentViewId: string | null;
  at: string;
}

/** The review's audit entry (goals and criteria named in their words then) and its Current View's. */
function auditReview(w: WriteContext, { current, facts, v, reviewId, currentViewId, at }: RecordedReview): void {
  const words = inTheirWords(facts);
  const audit = auditBase(w, current, at);
  appendAudit(w.db, {
    ...audit,
    action: 'review.record',
    entity: 'review',
    entityId: reviewId,
    before: { nextReviewDate: current.nextReviewDate },
    after: {
      ...reviewFields(v),
      goalRatings: words.goals(v.goalRatings),
      criteriaProgress: words.criteria(v.criteriaProgress),
      currentViewId,
    },
  });
  if (v.currentView && currentViewId) {
    auditEmbeddedCurrentView(w, audit, {
      currentViewId,
      groupingBefore: current.grouping,
      after: { context: 'review', reviewId, completedDate: v.reviewDate, ...v.currentView },
    });
  }
}

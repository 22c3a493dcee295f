/**
 * A valid review of a case as it stands, built from what `cases:get` returned: every goal in force rated,
 * every criterion in force "partly", a full Current View, and the explicit discussion always given (so the
 * "past target" and "goal stuck" rules never refuse it). No vitest here: the crash writer and the bench run
 * it as plain Node.
 */
import { addDaysTo, type IsoDate } from '../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import type { ArgsOf } from '../../shared/ipc/contract';
import type { CaseDetail } from '../../shared/ipc/types';

/** What a review of one case needs, read once from its detail. */
export interface ReviewTarget {
  caseId: string;
  goalIds: string[];
  criterionIds: string[];
}

export function reviewTargetOf(detail: CaseDetail): ReviewTarget {
  return {
    caseId: detail.summary.id,
    goalIds: detail.goals.filter((g) => g.status === 'active').map((g) => g.id),
    criterionIds: detail.criteria.filter((c) => c.retiredAt === null).map((c) => c.id),
  };
}

const BASE_RATINGS: CurrentViewRatings = Object.fromEntries(CURRENT_VIEW_ITEMS.map((item) => [item.code, item.scale === 'severity' ? 1 : 'no']));

/** The n-th review (n varies the scores) held on `today`, next review in 4 weeks (inside every grouping's maximum). */
export function reviewInput(target: ReviewTarget, caseVersion: number, today: IsoDate, n: number, label = 'Review'): ArgsOf<'review:record'> {
  return {
    caseId: target.caseId,
    caseVersion,
    reviewDate: today,
    attendees: ['young_person', 'parent_carer'],
    otherAttendees: null,
    goalRatings: target.goalIds.map((goalId, i) => ({ goalId, score: (n + i) % 11 })),
    criteriaProgress: target.criterionIds.map((criterionId) => ({ criterionId, status: 'partly' as const })),
    currentView: { reason: 'changed_understanding', grouping: 'getting_help', ratings: { ...BASE_RATINGS, p9: n % 4 } as CurrentViewRatings },
    decision: 'continue',
    explicitDiscussion: `${label} ${n}: agreed to carry on with the plan.`,
    endingPlan: null,
    nextReviewDate: addDaysTo(today, 28),
    notes: `${label} ${n}`,
  };
}

/**
 * The fake API's records made at the start of a case, shared by the seeding helpers and the channels:
 * the Current View at open (which sets the case's grouping) and the first THRIVE plan with its goals
 * and ending criteria. Each bumps the case version and writes its history entry, as main does.
 */
import type { IsoDate } from '../../shared/dates';
import type { GroupingCode } from '../../shared/domain/groupings';
import { AppError } from '../../shared/ipc/result';
import type { SavePlanValue } from '../../shared/ipc/schemas/plan';
import type { CurrentViewRecord, PlanRecord } from '../../shared/ipc/types';
import { audit } from './fake-lifecycle';
import { allRated, fakeId, goalRecord, type FakeCase } from './fake-records';
import type { FakeState } from './fake-state';

/** The Current View at open: it sets the case's grouping. */
export function recordOpeningView(
  s: FakeState,
  c: FakeCase,
  completedDate: IsoDate,
  grouping: GroupingCode,
  ratings = allRated(),
): CurrentViewRecord {
  const author = s.me();
  const view: CurrentViewRecord = {
    id: fakeId(),
    caseId: c.summary.id,
    context: 'open',
    completedDate,
    reason: 'first_contact',
    grouping,
    ratings,
    recordedBy: author.id,
    recordedByName: author.name,
    createdAt: s.now,
  };
  c.currentViews.push(view);
  c.summary.grouping = grouping;
  c.summary.version += 1;
  audit(s.world, c, { action: 'current_view.record', entity: 'current_view', entityId: view.id, summary: 'Current View at open recorded' });
  return view;
}

/** The first plan, with its goals (first ratings on the agreed date) and ending criteria. */
export function agreePlan(s: FakeState, c: FakeCase, v: Omit<SavePlanValue, 'caseId' | 'caseVersion'>): PlanRecord {
  const author = s.me();
  const grouping = c.summary.grouping;
  if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
  const plan: PlanRecord = {
    id: fakeId(),
    caseId: c.summary.id,
    versionNo: 1,
    revisionReason: null,
    reviewId: null,
    agreedDate: v.agreedDate,
    grouping,
    agreedOutcome: v.agreedOutcome,
    endingCriteria: v.endingCriteria.map((text, i) => ({ id: fakeId(), position: i + 1, text, retiredAt: null })),
    likelihood: v.likelihood,
    likelihoodNote: v.likelihoodNote,
    targetDate: v.targetDate,
    contingency: v.contingency,
    reviewDate: v.reviewDate,
    riskSupportSummary: v.riskSupportSummary,
    sdm: v.sdm,
    createdAt: s.now,
    createdBy: author.id,
    createdByName: author.name,
  };
  c.plan = plan;
  c.planVersions = [plan];
  c.criteria = plan.endingCriteria.map((k) => ({ ...k }));
  c.goals = v.goals.map((g, i) => {
    const id = fakeId();
    return goalRecord({
      id,
      position: i + 1,
      description: g.description,
      createdOn: v.agreedDate,
      ratings: [{ id: fakeId(), goalId: id, ratedOn: v.agreedDate, score: g.firstRating, context: 'plan' }],
    });
  });
  Object.assign(c.summary, { nextReviewDate: v.reviewDate, targetDate: v.targetDate, planComplete: true });
  c.summary.version += 1;
  audit(s.world, c, { action: 'plan.agree', entity: 'plan', entityId: plan.id, summary: 'THRIVE plan agreed' });
  return plan;
}

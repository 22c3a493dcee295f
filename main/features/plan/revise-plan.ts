import { AppError } from '../../../shared/ipc/result';
import { RevisePlanArgs, revisePlanRules, type RevisePlanInput } from '../../../shared/ipc/schemas/plan-revision';
import type { PlanRecord } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { deleteDraft } from '../../db/repos/drafts';
import { getCurrentPlan, insertPlanVersion, listPlanHistory } from '../../db/repos/plans';
import { getReview } from '../../db/repos/reviews';
import { writeTx } from '../../db/sql';
import { caseRuleFacts } from '../cases/rule-context';
import { touchCase, writableCase } from '../cases/writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';
import { applyCriteriaList, applyGoalList } from './revise-goals';

/**
 * Revises the plan (usually at a review): a new plan version that supersedes the old one, goals and
 * ending criteria changed without editing history, and the case's target and next review dates — all
 * in one transaction with an audit entry for the plan and for each goal and criterion changed.
 */
export function revisePlan(w: WriteContext, input: RevisePlanInput): PlanRecord {
  const v = parseOrThrow(RevisePlanArgs, input);
  return writeTx(w.db, () => {
    const current = writableCase(w.db, v.caseId, v.caseVersion);
    const history = listPlanHistory(w.db, v.caseId);
    const plan = history.versions.at(-1);
    if (!plan || !current.grouping) throw new AppError('conflict', 'There is no plan to revise yet: agree the THRIVE plan first');
    if (v.reviewId) {
      const review = getReview(w.db, v.reviewId);
      if (!review || review.caseId !== v.caseId) throwIfAny([{ path: 'reviewId', message: 'The review this revision was agreed at is not a review of this case' }]);
    }
    const facts = caseRuleFacts(w.db, current, w.clock.today());
    throwIfAny(
      revisePlanRules(v, {
        today: facts.today,
        openDate: facts.openDate,
        lastReviewDate: facts.lastReviewDate,
        grouping: current.grouping,
        activeGoals: facts.activeGoals,
        criteria: facts.criteria,
        settings: facts.settings,
      }),
    );

    const at = w.clock.now();
    const planId = insertPlanVersion(
      w.db,
      {
        caseId: v.caseId,
        previous: { id: plan.id, versionNo: plan.versionNo },
        revisionReason: v.reason,
        reviewId: v.reviewId,
        agreedDate: v.revisedDate,
        grouping: current.grouping,
        agreedOutcome: v.agreedOutcome,
        likelihood: v.likelihood,
        likelihoodNote: v.likelihoodNote,
        targetDate: v.targetDate,
        contingency: v.contingency,
        reviewDate: v.reviewDate,
        riskSupportSummary: v.riskSupportSummary,
        sdm: v.sdm,
        createdBy: w.actor,
      },
      at,
    );
    const write = { db: w.db, caseId: v.caseId, planId, revisedDate: v.revisedDate, actor: w.actor, at };
    const goalEvents = applyGoalList(write, facts.goals, v.goals);
    const highest = Math.max(0, ...history.criteria.map((c) => c.position));
    const criterionEvents = applyCriteriaList(write, facts.criteria, highest, v.endingCriteria);
    touchCase(w.db, current, { targetDate: v.targetDate, nextReviewDate: v.reviewDate }, at);
    deleteDraft(w.db, 'plan_revision', v.caseId);

    const audit = { at, actorId: w.actor, caseId: v.caseId, youngPersonId: current.youngPersonId };
    appendAudit(w.db, {
      ...audit,
      action: 'plan.revise',
      entity: 'plan',
      entityId: planId,
      before: {
        versionNo: plan.versionNo,
        targetDate: current.targetDate,
        nextReviewDate: current.nextReviewDate,
        agreedOutcome: plan.agreedOutcome,
        likelihood: plan.likelihood,
        likelihoodNote: plan.likelihoodNote,
        contingency: plan.contingency,
        riskSupportSummary: plan.riskSupportSummary,
      },
      after: {
        versionNo: plan.versionNo + 1,
        reason: v.reason,
        reviewId: v.reviewId,
        revisedDate: v.revisedDate,
        targetDate: v.targetDate,
        nextReviewDate: v.reviewDate,
        agreedOutcome: v.agreedOutcome,
        likelihood: v.likelihood,
        likelihoodNote: v.likelihoodNote,
        contingency: v.contingency,
        riskSupportSummary: v.riskSupportSummary,
        sdm: v.sdm,
        goals: v.goals,
        endingCriteria: v.endingCriteria,
      },
    });
    for (const event of [...goalEvents, ...criterionEvents]) appendAudit(w.db, { ...audit, ...event });
    const revised = getCurrentPlan(w.db, v.caseId);
    if (!revised) throw new AppError('internal', 'The revised plan was not saved');
    return revised;
  });
}

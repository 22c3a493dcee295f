import { AppError } from '../../../shared/ipc/result';
import { RevisePlanArgs, revisePlanRules, type RevisePlanInput, type RevisePlanValue } from '../../../shared/ipc/schemas/plan-revise';
import { planFieldValues, type PlanFieldsValue } from '../../../shared/ipc/schemas/plan';
import type { CaseSummary, PlanRecord } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { deleteDraft } from '../../db/repos/drafts';
import { getCurrentPlan, insertPlanVersion, listPlanHistory } from '../../db/repos/plans';
import { getReview } from '../../db/repos/reviews';
import { writeTx, type Db } from '../../db/sql';
import { caseRuleFacts, type CaseRuleFacts } from '../cases/rule-context';
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
    const { current, history, plan, facts } = checkRevision(w, v);
    const at = w.clock.now();
    const planId = insertPlanVersion(
      w.db,
      {
        caseId: v.caseId,
        previous: { id: plan.id, versionNo: plan.versionNo },
        revisionReason: v.reason,
        reviewId: v.reviewId,
        agreedDate: v.revisedDate,
        grouping: facts.grouping,
        ...planFieldValues(v),
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
    appendAudit(w.db, { ...audit, action: 'plan.revise', entity: 'plan', entityId: planId, ...revisionChanges(current, plan, v) });
    for (const event of [...goalEvents, ...criterionEvents]) appendAudit(w.db, { ...audit, ...event });
    const revised = getCurrentPlan(w.db, v.caseId);
    if (!revised) throw new AppError('internal', 'The revised plan was not saved');
    return revised;
  });
}

/** The case, its plan and the rule context, once the revision has passed every rule. */
function checkRevision(w: WriteContext, v: RevisePlanValue) {
  const current = writableCase(w.db, v.caseId, v.caseVersion);
  const history = listPlanHistory(w.db, v.caseId);
  const plan = history.versions.at(-1);
  const grouping = current.grouping;
  if (!plan || !grouping) throw new AppError('conflict', 'There is no plan to revise yet: agree the THRIVE plan first');
  if (v.reviewId) checkReviewOfCase(w.db, v.reviewId, v.caseId);
  const facts: CaseRuleFacts & { grouping: typeof grouping } = { ...caseRuleFacts(w.db, current, w.clock.today()), grouping };
  throwIfAny(revisePlanRules(v, facts));
  return { current, history, plan, facts };
}

function checkReviewOfCase(db: Db, reviewId: string, caseId: string): void {
  const review = getReview(db, reviewId);
  if (!review || review.caseId !== caseId)
    throwIfAny([{ path: 'reviewId', message: 'The review this revision was agreed at is not a review of this case' }]);
}

/**
 * The plan's own fields apart from its dates (recorded as the case's target and next review dates).
 * The words of the shared decision are recorded with the revision, not compared field by field.
 */
function planWords(v: PlanFieldsValue, withSdm: boolean) {
  const { targetDate: _target, reviewDate: _review, sdm, ...words } = planFieldValues(v);
  return withSdm ? { ...words, sdm } : words;
}

/** The audit entry's before and after: what History lists as changed, under the plan's labels. */
function revisionChanges(current: CaseSummary, plan: PlanRecord, v: RevisePlanValue) {
  return {
    before: {
      versionNo: plan.versionNo,
      targetDate: current.targetDate,
      nextReviewDate: current.nextReviewDate,
      ...planWords(plan, false),
    },
    after: {
      versionNo: plan.versionNo + 1,
      reason: v.reason,
      reviewId: v.reviewId,
      revisedDate: v.revisedDate,
      targetDate: v.targetDate,
      nextReviewDate: v.reviewDate,
      ...planWords(v, true),
      goals: v.goals,
      endingCriteria: v.endingCriteria,
    },
  };
}

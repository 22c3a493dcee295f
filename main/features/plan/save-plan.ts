import { AppError } from '../../../shared/ipc/result';
import { planFieldValues, planRules, SavePlanArgs, type SavePlanInput } from '../../../shared/ipc/schemas/plan';
import type { PlanRecord } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { hasOpeningCurrentView } from '../../db/repos/current-views';
import { deleteDraft } from '../../db/repos/drafts';
import { insertGoal, insertGoalRating } from '../../db/repos/goals';
import { getCurrentPlan, hasCurrentPlan, insertFirstPlan } from '../../db/repos/plans';
import { loadSettings } from '../../db/repos/settings';
import { writeTx } from '../../db/sql';
import { touchCase, writableCase } from '../cases/writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

/**
 * Agrees the THRIVE plan at the start: the plan, its ending criteria, the goals each with their first
 * GBO rating (dated the day agreed), and the case's review date, target date and "planned" state — all
 * or nothing.
 */
export function savePlan(w: WriteContext, input: SavePlanInput): PlanRecord {
  const v = parseOrThrow(SavePlanArgs, input);
  return writeTx(w.db, () => {
    const current = writableCase(w.db, v.caseId, v.caseVersion);
    if (!hasOpeningCurrentView(w.db, v.caseId) || !current.grouping) {
      throw new AppError('conflict', 'Record the Current View at open first: the plan needs the THRIVE grouping agreed with the family');
    }
    if (hasCurrentPlan(w.db, v.caseId)) throw new AppError('conflict', 'A plan is already agreed; revise it at a review');
    throwIfAny(
      planRules(v, { today: w.clock.today(), openDate: current.openDate, grouping: current.grouping, settings: loadSettings(w.db) }),
    );

    const at = w.clock.now();
    const planId = insertFirstPlan(
      w.db,
      {
        caseId: v.caseId,
        agreedDate: v.agreedDate,
        grouping: current.grouping,
        endingCriteria: v.endingCriteria,
        ...planFieldValues(v),
        createdBy: w.actor,
      },
      at,
    );
    v.goals.forEach((goal, i) => {
      const goalId = insertGoal(
        w.db,
        { caseId: v.caseId, planId, position: i + 1, description: goal.description, createdOn: v.agreedDate, createdBy: w.actor },
        at,
      );
      insertGoalRating(w.db, { goalId, ratedOn: v.agreedDate, score: goal.firstRating, context: 'plan', createdBy: w.actor }, at);
    });
    touchCase(w.db, current, { nextReviewDate: v.reviewDate, targetDate: v.targetDate, planComplete: true }, at);
    deleteDraft(w.db, 'plan', v.caseId);
    const { caseVersion: _version, ...agreed } = v;
    appendAudit(w.db, {
      at,
      actorId: w.actor,
      caseId: v.caseId,
      youngPersonId: current.youngPersonId,
      action: 'plan.agree',
      entity: 'plan',
      entityId: planId,
      before: { nextReviewDate: current.nextReviewDate, targetDate: current.targetDate, planComplete: current.planComplete },
      after: { ...agreed, grouping: current.grouping, nextReviewDate: v.reviewDate, planComplete: true },
    });
    const plan = getCurrentPlan(w.db, v.caseId);
    if (!plan) throw new AppError('internal', 'The plan was not saved');
    return plan;
  });
}

/**
 * Turns the demo's day-counted descriptions into the very arguments the forms send, so the seed goes
 * through the same validation as a clinician would.
 */
import { addDaysTo, type IsoDate } from '../../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../../shared/domain/current-view';
import { AppError } from '../../../shared/ipc/result';
import type { CloseCaseInput } from '../../../shared/ipc/schemas/cases-close-reopen';
import type { SavePlanInput } from '../../../shared/ipc/schemas/plan';
import type { RevisePlanInput } from '../../../shared/ipc/schemas/plan-revise';
import type { RecordReviewInput } from '../../../shared/ipc/schemas/review';
import type { CaseSummary, EndingCriterionRecord, GoalRecord, PlanRecord } from '../../../shared/ipc/types';
import type { DemoCurrentView, DemoEnding, DemoPlan, DemoReview, DemoRevision } from './demo-case';

export function fullRatings(overrides: Partial<CurrentViewRatings>): CurrentViewRatings {
  const ratings: CurrentViewRatings = {};
  for (const item of CURRENT_VIEW_ITEMS) ratings[item.code] = item.scale === 'severity' ? 0 : 'no';
  for (const [code, value] of Object.entries(overrides)) if (value !== undefined) ratings[code] = value;
  return ratings;
}

export function planInput(caseId: string, plan: DemoPlan, today: IsoDate): SavePlanInput {
  return {
    caseId,
    agreedDate: addDaysTo(today, -plan.agreed),
    goals: plan.goals.map((g) => ({ description: g.text, firstRating: g.first })),
    agreedOutcome: plan.outcome,
    endingCriteria: [...plan.criteria],
    likelihood: plan.likelihood,
    likelihoodNote: plan.note ?? null,
    targetDate: addDaysTo(today, plan.targetIn),
    contingency: plan.contingency ?? null,
    reviewDate: addDaysTo(today, plan.reviewIn),
    riskSupportSummary: plan.riskSupport ?? null,
    sdm: {
      participants: [...plan.participants],
      otherParticipants: plan.others ?? null,
      optionsConsidered: plan.options,
      decisionAid: plan.aid ?? null,
      collaborate: plan.collaborate ? { understand: plan.collaborate[0], listen: plan.collaborate[1], include: plan.collaborate[2] } : null,
    },
  };
}

/** The case as it stands when the demo records the next step. */
export interface DemoCaseNow {
  summary: CaseSummary;
  /** Goals in force, by position. */
  goals: readonly GoalRecord[];
  criteria: readonly EndingCriterionRecord[];
  plan: PlanRecord | null;
  /** The items rated at open; a later Current View starts from them. */
  openingRatings: Partial<CurrentViewRatings>;
}

/** Pairs one value per goal (or criterion) in force with it, refusing a demo that miscounts. */
function onePer<T, V>(what: string, items: readonly T[], values: readonly V[]): Array<[T, V]> {
  if (items.length !== values.length) {
    throw new AppError('internal', `Demo data: ${values.length} ${what} given for ${items.length} in force`);
  }
  return items.map((item, i) => [item, values[i]!]);
}

function embedded(now: DemoCaseNow, cv: DemoCurrentView) {
  return { reason: cv.reason, grouping: cv.grouping, ratings: fullRatings({ ...now.openingRatings, ...cv.ratings }) };
}

export function reviewInput(now: DemoCaseNow, review: DemoReview, today: IsoDate): RecordReviewInput {
  return {
    caseId: now.summary.id,
    caseVersion: now.summary.version,
    reviewDate: addDaysTo(today, -review.daysAgo),
    attendees: [...review.attended],
    otherAttendees: review.others ?? null,
    goalRatings: onePer('ratings', now.goals, review.ratings).map(([g, score]) => ({ goalId: g.id, score })),
    criteriaProgress: onePer('criteria', now.criteria, review.criteria).map(([c, status]) => ({ criterionId: c.id, status })),
    currentView: review.currentView ? embedded(now, review.currentView) : null,
    decision: review.decision,
    explicitDiscussion: review.discussion ?? null,
    endingPlan: review.endingPlan ?? null,
    nextReviewDate: addDaysTo(today, review.nextIn),
    notes: review.notes ?? null,
  };
}

function goalAt(now: DemoCaseNow, position: number): GoalRecord {
  const goal = now.goals.find((g) => g.position === position);
  if (!goal) throw new AppError('internal', `Demo data: no goal in force at position ${position}`);
  return goal;
}

export function reviseInput(now: DemoCaseNow, revision: DemoRevision, reviewId: string, revisedDate: IsoDate, today: IsoDate): RevisePlanInput {
  const plan = now.plan;
  if (!plan) throw new AppError('internal', 'Demo data: a revision needs a plan');
  return {
    caseId: now.summary.id,
    caseVersion: now.summary.version,
    revisedDate,
    reviewId,
    reason: revision.reason,
    goals: revision.goals.map((g) =>
      'keep' in g
        ? { goalId: goalAt(now, g.keep).id, description: goalAt(now, g.keep).description, firstRating: null }
        : 'reword' in g
          ? { goalId: goalAt(now, g.reword).id, description: g.text, firstRating: g.first }
          : { goalId: null, description: g.text, firstRating: g.first },
    ),
    agreedOutcome: plan.agreedOutcome,
    endingCriteria: now.criteria.map((c) => ({ criterionId: c.id, text: c.text })),
    likelihood: plan.likelihood,
    likelihoodNote: plan.likelihoodNote,
    targetDate: plan.targetDate,
    contingency: plan.contingency,
    reviewDate: addDaysTo(today, revision.reviewIn),
    riskSupportSummary: plan.riskSupportSummary,
    sdm: plan.sdm,
  };
}

export function closeInput(now: DemoCaseNow, ending: DemoEnding, today: IsoDate): CloseCaseInput {
  return {
    caseId: now.summary.id,
    caseVersion: now.summary.version,
    endingDate: addDaysTo(today, -ending.daysAgo),
    reason: ending.reason,
    reasonOther: null,
    mhsdsCode: null,
    criteriaStatus: onePer('criteria', now.criteria, ending.criteria).map(([c, status]) => ({ criterionId: c.id, status })),
    finalRatings: onePer('ratings', now.goals, ending.ratings).map(([g, score]) => ({ goalId: g.id, score })),
    currentView: embedded(now, ending.currentView),
    continuingSupport: ending.continuing ?? null,
    signposting: ending.signposting ?? null,
    wellbeingPlan: ending.wellbeing ?? null,
    discussedFromStart: ending.discussed,
  };
}

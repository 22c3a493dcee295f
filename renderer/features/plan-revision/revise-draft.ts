/**
 * The revise form's typing, prefilled from the plan in force, and how it becomes the `plan:revise`
 * arguments: goals and criteria go as the complete new list (kept ones with their id and words,
 * reworded ones with their id and new words, new ones without an id; left out = dropped).
 */
import { addWeeksTo, formatUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import type { FieldError } from '../../../shared/ipc/result';
import type { CaseDetail } from '../../../shared/ipc/types';
import { activeGoals, criteriaInForce } from '../../components/case-records';
import { asFields, str } from '../../components/draft-payload';
import { inFormOrder, onePerField, readUkDate, withMessages } from '../../components/form-errors';
import {
  newKey,
  planFieldOrder,
  restorePlanFields,
  reviewIntervalWeeks,
  savedList,
  toNumber,
  toPlanFieldsInput,
  type PlanFieldsDraft,
} from '../plan/plan-draft';

export interface RevisedGoal {
  key: number;
  /** The current goal this row started from; null for a new goal. */
  goalId: string | null;
  /** That goal's words, to tell "kept" from "reworded". */
  original: string | null;
  description: string;
  firstRating: string;
}

export interface RevisedCriterion {
  key: number;
  criterionId: string | null;
  text: string;
}

export interface ReviseDraft extends PlanFieldsDraft {
  revisedDate: string;
  reason: string;
  goals: RevisedGoal[];
  endingCriteria: RevisedCriterion[];
}

export const REVISE_LABELS = {
  revisedDate: 'Date revised',
  targetDate: 'Target date',
  reviewDate: 'Next agreed review date',
} as const;

const ORDER = planFieldOrder(['revisedDate', 'reason']);

/** A new goal, or a current one whose words were changed: either needs a first rating. */
export function needsFirstRating(g: RevisedGoal): boolean {
  return g.goalId === null || g.description.trim() !== g.original;
}

export function initialReviseDraft(detail: CaseDetail, today: IsoDate, grouping: GroupingCode, settings: Settings): ReviseDraft {
  const plan = detail.plan;
  const next = detail.summary.nextReviewDate;
  const sdm = plan?.sdm;
  const collaborate = sdm?.collaborate;
  return {
    revisedDate: formatUkDate(today),
    reason: '',
    goals: activeGoals(detail).map((g) => ({
      key: newKey(),
      goalId: g.id,
      original: g.description,
      description: g.description,
      firstRating: '',
    })),
    endingCriteria: criteriaInForce(detail).map((c) => ({ key: newKey(), criterionId: c.id, text: c.text })),
    agreedOutcome: plan?.agreedOutcome ?? '',
    likelihood: plan?.likelihood ?? '',
    likelihoodNote: plan?.likelihoodNote ?? '',
    targetDate: formatUkDate(plan?.targetDate),
    contingency: plan?.contingency ?? '',
    // The review date agreed at the latest review (or with the plan) while it is still ahead.
    reviewDate: formatUkDate(next && next > today ? next : addWeeksTo(today, reviewIntervalWeeks(grouping, settings))),
    riskSupportSummary: plan?.riskSupportSummary ?? '',
    participants: sdm?.participants ?? [],
    otherParticipants: sdm?.otherParticipants ?? '',
    optionsConsidered: sdm?.optionsConsidered ?? '',
    decisionAid: sdm?.decisionAid ?? '',
    collaborate: {
      understand: collaborate ? String(collaborate.understand) : '',
      listen: collaborate ? String(collaborate.listen) : '',
      include: collaborate ? String(collaborate.include) : '',
    },
  };
}

/**
 * A saved draft back into the form. A goal or criterion that is no longer current (someone revised
 * the plan since) comes back as a new one, so nothing typed is lost and nothing stale is sent.
 */
export function restoreReviseDraft(detail: CaseDetail) {
  const goalWords = new Map(activeGoals(detail).map((g) => [g.id, g.description]));
  const criterionIds = new Set(criteriaInForce(detail).map((c) => c.id));
  return (payload: unknown, blank: ReviseDraft): ReviseDraft => {
    const p = asFields(payload);
    const goals = savedList(p.goals);
    const criteria = savedList(p.endingCriteria);
    return {
      ...restorePlanFields(p, blank),
      revisedDate: str(p.revisedDate, blank.revisedDate),
      reason: str(p.reason, blank.reason),
      goals: goals
        ? goals.map((g) => {
            const id = typeof g.goalId === 'string' && goalWords.has(g.goalId) ? g.goalId : null;
            return {
              key: newKey(),
              goalId: id,
              original: id ? (goalWords.get(id) ?? null) : null,
              description: str(g.description, ''),
              firstRating: str(g.firstRating, ''),
            };
          })
        : blank.goals,
      endingCriteria: criteria
        ? criteria.map((c) => ({
            key: newKey(),
            criterionId: typeof c.criterionId === 'string' && criterionIds.has(c.criterionId) ? c.criterionId : null,
            text: str(c.text, ''),
          }))
        : blank.endingCriteria,
    };
  };
}

export function toReviseInput(
  draft: ReviseDraft,
  ctx: { caseId: string; caseVersion: number; reviewId: string | null; grouping: GroupingCode },
): { input: unknown; toFormErrors(fields: readonly FieldError[]): FieldError[] } {
  const revised = readUkDate(draft.revisedDate, REVISE_LABELS.revisedDate);
  const shared = toPlanFieldsInput(draft, ctx.grouping, REVISE_LABELS);
  const input = {
    caseId: ctx.caseId,
    caseVersion: ctx.caseVersion,
    revisedDate: revised.value,
    reviewId: ctx.reviewId,
    reason: draft.reason,
    goals: draft.goals.map((g) => ({
      goalId: g.goalId,
      description: g.description,
      // Only a new or reworded goal has a first rating; a kept goal keeps its ratings.
      firstRating: needsFirstRating(g) ? (toNumber(g.firstRating) ?? null) : null,
    })),
    endingCriteria: draft.endingCriteria.map((c) => ({ criterionId: c.criterionId, text: c.text })),
    ...shared.fields,
  };
  const messages = { revisedDate: revised.message, ...shared.messages };
  return {
    input,
    toFormErrors: (fields) => {
      // A problem with which goal or criterion a row stands for is shown on its words.
      const onInputs = fields.map((f) => ({
        ...f,
        path: f.path.replace(/^(goals\.\d+)\.goalId$/, '$1.description').replace(/^(endingCriteria\.\d+)\.criterionId$/, '$1.text'),
      }));
      return inFormOrder(onePerField(withMessages(onInputs, messages)), ORDER);
    },
  };
}

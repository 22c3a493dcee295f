/**
 * The revise form's typing, prefilled from the plan in force, and how it becomes the `plan:revise`
 * arguments: goals and criteria go as the complete new list (kept ones with their id and words,
 * reworded ones with their id and new words, new ones without an id; left out = dropped).
 */
import { addWeeksTo, formatUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import type { FieldError } from '../../../shared/ipc/result';
import { PLAN_FIELD_LABELS } from '../../../shared/ipc/schemas/plan';
import { RevisePlanArgs, revisePlanRules } from '../../../shared/ipc/schemas/plan-revise';
import { validateWith } from '../../../shared/ipc/validate';
import type { CaseDetail } from '../../../shared/ipc/types';
import { activeGoals, criteriaInForce, ruleContextOf } from '../../lib/case-records';
import { blankDraft, draftFromRecord, errorOrder, field, newRow, restoreDraft, type DraftOf, type Row } from '../../lib/draft-shape';
import { inFormOrder, onePerField, readUkDate, withMessages } from '../../lib/form-errors';
import {
  CRITERION_ROW,
  GOAL_ROW,
  PLAN_FIELDS_DRAFT,
  planFormDraft,
  reviewIntervalWeeks,
  toNumber,
  toPlanFieldsInput,
} from '../plan/plan-draft';

/** A goal or criterion row's link to the current one it started from (null for a new one). */
const link = () => field.custom<string | null>(() => null, (saved) => (typeof saved === 'string' ? saved : null));

/** A goal row: the current goal it started from and that goal's words (to tell "kept" from "reworded"). */
const REVISED_GOAL_ROW = { goalId: link(), original: link(), ...GOAL_ROW };
export type RevisedGoal = Row<typeof REVISED_GOAL_ROW>;
const REVISED_CRITERION_ROW = { criterionId: link(), ...CRITERION_ROW };
export type RevisedCriterion = Row<typeof REVISED_CRITERION_ROW>;

/**
 * The revise form's draft. A restored goal or criterion that is no longer current (someone revised
 * the plan since) comes back as a new one, so nothing typed is lost and nothing stale is sent.
 */
function reviseDraftShape(goalWords: ReadonlyMap<string, string>, criterionIds: ReadonlySet<string>) {
  return planFormDraft(
    { revisedDate: field.text(), reason: field.text() },
    field.rows(REVISED_GOAL_ROW, {
      fix: (g) => {
        const goalId = g.goalId !== null && goalWords.has(g.goalId) ? g.goalId : null;
        return { ...g, goalId, original: goalId ? (goalWords.get(goalId) ?? null) : null };
      },
    }),
    field.rows(REVISED_CRITERION_ROW, {
      fix: (c) => ({ ...c, criterionId: c.criterionId !== null && criterionIds.has(c.criterionId) ? c.criterionId : null }),
    }),
  );
}
export type ReviseDraft = DraftOf<ReturnType<typeof reviseDraftShape>>;

const ORDER = errorOrder(reviseDraftShape(new Map(), new Set()));

export const REVISE_LABELS = {
  revisedDate: PLAN_FIELD_LABELS.revisedDate,
  targetDate: PLAN_FIELD_LABELS.targetDate,
  reviewDate: PLAN_FIELD_LABELS.nextReviewDate,
} as const;

/** A new goal, or a current one whose words were changed: either needs a first rating. */
export function needsFirstRating(g: RevisedGoal): boolean {
  return g.goalId === null || g.description.trim() !== g.original;
}

/** A new row of the revised goals or criteria. */
export const newRevisedGoal = (): RevisedGoal => newRow(REVISED_GOAL_ROW);
export const newRevisedCriterion = (): RevisedCriterion => newRow(REVISED_CRITERION_ROW);

/** The form as it opens: the plan in force, its goals and criteria kept, and the next review ahead. */
export function initialReviseDraft(detail: CaseDetail, today: IsoDate, grouping: GroupingCode, settings: Settings): ReviseDraft {
  const next = detail.summary.nextReviewDate;
  return {
    ...blankDraft(reviseDraftShape(new Map(), new Set())),
    ...draftFromRecord(PLAN_FIELDS_DRAFT, detail.plan),
    revisedDate: formatUkDate(today),
    goals: activeGoals(detail).map((g) => ({ ...newRevisedGoal(), goalId: g.id, original: g.description, description: g.description })),
    endingCriteria: criteriaInForce(detail).map((c) => ({ ...newRevisedCriterion(), criterionId: c.id, text: c.text })),
    // The review date agreed at the latest review (or with the plan) while it is still ahead.
    reviewDate: formatUkDate(next && next > today ? next : addWeeksTo(today, reviewIntervalWeeks(grouping, settings))),
  };
}

/** Reads a saved draft back against the goals and criteria now in force. */
export function restoreReviseDraft(detail: CaseDetail) {
  const goalWords = new Map(activeGoals(detail).map((g) => [g.id, g.description]));
  const criterionIds = new Set(criteriaInForce(detail).map((c) => c.id));
  return restoreDraft(reviseDraftShape(goalWords, criterionIds));
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

/** The draft checked as `plan:revise` arguments, or its errors beside the inputs, in screen order. */
export function checkRevision(
  draft: ReviseDraft,
  detail: CaseDetail,
  ctx: { reviewId: string | null; grouping: GroupingCode; today: IsoDate; settings: Settings },
) {
  const { input, toFormErrors } = toReviseInput(draft, { ...ctx, caseId: detail.summary.id, caseVersion: detail.summary.version });
  const checked = validateWith(RevisePlanArgs, input, revisePlanRules, {
    ...ruleContextOf(detail, ctx.today, ctx.settings),
    grouping: ctx.grouping,
  });
  return checked.ok ? checked : { ok: false as const, fields: toFormErrors(checked.fields) };
}

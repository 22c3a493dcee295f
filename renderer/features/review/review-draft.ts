/** The review form's typing, and how it becomes the `review:record` arguments the shared schema checks. */
import { formatUkDate, parseUkDate, type IsoDate } from '../../../shared/dates';
import { GBO_MAX, GBO_MIN } from '../../../shared/domain/gbo';
import type { GroupingCode } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS, REVIEW_DECISIONS, type CriterionProgress } from '../../../shared/domain/lifecycle';
import type { Settings } from '../../../shared/domain/settings';
import { PARTICIPANTS, PLAN_FIELD_LABELS } from '../../../shared/ipc/schemas/plan';
import type { FieldError } from '../../../shared/ipc/result';
import type { CaseRuleContext } from '../../../shared/ipc/rule-context';
import { RecordReviewArgs, reviewRules } from '../../../shared/ipc/schemas/review';
import { validateWith } from '../../../shared/ipc/validate';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { criterionInputPath } from '../../components/CriterionRadios';
import { isString } from '../../lib/draft-payload';
import { blankDraft, errorOrder, field, restoreDraft, type DraftOf } from '../../lib/draft-shape';
import { inFormOrder, onePerField, onItemInputs, readUkDate, withMessages } from '../../lib/form-errors';
import { goalInputPath } from '../../components/GoalScoreInputs';
import { currentViewFields, currentViewInput, isBlankCurrentView } from '../current-view/current-view-draft';
import { defaultReviewDate, reviewIntervalWeeks } from '../plan/plan-draft';

const isProgress = (v: unknown): v is CriterionProgress => (CRITERION_PROGRESS as readonly unknown[]).includes(v);

/** The review form's typing, in screen order, each field under the schema path its errors carry. */
const REVIEW_DRAFT = {
  reviewDate: field.text(),
  attendees: field.choices(PARTICIPANTS),
  otherAttendees: field.text(),
  /** Goal id → the rating as typed. */
  ratings: field.entries(isString, { path: 'goalRatings' }),
  /** Criterion id → progress chosen. */
  criteria: field.entries(isProgress, { path: 'criteriaProgress' }),
  currentView: field.group(currentViewFields()),
  decision: field.choice(REVIEW_DECISIONS),
  endingPlan: field.text(),
  explicitDiscussion: field.text(),
  nextReviewDate: field.text(),
  /** Once the clinician edits the next review date it stops following the review date. */
  nextReviewDateTouched: field.flag({ path: null }),
  notes: field.text(),
};
export type ReviewDraft = DraftOf<typeof REVIEW_DRAFT>;

export const REVIEW_LABELS = {
  reviewDate: 'Date of the review',
  nextReviewDate: PLAN_FIELD_LABELS.nextReviewDate,
} as const;

/** Errors listed in the order the fields appear on screen. */
const ORDER = errorOrder(REVIEW_DRAFT);

/** The grouping after this review: the one chosen in its Current View, else the case's. */
export function groupingAfter(draft: ReviewDraft, caseGrouping: GroupingCode): GroupingCode {
  return draft.currentView.grouping || caseGrouping;
}

export function nextReviewDefault(reviewDateText: string, grouping: GroupingCode, settings: Settings): string | null {
  return defaultReviewDate(reviewDateText, reviewIntervalWeeks(grouping, settings));
}

export function initialReviewDraft(today: IsoDate, grouping: GroupingCode, settings: Settings): ReviewDraft {
  const reviewDate = formatUkDate(today);
  return blankDraft(REVIEW_DRAFT, { reviewDate, nextReviewDate: nextReviewDefault(reviewDate, grouping, settings) ?? '' });
}

export const restoreReviewDraft = restoreDraft(REVIEW_DRAFT);

/** Blank stays missing (the rules then name the goal); anything else goes as a number, NaN included. */
function score(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === '' ? undefined : Number(text.trim());
}

/** The ratings typed so far that are real GBO scores: what "is a goal stuck?" is worked out from. */
export function validRatings(draft: ReviewDraft, goals: readonly GoalRecord[]): Array<{ goalId: string; score: number }> {
  return goals.flatMap((g) => {
    const s = score(draft.ratings[g.id]);
    return s !== undefined && Number.isInteger(s) && s >= GBO_MIN && s <= GBO_MAX ? [{ goalId: g.id, score: s }] : [];
  });
}

export function reviewDateOf(draft: ReviewDraft): IsoDate | undefined {
  return parseUkDate(draft.reviewDate) ?? undefined;
}

export interface ReviewInput {
  input: unknown;
  /** Turns the schema's and rules' errors into errors on this form's inputs, in screen order. */
  toFormErrors(fields: readonly FieldError[]): FieldError[];
}

export function toReviewInput(
  draft: ReviewDraft,
  ctx: { caseId: string; caseVersion: number; goals: readonly GoalRecord[]; criteria: readonly EndingCriterionRecord[] },
): ReviewInput {
  const date = readUkDate(draft.reviewDate, REVIEW_LABELS.reviewDate);
  const next = readUkDate(draft.nextReviewDate, REVIEW_LABELS.nextReviewDate);
  const rated = ctx.goals.filter((g) => score(draft.ratings[g.id]) !== undefined);
  const progressed = ctx.criteria.filter((c) => draft.criteria[c.id] !== undefined);
  const input = {
    caseId: ctx.caseId,
    caseVersion: ctx.caseVersion,
    reviewDate: date.value,
    attendees: draft.attendees,
    otherAttendees: draft.attendees.includes('other') ? draft.otherAttendees : null,
    goalRatings: rated.map((g) => ({ goalId: g.id, score: score(draft.ratings[g.id]) })),
    criteriaProgress: progressed.map((c) => ({ criterionId: c.id, status: draft.criteria[c.id] })),
    // Left blank, the review is saved with its Current View missing (flagged until it is recorded).
    currentView: isBlankCurrentView(draft.currentView) ? null : currentViewInput(draft.currentView),
    decision: draft.decision || undefined,
    explicitDiscussion: draft.explicitDiscussion,
    endingPlan: draft.decision === 'move_to_ending' ? draft.endingPlan : null,
    nextReviewDate: next.value,
    notes: draft.notes,
  };
  const messages = { reviewDate: date.message, nextReviewDate: next.message };
  return {
    input,
    toFormErrors: (fields) => {
      const onGoals = onItemInputs(
        fields,
        'goalRatings',
        rated.map((g) => g.id),
        (id) => goalInputPath('goalRatings', id),
      );
      const onCriteria = onItemInputs(
        onGoals,
        'criteriaProgress',
        progressed.map((c) => c.id),
        (id) => criterionInputPath('criteriaProgress', id),
      );
      return inFormOrder(onePerField(withMessages(onCriteria, messages)), ORDER);
    },
  };
}

/** The draft checked as `review:record` arguments, or its errors beside the inputs, in screen order. */
export function checkReview(
  draft: ReviewDraft,
  ctx: { caseId: string; caseVersion: number; goals: readonly GoalRecord[]; criteria: readonly EndingCriterionRecord[] },
  rules: CaseRuleContext,
) {
  const { input, toFormErrors } = toReviewInput(draft, ctx);
  const checked = validateWith(RecordReviewArgs, input, reviewRules, rules);
  return checked.ok ? checked : { ok: false as const, fields: toFormErrors(checked.fields) };
}

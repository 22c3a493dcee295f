/** The review form's typing, and how it becomes the `review:record` arguments the shared schema checks. */
import { formatUkDate, parseUkDate, type IsoDate } from '../../../shared/dates';
import { GBO_MAX, GBO_MIN } from '../../../shared/domain/gbo';
import type { GroupingCode } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS, REVIEW_DECISIONS, type CriterionProgress, type ReviewDecision } from '../../../shared/domain/lifecycle';
import type { Settings } from '../../../shared/domain/settings';
import { PARTICIPANTS, type Participant } from '../../../shared/ipc/schemas/plan';
import type { FieldError } from '../../../shared/ipc/result';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { criterionInputPath } from '../../components/CriterionRadios';
import { asFields, bool, choice, choices, isString, record, str } from '../../components/draft-payload';
import { inFormOrder, onePerField, onItemInputs, readUkDate, withMessages } from '../../components/form-errors';
import { goalInputPath } from '../../components/GoalScoreInputs';
import { BLANK_CURRENT_VIEW, currentViewInput, isBlankCurrentView, restoreCurrentView } from '../current-view/current-view-draft';
import type { CurrentViewValue } from '../current-view/CurrentViewSection';
import { defaultReviewDate, reviewIntervalWeeks } from '../plan/plan-draft';

export interface ReviewDraft {
  reviewDate: string;
  attendees: Participant[];
  otherAttendees: string;
  /** Goal id → the rating as typed. */
  ratings: Record<string, string>;
  /** Criterion id → progress chosen. */
  criteria: Record<string, CriterionProgress>;
  currentView: CurrentViewValue;
  decision: ReviewDecision | '';
  endingPlan: string;
  explicitDiscussion: string;
  nextReviewDate: string;
  /** Once the clinician edits the next review date it stops following the review date. */
  nextReviewDateTouched: boolean;
  notes: string;
}

export const REVIEW_LABELS = {
  reviewDate: 'Date of the review',
  nextReviewDate: 'Next agreed review date',
} as const;

/** Errors listed in the order the fields appear on screen. */
const ORDER = [
  'reviewDate',
  'attendees',
  'otherAttendees',
  'goalRatings',
  'criteriaProgress',
  'currentView.reason',
  'currentView.ratings',
  'currentView.grouping',
  'currentView',
  'decision',
  'endingPlan',
  'explicitDiscussion',
  'nextReviewDate',
  'notes',
];

/** The grouping after this review: the one chosen in its Current View, else the case's. */
export function groupingAfter(draft: ReviewDraft, caseGrouping: GroupingCode): GroupingCode {
  return draft.currentView.grouping || caseGrouping;
}

export function nextReviewDefault(reviewDateText: string, grouping: GroupingCode, settings: Settings): string | null {
  return defaultReviewDate(reviewDateText, reviewIntervalWeeks(grouping, settings));
}

export function initialReviewDraft(today: IsoDate, grouping: GroupingCode, settings: Settings): ReviewDraft {
  const reviewDate = formatUkDate(today);
  return {
    reviewDate,
    attendees: [],
    otherAttendees: '',
    ratings: {},
    criteria: {},
    currentView: BLANK_CURRENT_VIEW,
    decision: '',
    endingPlan: '',
    explicitDiscussion: '',
    nextReviewDate: nextReviewDefault(reviewDate, grouping, settings) ?? '',
    nextReviewDateTouched: false,
    notes: '',
  };
}

export function restoreReviewDraft(payload: unknown, blank: ReviewDraft): ReviewDraft {
  const p = asFields(payload);
  const isProgress = (v: unknown): v is CriterionProgress => (CRITERION_PROGRESS as readonly unknown[]).includes(v);
  return {
    reviewDate: str(p.reviewDate, blank.reviewDate),
    attendees: choices(p.attendees, PARTICIPANTS, blank.attendees),
    otherAttendees: str(p.otherAttendees, blank.otherAttendees),
    ratings: record(p.ratings, isString),
    criteria: record(p.criteria, isProgress),
    currentView: restoreCurrentView(p.currentView, blank.currentView),
    decision: choice(p.decision, REVIEW_DECISIONS, blank.decision),
    endingPlan: str(p.endingPlan, blank.endingPlan),
    explicitDiscussion: str(p.explicitDiscussion, blank.explicitDiscussion),
    nextReviewDate: str(p.nextReviewDate, blank.nextReviewDate),
    nextReviewDateTouched: bool(p.nextReviewDateTouched, blank.nextReviewDateTouched),
    notes: str(p.notes, blank.notes),
  };
}

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

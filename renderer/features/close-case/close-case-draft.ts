/** The ending form's typing, and how it becomes the `cases:close` arguments the shared schema checks. */
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { CRITERION_FINAL_STATUS, ENDING_REASONS, type CriterionFinalStatus } from '../../../shared/domain/lifecycle';
import type { FieldError } from '../../../shared/ipc/result';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { criterionInputPath } from '../../components/CriterionRadios';
import { isString } from '../../lib/draft-payload';
import { blankDraft, errorOrder, field, restoreDraft, type DraftOf } from '../../lib/draft-shape';
import { inFormOrder, onePerField, onItemInputs, readUkDate, withMessages } from '../../lib/form-errors';
import { goalInputPath } from '../../components/GoalScoreInputs';
import { currentViewFields, currentViewInput, isBlankCurrentView } from '../current-view/current-view-draft';

const isStatus = (v: unknown): v is CriterionFinalStatus => (CRITERION_FINAL_STATUS as readonly unknown[]).includes(v);

/** The ending form's typing, in screen order, each field under the schema path its errors carry. */
const ENDING_DRAFT = {
  endingDate: field.text(),
  reason: field.choice(ENDING_REASONS),
  reasonOther: field.text(),
  mhsdsCode: field.text(),
  /** Criterion id → final status. */
  criteria: field.entries(isStatus, { path: 'criteriaStatus' }),
  /** Goal id → final rating as typed. */
  finalRatings: field.entries(isString),
  currentView: field.group(currentViewFields()),
  continuingSupport: field.text(),
  signposting: field.text(),
  wellbeingPlan: field.text(),
  discussedFromStart: field.choice(['yes', 'no'] as const),
};
export type EndingDraft = DraftOf<typeof ENDING_DRAFT>;

export const ENDING_DATE_LABEL = 'Ending date';

const ORDER = errorOrder(ENDING_DRAFT);

export function initialEndingDraft(today: IsoDate): EndingDraft {
  return blankDraft(ENDING_DRAFT, { endingDate: formatUkDate(today) });
}

export const restoreEndingDraft = restoreDraft(ENDING_DRAFT);

function score(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === '' ? undefined : Number(text.trim());
}

export function toEndingInput(
  draft: EndingDraft,
  ctx: { caseId: string; caseVersion: number; goals: readonly GoalRecord[]; criteria: readonly EndingCriterionRecord[] },
): { input: unknown; toFormErrors(fields: readonly FieldError[]): FieldError[] } {
  const date = readUkDate(draft.endingDate, ENDING_DATE_LABEL);
  const rated = ctx.goals.filter((g) => score(draft.finalRatings[g.id]) !== undefined);
  const statused = ctx.criteria.filter((c) => draft.criteria[c.id] !== undefined);
  const input = {
    caseId: ctx.caseId,
    caseVersion: ctx.caseVersion,
    endingDate: date.value,
    reason: draft.reason || undefined,
    reasonOther: draft.reason === 'other' ? draft.reasonOther : null,
    mhsdsCode: draft.mhsdsCode,
    criteriaStatus: statused.map((c) => ({ criterionId: c.id, status: draft.criteria[c.id] })),
    finalRatings: rated.map((g) => ({ goalId: g.id, score: score(draft.finalRatings[g.id]) })),
    // Sent as missing when left blank, so the rule can say the case cannot close without it.
    currentView: isBlankCurrentView(draft.currentView) ? null : currentViewInput(draft.currentView),
    continuingSupport: draft.continuingSupport,
    signposting: draft.signposting,
    wellbeingPlan: draft.wellbeingPlan,
    discussedFromStart: draft.discussedFromStart === '' ? undefined : draft.discussedFromStart === 'yes',
  };
  return {
    input,
    toFormErrors: (fields) => {
      const onGoals = onItemInputs(
        fields,
        'finalRatings',
        rated.map((g) => g.id),
        (id) => goalInputPath('finalRatings', id),
      );
      const onCriteria = onItemInputs(
        onGoals,
        'criteriaStatus',
        statused.map((c) => c.id),
        (id) => criterionInputPath('criteriaStatus', id),
      );
      return inFormOrder(onePerField(withMessages(onCriteria, { endingDate: date.message })), ORDER);
    },
  };
}

/** The ending form's typing, and how it becomes the `cases:close` arguments the shared schema checks. */
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { CRITERION_FINAL_STATUS, ENDING_REASONS, type CriterionFinalStatus, type EndingReason } from '../../../shared/domain/lifecycle';
import type { FieldError } from '../../../shared/ipc/result';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { criterionInputPath } from '../../components/CriterionRadios';
import { asFields, choice, isString, record, str } from '../../components/draft-payload';
import { inFormOrder, onePerField, onItemInputs, readUkDate, withMessages } from '../../components/form-errors';
import { goalInputPath } from '../../components/GoalScoreInputs';
import { BLANK_CURRENT_VIEW, currentViewInput, isBlankCurrentView, restoreCurrentView } from '../current-view/current-view-draft';
import type { CurrentViewValue } from '../current-view/CurrentViewSection';

export interface EndingDraft {
  endingDate: string;
  reason: EndingReason | '';
  reasonOther: string;
  mhsdsCode: string;
  /** Criterion id → final status. */
  criteria: Record<string, CriterionFinalStatus>;
  /** Goal id → final rating as typed. */
  finalRatings: Record<string, string>;
  currentView: CurrentViewValue;
  continuingSupport: string;
  signposting: string;
  wellbeingPlan: string;
  discussedFromStart: 'yes' | 'no' | '';
}

export const ENDING_DATE_LABEL = 'Ending date';

const ORDER = [
  'endingDate',
  'reason',
  'reasonOther',
  'mhsdsCode',
  'criteriaStatus',
  'finalRatings',
  'currentView.reason',
  'currentView.ratings',
  'currentView.grouping',
  'currentView',
  'continuingSupport',
  'signposting',
  'wellbeingPlan',
  'discussedFromStart',
];

const TEXT_FIELDS = ['endingDate', 'reasonOther', 'mhsdsCode', 'continuingSupport', 'signposting', 'wellbeingPlan'] as const;

export function initialEndingDraft(today: IsoDate): EndingDraft {
  return {
    endingDate: formatUkDate(today),
    reason: '',
    reasonOther: '',
    mhsdsCode: '',
    criteria: {},
    finalRatings: {},
    currentView: BLANK_CURRENT_VIEW,
    continuingSupport: '',
    signposting: '',
    wellbeingPlan: '',
    discussedFromStart: '',
  };
}

export function restoreEndingDraft(payload: unknown, blank: EndingDraft): EndingDraft {
  const p = asFields(payload);
  const isStatus = (v: unknown): v is CriterionFinalStatus => (CRITERION_FINAL_STATUS as readonly unknown[]).includes(v);
  const texts = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(p[k], blank[k])])) as Pick<EndingDraft, (typeof TEXT_FIELDS)[number]>;
  return {
    ...blank,
    ...texts,
    reason: choice(p.reason, ENDING_REASONS, blank.reason),
    criteria: record(p.criteria, isStatus),
    finalRatings: record(p.finalRatings, isString),
    currentView: restoreCurrentView(p.currentView, blank.currentView),
    discussedFromStart: choice(p.discussedFromStart, ['yes', 'no'] as const, blank.discussedFromStart),
  };
}

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

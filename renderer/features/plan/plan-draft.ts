/** The plan form's typing, and how it becomes the `plan:save` arguments the shared schema checks. */
import { addWeeksTo, formatUkDate, parseUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { LIKELIHOODS, PARTICIPANTS, PLAN_FIELD_LABELS, planRules, SavePlanArgs } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { ruleContextOf } from '../../lib/case-records';
import { blankDraft, errorOrder, field, restoreDraft, type DraftField, type DraftOf, type DraftShape, type Row } from '../../lib/draft-shape';
import { inFormOrder, readUkDate, withMessages } from '../../lib/form-errors';

/** A goal as typed: its words and its first rating (kept as text until sent). */
export const GOAL_ROW = { description: field.text(), firstRating: field.text() };
export type GoalDraft = Row<typeof GOAL_ROW>;

export const CRITERION_ROW = { text: field.text() };
export type CriterionDraft = Row<typeof CRITERION_ROW>;

const COLLABORATE = { understand: field.number(), listen: field.number(), include: field.number() };
export type CollaborateItem = keyof typeof COLLABORATE;

/**
 * The fields a first plan and a revised plan share, typed and sent alike, in screen order. The shared
 * decision's fields sit flat in the draft and under `sdm` in the schema.
 */
export const PLAN_FIELDS_DRAFT = {
  agreedOutcome: field.text(),
  likelihood: field.choice(LIKELIHOODS),
  likelihoodNote: field.text(),
  targetDate: field.date(),
  contingency: field.text(),
  reviewDate: field.date(),
  riskSupportSummary: field.text(),
  participants: field.choices(PARTICIPANTS, { path: 'sdm.participants' }),
  otherParticipants: field.text({ path: 'sdm.otherParticipants' }),
  optionsConsidered: field.text({ path: 'sdm.optionsConsidered' }),
  decisionAid: field.text({ path: 'sdm.decisionAid' }),
  collaborate: field.group(COLLABORATE, { path: 'sdm.collaborate' }),
};
export type PlanFieldsDraft = DraftOf<typeof PLAN_FIELDS_DRAFT>;

/** A form's draft: its opening fields, its goals, the outcome, its ending criteria, then the shared fields. */
export function planFormDraft<O extends DraftShape, G extends DraftField<unknown>, C extends DraftField<unknown>>(opening: O, goals: G, criteria: C) {
  const { agreedOutcome, ...rest } = PLAN_FIELDS_DRAFT;
  return { ...opening, goals, agreedOutcome, endingCriteria: criteria, ...rest };
}

const PLAN_DRAFT = {
  ...planFormDraft(
    { agreedDate: field.text() },
    field.rows(GOAL_ROW, { blankRows: 1 }),
    field.rows(CRITERION_ROW, { blankRows: 1 }),
  ),
  /** Once the clinician edits the review date it stops following the date agreed. */
  reviewDateTouched: field.flag({ path: null }),
};
export type PlanDraft = DraftOf<typeof PLAN_DRAFT>;

export const PLAN_FIELD_ORDER = errorOrder(PLAN_DRAFT);

export const DATE_LABELS = {
  agreedDate: PLAN_FIELD_LABELS.agreedDate,
  targetDate: PLAN_FIELD_LABELS.targetDate,
  reviewDate: PLAN_FIELD_LABELS.reviewDate,
} as const;

/** Getting Risk Support is reviewed at least every `riskSupportMaxWeeks`, whatever the usual interval. */
export function reviewIntervalWeeks(grouping: GroupingCode, settings: Settings): number {
  return grouping === 'getting_risk_support'
    ? Math.min(settings.reviewIntervalWeeks, settings.riskSupportMaxWeeks)
    : settings.reviewIntervalWeeks;
}

export function defaultReviewDate(agreedDateText: string, weeks: number): string | null {
  const agreed = parseUkDate(agreedDateText);
  return agreed ? formatUkDate(addWeeksTo(agreed, weeks)) : null;
}

export function initialDraft(today: IsoDate, weeks: number): PlanDraft {
  const agreedDate = formatUkDate(today);
  return blankDraft(PLAN_DRAFT, { agreedDate, reviewDate: defaultReviewDate(agreedDate, weeks) ?? '' });
}

/** Blank stays missing (the schema says "enter…"); anything else goes as a number, NaN included. */
export function toNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

/** The shared fields as arguments, with the messages for the dates that could not be read. */
export function toPlanFieldsInput(
  draft: PlanFieldsDraft,
  grouping: GroupingCode,
  labels: { targetDate: string; reviewDate: string },
) {
  const target = readUkDate(draft.targetDate, labels.targetDate);
  const review = readUkDate(draft.reviewDate, labels.reviewDate);
  const { collaborate } = draft;
  const anyCollaborate = Object.values(collaborate).some((v) => v.trim() !== '');
  const fields = {
    agreedOutcome: draft.agreedOutcome,
    likelihood: draft.likelihood || undefined,
    likelihoodNote: draft.likelihoodNote,
    targetDate: target.value,
    contingency: draft.contingency,
    reviewDate: review.value,
    // Only a Getting Risk Support plan has (and shows) this field.
    riskSupportSummary: grouping === 'getting_risk_support' ? draft.riskSupportSummary : null,
    sdm: {
      participants: draft.participants,
      otherParticipants: draft.participants.includes('other') ? draft.otherParticipants : null,
      optionsConsidered: draft.optionsConsidered,
      decisionAid: draft.decisionAid,
      // CollaboRATE is all three scores or none: a half-filled set is sent so the schema names the gaps.
      collaborate: anyCollaborate
        ? {
            understand: toNumber(collaborate.understand),
            listen: toNumber(collaborate.listen),
            include: toNumber(collaborate.include),
          }
        : null,
    },
  };
  return { fields, messages: { targetDate: target.message, reviewDate: review.message } };
}

export function toPlanInput(
  draft: PlanDraft,
  ctx: { caseId: string; caseVersion: number; grouping: GroupingCode },
): { input: unknown; messages: Record<string, string | null> } {
  const agreed = readUkDate(draft.agreedDate, DATE_LABELS.agreedDate);
  const shared = toPlanFieldsInput(draft, ctx.grouping, DATE_LABELS);
  const input = {
    caseId: ctx.caseId,
    caseVersion: ctx.caseVersion,
    agreedDate: agreed.value,
    goals: draft.goals.map((g) => ({ description: g.description, firstRating: toNumber(g.firstRating) })),
    endingCriteria: draft.endingCriteria.map((c) => c.text),
    ...shared.fields,
  };
  return { input, messages: { agreedDate: agreed.message, ...shared.messages } };
}

/** A saved draft back into the form (fresh keys, so restored rows never clash with new ones). */
export const restorePlanDraft = restoreDraft(PLAN_DRAFT);

/** The draft checked as `plan:save` arguments, or its errors beside the inputs, in screen order. */
export function checkPlan(draft: PlanDraft, detail: CaseDetail, grouping: GroupingCode, rules: { today: IsoDate; settings: Settings }) {
  const { input, messages } = toPlanInput(draft, { caseId: detail.summary.id, caseVersion: detail.summary.version, grouping });
  const checked = validateWith(SavePlanArgs, input, planRules, { ...ruleContextOf(detail, rules.today, rules.settings), grouping });
  return checked.ok ? checked : { ok: false as const, fields: inFormOrder(withMessages(checked.fields, messages), PLAN_FIELD_ORDER) };
}

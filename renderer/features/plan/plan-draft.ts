/** The plan form's typing, and how it becomes the `plan:save` arguments the shared schema checks. */
import { addWeeksTo, formatUkDate, parseUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { LIKELIHOODS, PARTICIPANTS, type Likelihood, type Participant } from '../../../shared/ipc/schemas/plan';
import { asFields, bool, choice, choices, str, type Fields } from '../../components/draft-payload';
import { readUkDate } from '../../components/form-errors';

export interface GoalDraft {
  key: number;
  description: string;
  firstRating: string;
}

export interface CriterionDraft {
  key: number;
  text: string;
}

export type CollaborateItem = 'understand' | 'listen' | 'include';

/** The fields a first plan and a revised plan share, typed and sent alike. */
export interface PlanFieldsDraft {
  agreedOutcome: string;
  likelihood: Likelihood | '';
  likelihoodNote: string;
  targetDate: string;
  contingency: string;
  reviewDate: string;
  riskSupportSummary: string;
  participants: Participant[];
  otherParticipants: string;
  optionsConsidered: string;
  decisionAid: string;
  collaborate: Record<CollaborateItem, string>;
}

export interface PlanDraft extends PlanFieldsDraft {
  agreedDate: string;
  goals: GoalDraft[];
  endingCriteria: CriterionDraft[];
  /** Once the clinician edits the review date it stops following the date agreed. */
  reviewDateTouched: boolean;
}

/** Errors listed in the order the fields appear on screen, after the form's own opening fields. */
export function planFieldOrder(opening: readonly string[]): string[] {
  return [
    ...opening,
    'goals',
    'agreedOutcome',
    'endingCriteria',
    'likelihood',
    'likelihoodNote',
    'targetDate',
    'contingency',
    'reviewDate',
    'riskSupportSummary',
    'sdm.participants',
    'sdm.otherParticipants',
    'sdm.optionsConsidered',
    'sdm.decisionAid',
    'sdm.collaborate',
  ];
}

export const PLAN_FIELD_ORDER = planFieldOrder(['agreedDate']);

export const DATE_LABELS = {
  agreedDate: 'Date agreed',
  targetDate: 'Target date',
  reviewDate: 'Agreed review date',
} as const;

let nextKey = 1;
export function newKey(): number {
  return nextKey++;
}

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
  return {
    agreedDate,
    goals: [{ key: newKey(), description: '', firstRating: '' }],
    agreedOutcome: '',
    endingCriteria: [{ key: newKey(), text: '' }],
    likelihood: '',
    likelihoodNote: '',
    targetDate: '',
    contingency: '',
    reviewDate: defaultReviewDate(agreedDate, weeks) ?? '',
    reviewDateTouched: false,
    riskSupportSummary: '',
    participants: [],
    otherParticipants: '',
    optionsConsidered: '',
    decisionAid: '',
    collaborate: { understand: '', listen: '', include: '' },
  };
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

/** A saved list of rows, each as fields; null when there was none. */
export function savedList(value: unknown): Fields[] | null {
  return Array.isArray(value) ? value.map(asFields) : null;
}

/** The shared fields of a saved draft, each falling back to the blank form's. */
export function restorePlanFields(p: Fields, blank: PlanFieldsDraft): PlanFieldsDraft {
  const collaborate = asFields(p.collaborate);
  return {
    agreedOutcome: str(p.agreedOutcome, blank.agreedOutcome),
    likelihood: choice(p.likelihood, LIKELIHOODS, blank.likelihood),
    likelihoodNote: str(p.likelihoodNote, blank.likelihoodNote),
    targetDate: str(p.targetDate, blank.targetDate),
    contingency: str(p.contingency, blank.contingency),
    reviewDate: str(p.reviewDate, blank.reviewDate),
    riskSupportSummary: str(p.riskSupportSummary, blank.riskSupportSummary),
    participants: choices(p.participants, PARTICIPANTS, blank.participants),
    otherParticipants: str(p.otherParticipants, blank.otherParticipants),
    optionsConsidered: str(p.optionsConsidered, blank.optionsConsidered),
    decisionAid: str(p.decisionAid, blank.decisionAid),
    collaborate: {
      understand: str(collaborate.understand, blank.collaborate.understand),
      listen: str(collaborate.listen, blank.collaborate.listen),
      include: str(collaborate.include, blank.collaborate.include),
    },
  };
}

/** A saved draft back into the form (fresh keys, so restored rows never clash with new ones). */
export function restorePlanDraft(payload: unknown, blank: PlanDraft): PlanDraft {
  const p = asFields(payload);
  const goals = savedList(p.goals);
  const criteria = savedList(p.endingCriteria);
  return {
    ...restorePlanFields(p, blank),
    agreedDate: str(p.agreedDate, blank.agreedDate),
    goals: goals
      ? goals.map((g) => ({ key: newKey(), description: str(g.description, ''), firstRating: str(g.firstRating, '') }))
      : blank.goals,
    endingCriteria: criteria ? criteria.map((c) => ({ key: newKey(), text: str(c.text, '') })) : blank.endingCriteria,
    reviewDateTouched: bool(p.reviewDateTouched, blank.reviewDateTouched),
  };
}

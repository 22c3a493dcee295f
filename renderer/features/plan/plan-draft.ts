/** The plan form's typing, and how it becomes the `plan:save` arguments the shared schema checks. */
import { addWeeksTo, formatUkDate, parseUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { LIKELIHOODS, PARTICIPANTS, type Likelihood, type Participant } from '../../../shared/ipc/schemas/plan';
import { asFields, bool, choice, choices, str } from '../../components/draft-payload';
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

export interface PlanDraft {
  agreedDate: string;
  goals: GoalDraft[];
  agreedOutcome: string;
  endingCriteria: CriterionDraft[];
  likelihood: Likelihood | '';
  likelihoodNote: string;
  targetDate: string;
  contingency: string;
  reviewDate: string;
  /** Once the clinician edits the review date it stops following the date agreed. */
  reviewDateTouched: boolean;
  riskSupportSummary: string;
  participants: Participant[];
  otherParticipants: string;
  optionsConsidered: string;
  decisionAid: string;
  collaborate: Record<CollaborateItem, string>;
}

/** Errors listed in the order the fields appear on screen. */
export const PLAN_FIELD_ORDER = [
  'agreedDate',
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
function toNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

export function toPlanInput(
  draft: PlanDraft,
  ctx: { caseId: string; caseVersion: number; grouping: GroupingCode },
): { input: unknown; messages: Record<string, string | null> } {
  const agreed = readUkDate(draft.agreedDate, DATE_LABELS.agreedDate);
  const target = readUkDate(draft.targetDate, DATE_LABELS.targetDate);
  const review = readUkDate(draft.reviewDate, DATE_LABELS.reviewDate);
  const { collaborate } = draft;
  const anyCollaborate = Object.values(collaborate).some((v) => v.trim() !== '');
  const input = {
    caseId: ctx.caseId,
    caseVersion: ctx.caseVersion,
    agreedDate: agreed.value,
    goals: draft.goals.map((g) => ({ description: g.description, firstRating: toNumber(g.firstRating) })),
    agreedOutcome: draft.agreedOutcome,
    endingCriteria: draft.endingCriteria.map((c) => c.text),
    likelihood: draft.likelihood || undefined,
    likelihoodNote: draft.likelihoodNote,
    targetDate: target.value,
    contingency: draft.contingency,
    reviewDate: review.value,
    // Only a Getting Risk Support plan has (and shows) this field.
    riskSupportSummary: ctx.grouping === 'getting_risk_support' ? draft.riskSupportSummary : null,
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
  return {
    input,
    messages: { agreedDate: agreed.message, targetDate: target.message, reviewDate: review.message },
  };
}

/** A saved draft back into the form (fresh keys, so restored rows never clash with new ones). */
export function restorePlanDraft(payload: unknown, blank: PlanDraft): PlanDraft {
  const p = asFields(payload);
  const list = (value: unknown) => (Array.isArray(value) ? value.map(asFields) : null);
  const goals = list(p.goals);
  const criteria = list(p.endingCriteria);
  const collaborate = asFields(p.collaborate);
  return {
    agreedDate: str(p.agreedDate, blank.agreedDate),
    goals: goals
      ? goals.map((g) => ({ key: newKey(), description: str(g.description, ''), firstRating: str(g.firstRating, '') }))
      : blank.goals,
    agreedOutcome: str(p.agreedOutcome, blank.agreedOutcome),
    endingCriteria: criteria ? criteria.map((c) => ({ key: newKey(), text: str(c.text, '') })) : blank.endingCriteria,
    likelihood: choice(p.likelihood, LIKELIHOODS, blank.likelihood),
    likelihoodNote: str(p.likelihoodNote, blank.likelihoodNote),
    targetDate: str(p.targetDate, blank.targetDate),
    contingency: str(p.contingency, blank.contingency),
    reviewDate: str(p.reviewDate, blank.reviewDate),
    reviewDateTouched: bool(p.reviewDateTouched, blank.reviewDateTouched),
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

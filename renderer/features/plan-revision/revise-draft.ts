/**
 * The revise form's typing, prefilled from the plan in force, and how it becomes the `plan:revise`
 * arguments: goals and criteria go as the complete new list (kept ones with their id and words,
 * reworded ones with their id and new words, new ones without an id; left out = dropped).
 */
import { addWeeksTo, formatUkDate, type IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { LIKELIHOODS, PARTICIPANTS, type Likelihood } from '../../../shared/ipc/schemas/plan';
import type { FieldError } from '../../../shared/ipc/result';
import type { CaseDetail } from '../../../shared/ipc/types';
import { activeGoals, criteriaInForce } from '../../components/case-records';
import { asFields, choice, choices, str } from '../../components/draft-payload';
import { inFormOrder, onePerField, readUkDate, withMessages } from '../../components/form-errors';
import { newKey, reviewIntervalWeeks, type PlanDraft } from '../plan/plan-draft';

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

type SharedFields = Pick<
  PlanDraft,
  | 'agreedOutcome'
  | 'likelihood'
  | 'likelihoodNote'
  | 'targetDate'
  | 'contingency'
  | 'reviewDate'
  | 'riskSupportSummary'
  | 'participants'
  | 'otherParticipants'
  | 'optionsConsidered'
  | 'decisionAid'
  | 'collaborate'
>;

export interface ReviseDraft extends SharedFields {
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

const ORDER = [
  'revisedDate',
  'reason',
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
    const list = (value: unknown) => (Array.isArray(value) ? value.map(asFields) : null);
    const goals = list(p.goals);
    const criteria = list(p.endingCriteria);
    const collaborate = asFields(p.collaborate);
    return {
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
      agreedOutcome: str(p.agreedOutcome, blank.agreedOutcome),
      likelihood: choice<Likelihood>(p.likelihood, LIKELIHOODS, blank.likelihood),
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
  };
}

function toNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

export function toReviseInput(
  draft: ReviseDraft,
  ctx: { caseId: string; caseVersion: number; reviewId: string | null; grouping: GroupingCode },
): { input: unknown; toFormErrors(fields: readonly FieldError[]): FieldError[] } {
  const revised = readUkDate(draft.revisedDate, REVISE_LABELS.revisedDate);
  const target = readUkDate(draft.targetDate, REVISE_LABELS.targetDate);
  const review = readUkDate(draft.reviewDate, REVISE_LABELS.reviewDate);
  const { collaborate } = draft;
  const anyCollaborate = Object.values(collaborate).some((v) => v.trim() !== '');
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
    agreedOutcome: draft.agreedOutcome,
    endingCriteria: draft.endingCriteria.map((c) => ({ criterionId: c.criterionId, text: c.text })),
    likelihood: draft.likelihood || undefined,
    likelihoodNote: draft.likelihoodNote,
    targetDate: target.value,
    contingency: draft.contingency,
    reviewDate: review.value,
    riskSupportSummary: ctx.grouping === 'getting_risk_support' ? draft.riskSupportSummary : null,
    sdm: {
      participants: draft.participants,
      otherParticipants: draft.participants.includes('other') ? draft.otherParticipants : null,
      optionsConsidered: draft.optionsConsidered,
      decisionAid: draft.decisionAid,
      collaborate: anyCollaborate
        ? {
            understand: toNumber(collaborate.understand),
            listen: toNumber(collaborate.listen),
            include: toNumber(collaborate.include),
          }
        : null,
    },
  };
  const messages = { revisedDate: revised.message, targetDate: target.message, reviewDate: review.message };
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

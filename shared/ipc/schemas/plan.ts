import { z } from 'zod';
import { daysBetween, type IsoDate } from '../../dates';
import { GBO_MAX, GBO_MIN, MAX_GOALS } from '../../domain/gbo';
import type { GroupingCode } from '../../domain/groupings';
import type { Settings } from '../../domain/settings';
import type { FieldError } from '../result';
import { present } from '../validate';
import { Id, isoDate, optionalText, text } from './common';

export const LIKELIHOODS = ['likely', 'possible', 'unlikely'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  likely: 'Likely',
  possible: 'Possible',
  unlikely: 'Unlikely',
};

export const PARTICIPANTS = ['young_person', 'parent_carer', 'other'] as const;
export type Participant = (typeof PARTICIPANTS)[number];
export const PARTICIPANT_LABELS: Record<Participant, string> = {
  young_person: 'Young person',
  parent_carer: 'Parent or carer',
  other: 'Others (say who)',
};

const gbo = z
  .number({ error: 'Enter a rating from 0 to 10' })
  .int('Enter a whole number from 0 to 10')
  .min(GBO_MIN, 'Enter a rating from 0 to 10')
  .max(GBO_MAX, 'Enter a rating from 0 to 10');

const collaborateItem = z
  .number({ error: 'Enter a score from 0 to 9' })
  .int('Enter a whole number from 0 to 9')
  .min(0, 'Enter a score from 0 to 9')
  .max(9, 'Enter a score from 0 to 9');

export const GoalInput = z.strictObject({
  description: text("Enter the goal in the young person's own words", 500, { label: 'The goal', multiline: true }),
  firstRating: gbo,
});

export const SharedDecisionMaking = z.strictObject({
  participants: z.array(z.enum(PARTICIPANTS)).min(1, 'Say who took part in agreeing the plan'),
  otherParticipants: optionalText(300, { label: 'Who else took part' }),
  optionsConsidered: text('Say which options were considered', 2000, { label: 'The options considered', multiline: true }),
  decisionAid: optionalText(200, { label: 'The decision aid' }),
  /** CollaboRATE (optional): all three items or none. */
  collaborate: z
    .strictObject({ understand: collaborateItem, listen: collaborateItem, include: collaborateItem })
    .nullish()
    .transform((v) => v ?? null),
});

/** How each plan field is named on screen, in the plan's history and in its messages: said once here. */
export const PLAN_FIELD_LABELS = {
  agreedDate: 'Date agreed',
  revisedDate: 'Date revised',
  agreedOutcome: 'What success would look like',
  likelihood: 'How likely by the target date',
  likelihoodNote: 'Note on likelihood',
  targetDate: 'Target date',
  contingency: 'Contingency',
  reviewDate: 'Agreed review date',
  nextReviewDate: 'Next agreed review date',
  riskSupportSummary: 'Risk-support plan summary',
} as const;

/** "Target date" → "Enter the target date". */
export function enterThe(label: string): string {
  return `Enter the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/**
 * The fields a first plan and a revised plan share, declared once: both `plan:save` and `plan:revise`
 * take them, and a plan record holds them. Only the review date reads differently: a revision agrees
 * the *next* review.
 */
export function planFieldsShape(reviewDateLabel: string = PLAN_FIELD_LABELS.reviewDate) {
  return {
    agreedOutcome: text('Describe what success would look like', 2000, { label: PLAN_FIELD_LABELS.agreedOutcome, multiline: true }),
    likelihood: z.enum(LIKELIHOODS, { error: 'Choose how likely the outcome is by the target date' }),
    likelihoodNote: optionalText(1000, { label: 'The note' }),
    targetDate: isoDate(enterThe(PLAN_FIELD_LABELS.targetDate)),
    contingency: optionalText(2000, { label: 'The contingency', multiline: true }),
    reviewDate: isoDate(enterThe(reviewDateLabel)),
    riskSupportSummary: optionalText(2000, { label: 'The risk support summary', multiline: true }),
    sdm: SharedDecisionMaking,
  };
}
const PlanFields = z.strictObject(planFieldsShape());
/** The shared fields as stored: what a plan record holds besides its goals and criteria. */
export type PlanFieldsValue = z.output<typeof PlanFields>;
export const PLAN_FIELD_KEYS = Object.keys(PlanFields.shape) as Array<keyof PlanFieldsValue>;

/** The shared fields of a plan or of the arguments that made it (e.g. for an audit entry). */
export function planFieldValues(v: PlanFieldsValue): PlanFieldsValue {
  return Object.fromEntries(PLAN_FIELD_KEYS.map((k) => [k, v[k]])) as PlanFieldsValue;
}

export const SavePlanArgs = z.strictObject({
  caseId: Id,
  /** Optimistic concurrency: the case version the form was loaded from. */
  caseVersion: z.number().int().optional(),
  agreedDate: isoDate('Enter the date the plan was agreed'),
  goals: z.array(GoalInput).max(MAX_GOALS, `No more than ${MAX_GOALS} goals`),
  endingCriteria: z
    .array(text('Enter the ending criterion, or remove it', 500, { label: 'The ending criterion', multiline: true }))
    .min(1, 'Add at least one ending criterion: how everyone will know enough help has been given'),
  ...planFieldsShape(),
});
export type SavePlanInput = z.input<typeof SavePlanArgs>;
export type SavePlanValue = z.output<typeof SavePlanArgs>;

export interface PlanRuleContext {
  today: IsoDate;
  openDate: IsoDate;
  grouping: GroupingCode;
  settings: Settings;
}

/** Rules that depend on the grouping, the case's dates and the team's settings. */
export function planRules(v: SavePlanValue, ctx: PlanRuleContext): FieldError[] {
  const f: FieldError[] = [];
  const { agreedDate: agreed, reviewDate: review } = v;
  if (!isAdvice(ctx.grouping) && present(v.goals) && v.goals.length === 0)
    f.push({ path: 'goals', message: "Add at least one goal in the young person's own words" });
  if (present(agreed) && agreed > ctx.today) f.push({ path: 'agreedDate', message: 'Date agreed must be today or in the past' });
  else if (present(agreed) && agreed < ctx.openDate)
    f.push({ path: 'agreedDate', message: 'Date agreed must be on or after the date the case was opened' });
  if (present(review) && review < ctx.openDate)
    f.push({ path: 'reviewDate', message: 'Review date must be on or after the date the case was opened' });
  else if (present(review, agreed) && review <= agreed)
    f.push({ path: 'reviewDate', message: 'Review date must be after the date the plan was agreed' });
  f.push(
    ...planFieldRules(v, ctx, {
      from: agreed,
      targetAfter: 'Target date must be after the date the plan was agreed',
      riskWithin: (weeks) => `Getting Risk Support must be reviewed within ${weeks} weeks of the plan`,
    }),
  );
  return f;
}

/** Getting Advice and Thriving need no goals or contingency. */
export function isAdvice(grouping: GroupingCode): boolean {
  return grouping === 'getting_advice' || grouping === 'thriving';
}

/**
 * The rules of the fields a first plan and a revision share (planFieldsShape), counted from the date
 * the plan was agreed or revised (`from`): said once for plan:save and plan:revise (plan-revise.ts).
 */
export function planFieldRules(
  v: PlanFieldsValue,
  ctx: { grouping: GroupingCode; settings: Settings },
  words: { from: IsoDate; targetAfter: string; riskWithin(weeks: number): string },
): FieldError[] {
  const f: FieldError[] = [];
  const { from } = words;
  const { targetDate: target, reviewDate: review } = v;
  if (present(target, from) && target <= from) f.push({ path: 'targetDate', message: words.targetAfter });
  if (!isAdvice(ctx.grouping) && !v.contingency)
    f.push({ path: 'contingency', message: 'Say what will happen if the outcome is not achieved by the target date' });
  if (ctx.grouping === 'getting_risk_support') {
    if (!v.riskSupportSummary)
      f.push({ path: 'riskSupportSummary', message: 'Getting Risk Support needs a risk-support plan summary' });
    const weeks = ctx.settings.riskSupportMaxWeeks;
    if (present(review, from) && review > from && daysBetween(from, review) > weeks * 7) f.push({ path: 'reviewDate', message: words.riskWithin(weeks) });
  }
  if (present(v.sdm) && v.sdm.participants.includes('other') && !v.sdm.otherParticipants)
    f.push({ path: 'sdm.otherParticipants', message: 'Say who else took part' });
  return f;
}

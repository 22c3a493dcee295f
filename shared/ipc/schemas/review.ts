import { z } from 'zod';
import { daysBetween, formatUkDate, type IsoDate } from '../../dates';
import { GBO_MAX, GBO_MIN } from '../../domain/gbo';
import { CURRENT_VIEW_REASONS } from '../../domain/current-view';
import { isGoalStuck, type GoalRatingPoint } from '../../domain/flags';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../domain/groupings';
import { CRITERION_PROGRESS, REVIEW_DECISIONS } from '../../domain/lifecycle';
import type { Settings } from '../../domain/settings';
import type { FieldError } from '../result';
import { present } from '../validate';
import { Id, isoDate, optionalText } from './common';
import { CurrentViewRatingsSchema } from './current-view';
import { PARTICIPANTS } from './plan';

export const gboScore = z
  .number({ error: 'Enter a rating from 0 to 10' })
  .int('Enter a whole number from 0 to 10')
  .min(GBO_MIN, 'Enter a rating from 0 to 10')
  .max(GBO_MAX, 'Enter a rating from 0 to 10');

export const GoalScore = z.strictObject({ goalId: Id, score: gboScore });

/** A Current View completed as part of a review or an ending: it takes that event's date. */
export const EmbeddedCurrentView = z.strictObject({
  reason: z.enum(CURRENT_VIEW_REASONS, { error: 'Choose the reason for completing the Current View' }),
  grouping: z.enum(GROUPING_CODES, { error: 'Choose the THRIVE grouping agreed with the family' }),
  ratings: CurrentViewRatingsSchema,
});

export const RecordReviewArgs = z.strictObject({
  caseId: Id,
  /** Optimistic concurrency: the case version the form was loaded from. */
  caseVersion: z.number().int(),
  reviewDate: isoDate('Enter the date of the review'),
  attendees: z.array(z.enum(PARTICIPANTS)).min(1, 'Say who attended the review'),
  otherAttendees: optionalText(300, { label: 'Who else attended' }),
  goalRatings: z.array(GoalScore),
  criteriaProgress: z.array(z.strictObject({ criterionId: Id, status: z.enum(CRITERION_PROGRESS, { error: 'Choose met, partly or not yet' }) })),
  /** The Current View at review, with the grouping (which may change). Null leaves it missing (flagged). */
  currentView: EmbeddedCurrentView.nullable(),
  decision: z.enum(REVIEW_DECISIONS, { error: 'Choose what was decided' }),
  /** What was agreed when the target date had passed or a goal was stuck (per the contingency). */
  explicitDiscussion: optionalText(4000, { label: 'The explicit discussion', multiline: true }),
  /** With "move to ending": how the ending will be worked towards. */
  endingPlan: optionalText(4000, { label: 'The ending plan', multiline: true }),
  nextReviewDate: isoDate('Enter the next agreed review date'),
  notes: optionalText(4000, { label: 'The notes', multiline: true }),
});
export type RecordReviewInput = z.input<typeof RecordReviewArgs>;
export type RecordReviewValue = z.output<typeof RecordReviewArgs>;

export interface ActiveGoalContext {
  id: string;
  description: string;
  /** Ratings so far (any order). */
  ratings: readonly GoalRatingPoint[];
}

export interface ReviewRuleContext {
  today: IsoDate;
  openDate: IsoDate;
  lastReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  grouping: GroupingCode | null;
  activeGoals: readonly ActiveGoalContext[];
  /** The ending criteria in force. */
  criteria: ReadonlyArray<{ id: string; text: string }>;
  settings: Settings;
}

/** Goals stuck once this review's ratings are added (the review must then record the discussion). */
export function stuckGoalsAfter(
  goals: readonly ActiveGoalContext[],
  ratings: ReadonlyArray<{ goalId: string; score: number }>,
  on: IsoDate,
  settings: Settings,
): ActiveGoalContext[] {
  return goals.filter((g) => {
    const added = ratings.filter((r) => r.goalId === g.id).map((r) => ({ date: on, score: r.score }));
    return isGoalStuck([...g.ratings, ...added], settings.goalsStuckWeeks);
  });
}

/** Why this review must record the explicit discussion, or null when it need not. */
export function explicitDiscussionReason(
  v: { reviewDate?: IsoDate; goalRatings?: ReadonlyArray<{ goalId: string; score: number }> },
  ctx: Pick<ReviewRuleContext, 'targetDate' | 'activeGoals' | 'settings'>,
): string | null {
  const date = v.reviewDate;
  if (date === undefined) return null;
  if (ctx.targetDate && date > ctx.targetDate)
    return `The target date ${formatUkDate(ctx.targetDate)} has passed: record what was agreed, per the contingency`;
  const stuck = stuckGoalsAfter(ctx.activeGoals, v.goalRatings ?? [], date, ctx.settings);
  if (stuck.length > 0)
    return `Goal "${stuck[0]!.description}" is stuck: record the explicit discussion of what happens next`;
  return null;
}

export function reviewRules(v: RecordReviewValue, ctx: ReviewRuleContext): FieldError[] {
  const f: FieldError[] = [];
  const { reviewDate: date, nextReviewDate: next } = v;
  if (present(date) && date > ctx.today) f.push({ path: 'reviewDate', message: 'Review date must be today or in the past' });
  else if (present(date) && date < ctx.openDate)
    f.push({ path: 'reviewDate', message: 'Review date must be on or after the date the case was opened' });
  else if (present(date) && ctx.lastReviewDate && date < ctx.lastReviewDate)
    f.push({ path: 'reviewDate', message: `Review date must be on or after the previous review (${formatUkDate(ctx.lastReviewDate)})` });

  if (present(next, date) && next <= date)
    f.push({ path: 'nextReviewDate', message: 'Next review date must be after the date of this review' });
  const groupingAfter = v.currentView?.grouping ?? ctx.grouping;
  if (groupingAfter === 'getting_risk_support' && present(next, date) && next > date) {
    if (daysBetween(date, next) > ctx.settings.riskSupportMaxWeeks * 7)
      f.push({
        path: 'nextReviewDate',
        message: `Getting Risk Support must be reviewed within ${ctx.settings.riskSupportMaxWeeks} weeks`,
      });
  }

  if (present(v.goalRatings)) {
    const active = new Set(ctx.activeGoals.map((g) => g.id));
    const seen = new Set<string>();
    v.goalRatings.forEach((r, i) => {
      if (!active.has(r.goalId))
        f.push({ path: `goalRatings.${i}.goalId`, message: 'This goal is no longer active (dropped or replaced): it cannot be rated' });
      else if (seen.has(r.goalId)) f.push({ path: `goalRatings.${i}.goalId`, message: 'This goal is rated twice' });
      seen.add(r.goalId);
    });
    ctx.activeGoals.forEach((g) => {
      if (!seen.has(g.id)) f.push({ path: `goalRatings.goal-${g.id}`, message: `Rate goal "${g.description}" from 0 to 10` });
    });
  }

  if (present(v.criteriaProgress)) {
    const known = new Set(ctx.criteria.map((c) => c.id));
    const seen = new Set<string>();
    v.criteriaProgress.forEach((p, i) => {
      if (!known.has(p.criterionId))
        f.push({ path: `criteriaProgress.${i}.criterionId`, message: 'This ending criterion is not in the current plan' });
      seen.add(p.criterionId);
    });
    ctx.criteria.forEach((c) => {
      if (!seen.has(c.id))
        f.push({ path: `criteriaProgress.criterion-${c.id}`, message: `Say whether "${c.text}" is met, partly met or not yet met` });
    });
  }

  if (v.decision === 'move_to_ending' && !v.endingPlan)
    f.push({ path: 'endingPlan', message: 'Describe the plan for ending: moving to ending needs an agreed ending plan' });
  if (v.decision === 'change_grouping') {
    if (!v.currentView)
      f.push({ path: 'currentView', message: 'Changing the grouping needs the Current View at review with the new grouping' });
    else if (v.currentView.grouping === ctx.grouping)
      f.push({
        path: 'currentView.grouping',
        message: `Choose the new grouping: the case is already in ${ctx.grouping ? GROUPING_LABELS[ctx.grouping] : 'this grouping'}`,
      });
  }
  if (!v.explicitDiscussion) {
    const why = explicitDiscussionReason(v, ctx);
    if (why) f.push({ path: 'explicitDiscussion', message: why });
  }
  return f;
}

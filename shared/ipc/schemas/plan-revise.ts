import { z } from 'zod';
import { formatUkDate, type IsoDate } from '../../dates';
import { MAX_GOALS } from '../../domain/gbo';
import type { GroupingCode } from '../../domain/groupings';
import type { Settings } from '../../domain/settings';
import type { FieldError } from '../result';
import { present } from '../validate';
import { Id, isoDate, text } from './common';
import { isAdvice, PLAN_FIELD_LABELS, planFieldRules, planFieldsShape } from './plan';
import { gboScore } from './review';

/**
 * Revising the plan at a review. Goals and ending criteria are sent as the complete new list:
 * - an item with the id of a current one and the same words is kept;
 * - an item with the id of a current one and new words is a *rewording*: a new goal (or criterion)
 *   linked to the old one, which is kept in the history, not edited;
 * - an item with no id is new;
 * - a current one left out of the list is dropped (goals) or retired (criteria).
 * A new or reworded goal needs its first rating.
 */
export const RevisePlanArgs = z.strictObject({
  caseId: Id,
  caseVersion: z.number().int(),
  revisedDate: isoDate('Enter the date the plan was revised'),
  /** The review the revision was agreed at, when there was one. */
  reviewId: Id.nullish().transform((v) => v ?? null),
  reason: text('Say why the plan is being revised', 2000, { label: 'The reason', multiline: true }),
  goals: z
    .array(
      z.strictObject({
        goalId: Id.nullish().transform((v) => v ?? null),
        description: text("Enter the goal in the young person's own words", 500, { label: 'The goal', multiline: true }),
        firstRating: gboScore.nullish().transform((v) => v ?? null),
      }),
    )
    .max(MAX_GOALS, `No more than ${MAX_GOALS} goals`),
  endingCriteria: z
    .array(
      z.strictObject({
        criterionId: Id.nullish().transform((v) => v ?? null),
        text: text('Enter the ending criterion, or remove it', 500, { label: 'The ending criterion', multiline: true }),
      }),
    )
    .min(1, 'Keep at least one ending criterion: how everyone will know enough help has been given'),
  ...planFieldsShape(PLAN_FIELD_LABELS.nextReviewDate),
});
export type RevisePlanInput = z.input<typeof RevisePlanArgs>;
export type RevisePlanValue = z.output<typeof RevisePlanArgs>;

export interface RevisePlanRuleContext {
  today: IsoDate;
  openDate: IsoDate;
  lastReviewDate: IsoDate | null;
  grouping: GroupingCode;
  activeGoals: ReadonlyArray<{ id: string; description: string }>;
  criteria: ReadonlyArray<{ id: string; text: string }>;
  settings: Settings;
}

export function revisePlanRules(v: RevisePlanValue, ctx: RevisePlanRuleContext): FieldError[] {
  const f: FieldError[] = [];
  const { revisedDate: revised, reviewDate: review } = v;
  if (present(revised) && revised > ctx.today) f.push({ path: 'revisedDate', message: 'Date revised must be today or in the past' });
  else if (present(revised) && revised < ctx.openDate)
    f.push({ path: 'revisedDate', message: 'Date revised must be on or after the date the case was opened' });
  else if (present(revised) && ctx.lastReviewDate && revised < ctx.lastReviewDate)
    f.push({ path: 'revisedDate', message: `Date revised must be on or after the last review (${formatUkDate(ctx.lastReviewDate)})` });
  if (present(review, revised) && review <= revised)
    f.push({ path: 'reviewDate', message: 'Next review date must be after the date the plan was revised' });
  f.push(
    ...planFieldRules(v, ctx, {
      from: revised,
      targetAfter: 'Target date must be after the date the plan was revised',
      riskWithin: (weeks) => `Getting Risk Support must be reviewed within ${weeks} weeks`,
    }),
  );

  if (present(v.goals)) {
    if (!isAdvice(ctx.grouping) && v.goals.length === 0)
      f.push({ path: 'goals', message: "Keep at least one goal in the young person's own words" });
    const active = new Map(ctx.activeGoals.map((g) => [g.id, g.description]));
    const seen = new Set<string>();
    v.goals.forEach((g, i) => {
      if (g.goalId && !active.has(g.goalId)) {
        f.push({ path: `goals.${i}.goalId`, message: 'This goal is no longer active: add it as a new goal instead' });
        return;
      }
      if (g.goalId && seen.has(g.goalId)) f.push({ path: `goals.${i}.goalId`, message: 'This goal appears twice' });
      if (g.goalId) seen.add(g.goalId);
      const isNewWording = !g.goalId || active.get(g.goalId) !== g.description;
      if (isNewWording && g.firstRating === null)
        f.push({ path: `goals.${i}.firstRating`, message: 'A new or reworded goal needs its first rating from 0 to 10' });
    });
  }
  if (present(v.endingCriteria)) {
    const known = new Set(ctx.criteria.map((c) => c.id));
    const seen = new Set<string>();
    v.endingCriteria.forEach((c, i) => {
      if (c.criterionId && !known.has(c.criterionId))
        f.push({ path: `endingCriteria.${i}.criterionId`, message: 'This ending criterion is not in the current plan' });
      else if (c.criterionId && seen.has(c.criterionId))
        f.push({ path: `endingCriteria.${i}.criterionId`, message: 'This ending criterion appears twice' });
      if (c.criterionId) seen.add(c.criterionId);
    });
  }
  return f;
}

import { z } from 'zod';
import { formatUkDate, type IsoDate } from '../../dates';
import { CRITERION_FINAL_STATUS, ENDING_REASONS } from '../../domain/lifecycle';
import type { FieldError } from '../result';
import { present } from '../validate';
import { Id, isoDate, optionalText, text } from './common';
import { EmbeddedCurrentView, GoalScore } from './review';

export const CloseCaseArgs = z.strictObject({
  caseId: Id,
  caseVersion: z.number().int(),
  endingDate: isoDate('Enter the ending date'),
  reason: z.enum(ENDING_REASONS, { error: 'Choose the reason for ending' }),
  reasonOther: optionalText(500, { label: 'The other reason' }),
  /** MHSDS referral closure reason code (01–09), optional: its labels are not verified here. */
  mhsdsCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^0[1-9]$/.test(v), 'MHSDS closure code must be two digits from 01 to 09'),
  criteriaStatus: z.array(
    z.strictObject({ criterionId: Id, status: z.enum(CRITERION_FINAL_STATUS, { error: 'Choose met, partly met or not met' }) }),
  ),
  finalRatings: z.array(GoalScore),
  /** Required: closing is refused without the Current View at close (null is accepted here only so the rule can say so). */
  currentView: EmbeddedCurrentView.nullable(),
  continuingSupport: optionalText(2000, { label: 'Continuing support', multiline: true }),
  signposting: optionalText(2000, { label: 'Signposting', multiline: true }),
  wellbeingPlan: optionalText(4000, { label: 'The wellbeing plan', multiline: true }),
  discussedFromStart: z.boolean({ error: 'Say whether the ending was discussed from the start' }),
});
export type CloseCaseInput = z.input<typeof CloseCaseArgs>;
export type CloseCaseValue = z.output<typeof CloseCaseArgs>;

export interface CloseRuleContext {
  today: IsoDate;
  openDate: IsoDate;
  lastReviewDate: IsoDate | null;
  activeGoals: ReadonlyArray<{ id: string; description: string }>;
  criteria: ReadonlyArray<{ id: string; text: string }>;
}

export function closeCaseRules(v: CloseCaseValue, ctx: CloseRuleContext): FieldError[] {
  const f: FieldError[] = [];
  const date = v.endingDate;
  if (present(date) && date > ctx.today) f.push({ path: 'endingDate', message: 'Ending date must be today or in the past' });
  else if (present(date) && date < ctx.openDate)
    f.push({ path: 'endingDate', message: 'Ending date must be on or after the date the case was opened' });
  else if (present(date) && ctx.lastReviewDate && date < ctx.lastReviewDate)
    f.push({ path: 'endingDate', message: `Ending date must be on or after the last review (${formatUkDate(ctx.lastReviewDate)})` });
  if (v.reason === 'other' && !v.reasonOther) f.push({ path: 'reasonOther', message: 'Say what the other reason for ending was' });
  if (v.currentView === null)
    f.push({ path: 'currentView', message: 'Record the Current View at close, with the grouping at close, before closing the case' });

  if (present(v.finalRatings)) {
    const active = new Set(ctx.activeGoals.map((g) => g.id));
    const seen = new Set<string>();
    v.finalRatings.forEach((r, i) => {
      if (!active.has(r.goalId))
        f.push({ path: `finalRatings.${i}.goalId`, message: 'This goal is no longer active (dropped or replaced): it cannot be rated' });
      else if (seen.has(r.goalId)) f.push({ path: `finalRatings.${i}.goalId`, message: 'This goal is rated twice' });
      seen.add(r.goalId);
    });
    ctx.activeGoals.forEach((g) => {
      if (!seen.has(g.id)) f.push({ path: `finalRatings.goal-${g.id}`, message: `Give the final rating for goal "${g.description}"` });
    });
  }
  if (present(v.criteriaStatus)) {
    const known = new Set(ctx.criteria.map((c) => c.id));
    const seen = new Set<string>();
    v.criteriaStatus.forEach((s, i) => {
      if (!known.has(s.criterionId))
        f.push({ path: `criteriaStatus.${i}.criterionId`, message: 'This ending criterion is not in the current plan' });
      seen.add(s.criterionId);
    });
    ctx.criteria.forEach((c) => {
      if (!seen.has(c.id))
        f.push({ path: `criteriaStatus.criterion-${c.id}`, message: `Say whether "${c.text}" was met, partly met or not met` });
    });
  }
  return f;
}

/** Re-opening a closed case starts a new episode linked to the old one; the old one is never edited. */
export const ReopenCaseArgs = z.strictObject({
  caseId: Id,
  caseVersion: z.number().int(),
  referralDate: isoDate('Enter the referral date'),
  openDate: isoDate('Enter the date the case is re-opened'),
  leadClinicianId: z.string({ error: 'Choose the lead clinician' }).min(1, 'Choose the lead clinician').pipe(Id),
  reason: text('Say why the case is being re-opened', 2000, { label: 'The reason', multiline: true }),
});
export type ReopenCaseValue = z.output<typeof ReopenCaseArgs>;

export function reopenCaseRules(v: ReopenCaseValue, ctx: { today: IsoDate; closedDate: IsoDate }): FieldError[] {
  const f: FieldError[] = [];
  if (present(v.openDate) && v.openDate > ctx.today) f.push({ path: 'openDate', message: 'Re-open date must be today or in the past' });
  else if (present(v.openDate) && v.openDate < ctx.closedDate)
    f.push({ path: 'openDate', message: `Re-open date must be on or after the date the case ended (${formatUkDate(ctx.closedDate)})` });
  if (present(v.referralDate) && v.referralDate > ctx.today)
    f.push({ path: 'referralDate', message: 'Referral date must be today or in the past' });
  else if (present(v.referralDate, v.openDate) && v.openDate < v.referralDate)
    f.push({ path: 'openDate', message: 'Re-open date must be on or after the referral date' });
  return f;
}

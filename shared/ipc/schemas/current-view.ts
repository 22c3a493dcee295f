import { z } from 'zod';
import type { IsoDate } from '../../dates';
import {
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASONS,
  type CurrentViewItem,
} from '../../domain/current-view';
import { GROUPING_CODES } from '../../domain/groupings';
import type { FieldError } from '../result';
import { Id, isoDate } from './common';

function itemMessage(item: CurrentViewItem): string {
  const where =
    item.section === 'problems'
      ? `problem ${item.number}`
      : item.section === 'complexity'
        ? `complexity factor ${item.number}`
        : item.section === 'contextual'
          ? 'contextual problems'
          : 'education, employment or training';
  const choices = item.scale === 'severity' ? 'None, Mild, Moderate, Severe or Not known' : 'Yes, No or Not known';
  return `Rate "${item.label}" (${where}): choose ${choices}`;
}

function ratingSchema(item: CurrentViewItem) {
  const message = itemMessage(item);
  return item.scale === 'severity'
    ? z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('not_known')], { error: message })
    : z.enum(['yes', 'no', 'not_known'], { error: message });
}

/** Every one of the 50 items must be rated: "Not known" is a rating, a blank is not. */
export const CurrentViewRatingsSchema = z.strictObject(
  Object.fromEntries(CURRENT_VIEW_ITEMS.map((item) => [item.code, ratingSchema(item)])) as Record<
    string,
    ReturnType<typeof ratingSchema>
  >,
);

export const CurrentViewFields = {
  completedDate: isoDate('Enter the date the Current View was completed'),
  reason: z.enum(CURRENT_VIEW_REASONS, { error: 'Choose the reason for completing' }),
  grouping: z.enum(GROUPING_CODES, { error: 'Choose the THRIVE grouping agreed with the family' }),
  ratings: CurrentViewRatingsSchema,
};

/**
 * The Current View at open, with the grouping chosen with the family; or, with `reviewId`, the
 * Current View of a review that was recorded without one (which clears "Current View missing").
 */
export const RecordOpeningCurrentViewArgs = z.strictObject({
  caseId: Id,
  reviewId: Id.nullish().transform((v) => v ?? null),
  ...CurrentViewFields,
});
export type RecordCurrentViewInput = z.input<typeof RecordOpeningCurrentViewArgs>;
export type RecordCurrentViewValue = z.output<typeof RecordOpeningCurrentViewArgs>;

export function currentViewRules(
  v: { completedDate?: IsoDate; grouping?: string },
  ctx: { today: IsoDate; openDate: IsoDate; context: 'open' | 'review' | 'close' },
): FieldError[] {
  const f: FieldError[] = [];
  const done = v.completedDate;
  if (done !== undefined && done > ctx.today)
    f.push({ path: 'completedDate', message: 'Date completed must be today or in the past' });
  else if (done !== undefined && done < ctx.openDate)
    f.push({ path: 'completedDate', message: 'Date completed must be on or after the date the case was opened' });
  if (ctx.context === 'open' && v.grouping === 'thriving')
    f.push({ path: 'grouping', message: 'A case is not opened as Thriving: choose the grouping of the help agreed' });
  return f;
}

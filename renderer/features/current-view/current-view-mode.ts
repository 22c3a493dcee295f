/** Which Current View the Current View form records, and what follows from that. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_CODES, OPENING_GROUPINGS, type GroupingCode } from '../../../shared/domain/groupings';
import type { ReviewRecord } from '../../../shared/ipc/types';

export const OPEN_TITLE = 'Current View at open';
export const REVIEW_TITLE = 'Current View at review';

/**
 * The one at open, or the missing one of a review that was saved without it (its date is the
 * review's date; any grouping, Thriving included, may be chosen).
 */
export type Mode = { context: 'open' } | { context: 'review'; review: ReviewRecord };

export function titleOf(mode: Mode): string {
  return mode.context === 'open' ? OPEN_TITLE : `${REVIEW_TITLE} on ${formatUkDate(mode.review.reviewDate)}`;
}

export function groupingsFor(mode: Mode): readonly GroupingCode[] {
  return mode.context === 'open' ? OPENING_GROUPINGS : GROUPING_CODES;
}

/** A review's Current View takes the review's date (dd/mm/yyyy); one at open is dated on the form. */
export function fixedDateOf(mode: Mode): string | null {
  return mode.context === 'review' ? formatUkDate(mode.review.reviewDate) : null;
}

/** One review as plain text for a progress note (export:summaryText kind 'review'). Pure. */
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { classifyGboChange, GBO_CHANGE_LABELS } from '../../../shared/domain/gbo';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS_LABELS, REVIEW_DECISION_LABELS } from '../../../shared/domain/lifecycle';
import { AppError } from '../../../shared/ipc/result';
import type { SummaryText } from '../../../shared/ipc/import-types';
import type { CaseDetail, ReviewRecord } from '../../../shared/ipc/types';
import { criterionText, MEANINGFUL_CHANGE_NOTE, participantsText, ratingsInOrder } from './case-facts';
import { field, heading, identityLines, joinLines, numbered, numberedOrNone, score, signed, sourceLine, wrap } from './text-format';

export const REVIEW_SUMMARY_TITLE = 'THRIVE review summary';
export const NO_REVIEW_MESSAGE = 'No review has been recorded for this case yet, so there is no review summary to copy.';
export const UNKNOWN_REVIEW_MESSAGE = 'That review is not part of this case. Reload the case and try again.';

/** The review asked for, or the latest (reviews are oldest first). */
function chooseReview(detail: CaseDetail, reviewId: string | undefined): ReviewRecord {
  if (reviewId !== undefined) {
    const review = detail.reviews.find((r) => r.id === reviewId);
    if (!review) throw new AppError('not_found', UNKNOWN_REVIEW_MESSAGE);
    return review;
  }
  const latest = detail.reviews.at(-1);
  if (!latest) throw new AppError('validation', NO_REVIEW_MESSAGE);
  return latest;
}

/**
 * "6/10 (previous 5/10 on 23/11/2026: +1; first rating 3/10 on 12/10/2026: +3, Improved)": the movement
 * since the last rating, and since the first with its change label (the threshold is first vs latest).
 */
function ratingText(detail: CaseDetail, review: ReviewRecord, goalId: string, now: number): string {
  const goal = detail.goals.find((g) => g.id === goalId);
  const before = (goal ? ratingsInOrder(goal) : []).filter((r) => r.ratedOn < review.reviewDate);
  const first = before[0];
  const previous = before.at(-1);
  if (!first || !previous) return `${score(now)} (first rating)`;
  const sinceFirst = `first rating ${score(first.score)} on ${formatUkDate(first.ratedOn)}: ${signed(now - first.score)}, ${GBO_CHANGE_LABELS[classifyGboChange(first.score, now)]}`;
  if (previous === first) return `${score(now)} (${sinceFirst})`;
  return `${score(now)} (previous ${score(previous.score)} on ${formatUkDate(previous.ratedOn)}: ${signed(now - previous.score)}; ${sinceFirst})`;
}

export function reviewSummaryText(detail: CaseDetail, reviewId: string | undefined, today: IsoDate): SummaryText {
  const review = chooseReview(detail, reviewId);
  const number = detail.reviews.indexOf(review) + 1;
  const lines: string[] = ['THRIVE REVIEW SUMMARY', ...identityLines(detail), ''];
  lines.push(...field('Review date', `${formatUkDate(review.reviewDate)} (review ${number} of ${detail.reviews.length})`));
  lines.push(...field('Who attended', participantsText(review.attendees, review.otherAttendees)));
  const cv = review.currentViewId ? detail.currentViews.find((c) => c.id === review.currentViewId) : undefined;
  lines.push(
    ...field(
      'Current View',
      cv ? `recorded at this review; THRIVE grouping ${GROUPING_LABELS[cv.grouping]}` : 'NOT recorded at this review (still to be completed)',
    ),
  );

  lines.push(...heading('Goal ratings (GBO 0-10)'));
  if (review.goalRatings.length === 0) lines.push('No goals rated.');
  const position = (goalId: string) => detail.goals.find((g) => g.id === goalId)?.position ?? Number.MAX_SAFE_INTEGER;
  [...review.goalRatings]
    .sort((a, b) => position(a.goalId) - position(b.goalId))
    .forEach((r, i) => {
      const words = detail.goals.find((g) => g.id === r.goalId)?.description ?? 'Goal';
      lines.push(...numbered(i + 1, `${words}: ${ratingText(detail, review, r.goalId, r.score)}`));
    });
  if (review.goalRatings.length > 0) lines.push(...wrap(MEANINGFUL_CHANGE_NOTE));

  lines.push(...heading('Progress against the ending criteria'));
  lines.push(...numberedOrNone(review.criteriaProgress.map((p) => `${criterionText(detail, p.criterionId)}: ${CRITERION_PROGRESS_LABELS[p.status]}`)));

  lines.push('');
  lines.push(...field('Decision', REVIEW_DECISION_LABELS[review.decision]));
  if (review.endingPlan) lines.push(...field('Ending plan', review.endingPlan));
  lines.push(...field('Explicit discussion (what was agreed)', review.explicitDiscussion ?? 'none recorded'));
  if (review.notes) lines.push(...field('Notes', review.notes));
  lines.push(...field('Next review', review.nextReviewDate ? formatUkDate(review.nextReviewDate) : 'not set'));
  lines.push(...field('Recorded by', review.createdByName));

  lines.push(...sourceLine(today));
  return { title: REVIEW_SUMMARY_TITLE, text: joinLines(lines) };
}

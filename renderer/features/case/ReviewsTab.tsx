import type { ReactNode } from 'react';
import { formatUkDate, formatUkDateTime } from '../../../shared/dates';
import { CURRENT_VIEW_REASON_LABELS } from '../../../shared/domain/current-view';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS_LABELS, REVIEW_DECISION_LABELS } from '../../../shared/domain/lifecycle';
import { PARTICIPANT_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, ReviewRecord } from '../../../shared/ipc/types';
import { SummaryRow } from '../../components/SummaryList';
import { Tag } from '../../components/Tag';
import { useNavigationActions } from '../../stores/navigation';
import { CopyOutcome } from './ExportShare';
import { useCopySummary } from './use-copy-summary';
import { goalName } from './goal-labels';

function attendees(review: ReviewRecord): string {
  return review.attendees
    .map((p) => (p === 'other' ? (review.otherAttendees ? `Others: ${review.otherAttendees}` : 'Others') : PARTICIPANT_LABELS[p]))
    .join('; ');
}

const Text = ({ value, none }: { value: string | null; none: string }) =>
  value ? <span className="preserve-lines">{value}</span> : <span className="muted">{none}</span>;

/** This review as plain text for the progress note (the case header's button copies the latest only). */
function CopyReviewSummary({ review, caseId, headingId }: { review: ReviewRecord; caseId: string; headingId: string }) {
  const { state, copy, closeDialog } = useCopySummary(caseId);
  return (
    <div className="review-list__action">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-describedby={headingId}
        aria-disabled={state.status === 'busy' || undefined}
        onClick={() => void copy('review', review.id)}
      >
        Copy review summary
      </button>
      <CopyOutcome state={state} onCloseDialog={closeDialog} />
    </div>
  );
}

function Review({ review, number, detail }: { review: ReviewRecord; number: number; detail: CaseDetail }) {
  const headingId = `review-${review.id}-heading`;
  return (
    <li className="review-list__item">
      <article aria-labelledby={headingId}>
        <h3 className="heading-m" id={headingId}>
          Review {number}: {formatUkDate(review.reviewDate)}
        </h3>
        <dl className="summary-list">
          <SummaryRow label="Who attended">{attendees(review)}</SummaryRow>
          <SummaryRow label="Goal ratings (0 to 10)">
            <PlainList items={review.goalRatings} keyOf={(r) => r.goalId} none="No goals rated">
              {(r) => {
                const goal = detail.goals.find((g) => g.id === r.goalId);
                return (
                  <>
                    {goal ? goalName(goal) : 'A goal no longer on record'}: <strong>{r.score}</strong>
                  </>
                );
              }}
            </PlainList>
          </SummaryRow>
          <SummaryRow label="Ending criteria">
            <PlainList items={review.criteriaProgress} keyOf={(p) => p.criterionId} none="None recorded">
              {(p) => {
                const criterion = detail.criteria.find((c) => c.id === p.criterionId);
                return (
                  <>
                    {criterion ? `“${criterion.text}”` : 'A criterion no longer on record'}: <strong>{CRITERION_PROGRESS_LABELS[p.status]}</strong>
                  </>
                );
              }}
            </PlainList>
          </SummaryRow>
          <SummaryRow label="Current View">
            <ReviewCurrentView review={review} detail={detail} headingId={headingId} />
          </SummaryRow>
          <ReviewOutcome review={review} />
        </dl>
        <CopyReviewSummary review={review} caseId={detail.summary.id} headingId={headingId} />
      </article>
    </li>
  );
}

/** A list without bullets, or a muted word when it is empty. */
function PlainList<T>({ items, keyOf, none, children }: { items: readonly T[]; keyOf(item: T): string; none: string; children(item: T): ReactNode }) {
  if (items.length === 0) return <span className="muted">{none}</span>;
  return (
    <ul className="list list--plain">
      {items.map((item) => (
        <li key={keyOf(item)}>{children(item)}</li>
      ))}
    </ul>
  );
}

/** The review's Current View, or that it is missing with the way to record it while the case is open. */
function ReviewCurrentView({ review, detail, headingId }: { review: ReviewRecord; detail: CaseDetail; headingId: string }) {
  const { navigate } = useNavigationActions();
  const view = review.currentViewId ? detail.currentViews.find((v) => v.id === review.currentViewId) : undefined;
  if (view) return <>{`Recorded: ${GROUPING_LABELS[view.grouping]} (${CURRENT_VIEW_REASON_LABELS[view.reason]})`}</>;
  return (
    <>
      <Tag tone="warning">Current View missing</Tag>
      {detail.summary.status === 'open' ? (
        <div className="review-list__action">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={headingId}
            onClick={() => navigate({ name: 'current-view', caseId: detail.summary.id, reviewId: review.id })}
          >
            Record the missing Current View
          </button>
        </div>
      ) : null}
    </>
  );
}

/** What the review decided and agreed, when it meets next, and who recorded it. */
function ReviewOutcome({ review }: { review: ReviewRecord }) {
  return (
    <>
      <SummaryRow label="Decision">{REVIEW_DECISION_LABELS[review.decision]}</SummaryRow>
      <SummaryRow label="What was agreed (explicit discussion)">
        <Text value={review.explicitDiscussion} none="Not recorded" />
      </SummaryRow>
      {review.decision === 'move_to_ending' || review.endingPlan ? (
        <SummaryRow label="Ending plan">
          <Text value={review.endingPlan} none="Not recorded" />
        </SummaryRow>
      ) : null}
      <SummaryRow label="Next agreed review date">{review.nextReviewDate ? formatUkDate(review.nextReviewDate) : 'Not set'}</SummaryRow>
      <SummaryRow label="Notes">
        <Text value={review.notes} none="None" />
      </SummaryRow>
      <SummaryRow label="Recorded by">
        {review.createdByName} on {formatUkDateTime(review.createdAt)}
      </SummaryRow>
    </>
  );
}

/** Every review, oldest first, against the plan's goals and ending criteria. */
export function ReviewsTab({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="reviews-heading">
      <h2 className="heading-l" id="reviews-heading">
        Reviews
      </h2>
      {detail.reviews.length === 0 ? (
        <p>No reviews yet.{detail.summary.nextReviewDate ? ` The agreed review date is ${formatUkDate(detail.summary.nextReviewDate)}.` : ''}</p>
      ) : (
        <ol className="review-list">
          {detail.reviews.map((r, i) => (
            <Review key={r.id} review={r} number={i + 1} detail={detail} />
          ))}
        </ol>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import type { CaseDetail } from '../../../shared/ipc/types';
import { useApiData } from '../../hooks/use-api-data';
import { caseCaption } from '../../components/case-form';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useSavedDraft } from '../../hooks/use-draft';
import { useNavigationActions } from '../../stores/navigation';
import { OPEN_TITLE, REVIEW_TITLE, titleOf, type Mode } from './current-view-mode';
import { CurrentViewEditor } from './CurrentViewEditor';

/** The Current View at open (or, with `reviewId`, a review's missing one), with the grouping chosen with the family. */
export function CurrentViewForm({ caseId, reviewId }: { caseId: string; reviewId?: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const saved = useSavedDraft('current_view', caseId);
  const { navigate } = useNavigationActions();
  const review = reviewId && data.status === 'ready' ? data.value.reviews.find((r) => r.id === reviewId) : undefined;
  const mode: Mode = review ? { context: 'review', review } : { context: 'open' };
  const title = reviewId && !review ? REVIEW_TITLE : titleOf(mode);
  usePageTitle(title);

  const back = (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
  const page = (caption: string | null, heading: string, body: ReactNode) => (
    <>
      {back}
      <PageHeading caption={caption}>{heading}</PageHeading>
      {body}
    </>
  );
  if (data.status === 'loading' || (data.status === 'ready' && saved.status === 'loading')) {
    return page(null, reviewId ? REVIEW_TITLE : OPEN_TITLE, <Loading what="the case" />);
  }
  if (data.status === 'error') {
    return page(null, reviewId ? REVIEW_TITLE : OPEN_TITLE, <LoadProblem message={data.error.message} onRetry={reload} />);
  }
  const detail = data.value;
  const stopped = whyNot(detail, mode, Boolean(reviewId && !review));
  if (stopped) {
    const goToCase = () => navigate({ name: 'case', caseId, tab: reviewId ? 'reviews' : 'plan' });
    return page(
      caseCaption(detail),
      title,
      <>
        <p>{stopped}</p>
        <button type="button" className="button" onClick={goToCase}>
          Go to the case
        </button>
      </>,
    );
  }
  return <CurrentViewEditor detail={detail} mode={mode} back={back} saved={saved.status === 'ready' ? saved.draft : null} />;
}

/** Why this Current View cannot be recorded on this case, or null when it can. */
function whyNot(detail: CaseDetail, mode: Mode, reviewNotFound: boolean): string | null {
  if (detail.summary.status === 'closed') return `This case is closed (ended ${formatUkDate(detail.summary.closedDate)}) and is read-only.`;
  if (reviewNotFound) return 'That review was not found on this case.';
  if (mode.context === 'review' && mode.review.currentViewId) return 'The Current View for this review has already been recorded.';
  if (mode.context === 'open' && detail.currentViews.some((cv) => cv.context === 'open'))
    return 'The Current View at open has already been recorded for this case.';
  return null;
}

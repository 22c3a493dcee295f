import { useCallback, type FormEvent, type ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { CURRENT_VIEW_REASONS } from '../../../shared/domain/current-view';
import { GROUPING_CODES, OPENING_GROUPINGS, type GroupingCode } from '../../../shared/domain/groupings';
import { currentViewRules, RecordOpeningCurrentViewArgs } from '../../../shared/ipc/schemas/current-view';
import type { CaseDetail, DraftRecord, ReviewRecord } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { DateInput } from '../../components/DateInput';
import { asFields, choice, str } from '../../components/draft-payload';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { inFormOrder, readUkDate, useFormErrors, withMessages } from '../../components/form-errors';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useDraft, useSavedDraft } from '../../components/use-draft';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions, type Route } from '../../stores/navigation';
import { useToday } from '../../stores/session';
import { restoreRatings } from './current-view-draft';
import { CurrentViewSection, type CurrentViewValue } from './CurrentViewSection';

const TITLE = 'Current View at open';
const ORDER = ['completedDate', 'reason', 'ratings', 'grouping'];

/**
 * Which Current View this form records: the one at open, or the missing one of a review that was
 * saved without it (its date is the review's date; any grouping, Thriving included, may be chosen).
 */
type Mode = { context: 'open' } | { context: 'review'; review: ReviewRecord };

function titleOf(mode: Mode): string {
  return mode.context === 'open' ? TITLE : `Current View at review on ${formatUkDate(mode.review.reviewDate)}`;
}

interface OpeningViewDraft extends CurrentViewValue {
  completedDate: string;
}

/** The Current View at open (or, with `reviewId`, a review's missing one), with the grouping chosen with the family. */
export function CurrentViewForm({ caseId, reviewId }: { caseId: string; reviewId?: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const saved = useSavedDraft('current_view', caseId);
  const { navigate } = useNavigationActions();
  const review = reviewId && data.status === 'ready' ? data.value.reviews.find((r) => r.id === reviewId) : undefined;
  const mode: Mode = review ? { context: 'review', review } : { context: 'open' };
  usePageTitle(reviewId && !review ? 'Current View at review' : titleOf(mode));

  const back = (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
  if (data.status === 'loading' || (data.status === 'ready' && saved.status === 'loading')) {
    return (
      <>
        {back}
        <PageHeading>{reviewId ? 'Current View at review' : TITLE}</PageHeading>
        <Loading what="the case" />
      </>
    );
  }
  if (data.status === 'error') {
    return (
      <>
        {back}
        <PageHeading>{reviewId ? 'Current View at review' : TITLE}</PageHeading>
        <LoadProblem message={data.error.message} onRetry={reload} />
      </>
    );
  }
  const detail = data.value;
  const goToCase = (
    <button type="button" className="button" onClick={() => navigate({ name: 'case', caseId, tab: reviewId ? 'reviews' : 'plan' })}>
      Go to the case
    </button>
  );
  const stop = (message: string) => (
    <>
      {back}
      <PageHeading caption={caseCaption(detail)}>{reviewId && !review ? 'Current View at review' : titleOf(mode)}</PageHeading>
      <p>{message}</p>
      {goToCase}
    </>
  );
  if (detail.summary.status === 'closed')
    return stop(`This case is closed (ended ${formatUkDate(detail.summary.closedDate)}) and is read-only.`);
  if (reviewId && !review) return stop('That review was not found on this case.');
  if (mode.context === 'review' && mode.review.currentViewId)
    return stop('The Current View for this review has already been recorded.');
  if (mode.context === 'open' && detail.currentViews.some((cv) => cv.context === 'open'))
    return stop('The Current View at open has already been recorded for this case.');
  return <CurrentViewEditor detail={detail} mode={mode} back={back} saved={saved.status === 'ready' ? saved.draft : null} />;
}

function caseCaption(detail: CaseDetail): string {
  return `${detail.summary.name}, case ${detail.summary.caseRef}`;
}

function CurrentViewEditor({
  detail,
  mode,
  back,
  saved,
}: {
  detail: CaseDetail;
  mode: Mode;
  back: ReactNode;
  saved: DraftRecord | null;
}) {
  const title = titleOf(mode);
  const groupings: readonly GroupingCode[] = mode.context === 'open' ? OPENING_GROUPINGS : GROUPING_CODES;
  const fixedDate = mode.context === 'review' ? formatUkDate(mode.review.reviewDate) : null;
  const today = useToday() ?? '';
  const { navigateAfterSave } = useNavigationActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const draft = useDraft<OpeningViewDraft>({
    kind: 'current_view',
    caseId: detail.summary.id,
    saved,
    initial: () => ({
      completedDate: fixedDate ?? formatUkDate(today),
      reason: mode.context === 'open' ? 'first_contact' : '',
      grouping: '',
      ratings: {},
    }),
    restore: (payload, blank) => {
      const p = asFields(payload);
      return {
        completedDate: fixedDate ?? str(p.completedDate, blank.completedDate),
        reason: choice(p.reason, CURRENT_VIEW_REASONS, blank.reason),
        grouping: choice(p.grouping, groupings, blank.grouping),
        ratings: restoreRatings(p.ratings),
      };
    },
  });
  const { completedDate, reason, grouping, ratings } = draft.value;
  const { setValue } = draft;
  usePageTitle(title, form.errors.length > 0);

  const onChange = useCallback(
    (change: (v: CurrentViewValue) => CurrentViewValue) => {
      setValue((d) => ({ ...d, ...change(d) }));
      markDirty();
    },
    [setValue, markDirty],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const date = readUkDate(completedDate, 'Date completed');
    const input = {
      caseId: detail.summary.id,
      reviewId: mode.context === 'review' ? mode.review.id : null,
      completedDate: date.value,
      reason: reason || undefined,
      grouping: grouping || undefined,
      ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v !== undefined)),
    };
    const checked = validateWith(RecordOpeningCurrentViewArgs, input, currentViewRules, {
      today,
      openDate: detail.summary.openDate,
      context: mode.context,
    });
    if (!checked.ok) return form.fail(inFormOrder(withMessages(checked.fields, { completedDate: date.message }), ORDER));
    await form.save(async () => {
      await draft.whileSaving(() => request((api) => api.currentView.record(checked.value)));
      form.clear();
      // An imported case may already hold its plan: then the Current View at open was the last thing missing.
      const next: Route =
        mode.context === 'open' && detail.plan === null
          ? { name: 'plan', caseId: detail.summary.id }
          : mode.context === 'open'
            ? { name: 'case', caseId: detail.summary.id }
            : { name: 'case', caseId: detail.summary.id, tab: 'reviews' };
      navigateAfterSave(next);
    });
  };

  return (
    <>
      {back}
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        maxListed={5}
        moreMessage={(n) => `${n} more problems are shown beside their questions below`}
      />
      <PageHeading caption={caseCaption(detail)}>{title}</PageHeading>
      <DraftNotice draft={draft} />
      <p className="lede">
        Rate each item from what you understand now. A rating records your current understanding and need not imply a
        diagnosis. Choose Not known only when there is too little information to rate at all.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {fixedDate ? (
          <p>
            Completed for the review held on {fixedDate}: it takes the review&rsquo;s date.
          </p>
        ) : (
          <DateInput
            path="completedDate"
            label="Date completed"
            value={completedDate}
            onChange={(v) => {
              setValue((d) => ({ ...d, completedDate: v }));
              markDirty();
            }}
            error={form.messageFor('completedDate')}
          />
        )}
        <CurrentViewSection
          value={draft.value}
          onChange={onChange}
          messageFor={form.messageFor}
          groupings={groupings}
          groupingLabel="THRIVE grouping agreed with the family"
          groupingHint="Choose it with the young person and family: it is a shared decision, not worked out from the ratings."
        />
        <button type="submit" className="button">
          Save Current View
        </button>
      </form>
    </>
  );
}

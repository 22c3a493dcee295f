import { useCallback, type FormEvent, type ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { CURRENT_VIEW_REASONS } from '../../../shared/domain/current-view';
import { OPENING_GROUPINGS } from '../../../shared/domain/groupings';
import { currentViewRules, RecordOpeningCurrentViewArgs } from '../../../shared/ipc/schemas/current-view';
import type { CaseDetail, DraftRecord } from '../../../shared/ipc/types';
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
import { useNavigationActions } from '../../stores/navigation';
import { useToday } from '../../stores/session';
import { restoreRatings } from './current-view-draft';
import { CurrentViewSection, type CurrentViewValue } from './CurrentViewSection';

const TITLE = 'Current View at open';
const ORDER = ['completedDate', 'reason', 'ratings', 'grouping'];

interface OpeningViewDraft extends CurrentViewValue {
  completedDate: string;
}

/** The Current View at open, with the THRIVE grouping chosen with the family. */
export function CurrentViewForm({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const saved = useSavedDraft('current_view', caseId);
  const { navigate } = useNavigationActions();
  usePageTitle(TITLE);

  const back = (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
  if (data.status === 'loading' || (data.status === 'ready' && saved.status === 'loading')) {
    return (
      <>
        {back}
        <PageHeading>{TITLE}</PageHeading>
        <Loading what="the case" />
      </>
    );
  }
  if (data.status === 'error') {
    return (
      <>
        {back}
        <PageHeading>{TITLE}</PageHeading>
        <LoadProblem message={data.error.message} onRetry={reload} />
      </>
    );
  }
  const detail = data.value;
  if (detail.currentViews.some((cv) => cv.context === 'open')) {
    return (
      <>
        {back}
        <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
        <p>The Current View at open has already been recorded for this case.</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'case', caseId })}>
          Go to the case
        </button>
      </>
    );
  }
  return <CurrentViewEditor detail={detail} back={back} saved={saved.status === 'ready' ? saved.draft : null} />;
}

function caseCaption(detail: CaseDetail): string {
  return `${detail.summary.name}, case ${detail.summary.caseRef}`;
}

function CurrentViewEditor({ detail, back, saved }: { detail: CaseDetail; back: ReactNode; saved: DraftRecord | null }) {
  const today = useToday() ?? '';
  const { navigateAfterSave } = useNavigationActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const draft = useDraft<OpeningViewDraft>({
    kind: 'current_view',
    caseId: detail.summary.id,
    saved,
    initial: () => ({ completedDate: formatUkDate(today), reason: 'first_contact', grouping: '', ratings: {} }),
    restore: (payload, blank) => {
      const p = asFields(payload);
      return {
        completedDate: str(p.completedDate, blank.completedDate),
        reason: choice(p.reason, CURRENT_VIEW_REASONS, blank.reason),
        grouping: choice(p.grouping, OPENING_GROUPINGS, blank.grouping),
        ratings: restoreRatings(p.ratings),
      };
    },
  });
  const { completedDate, reason, grouping, ratings } = draft.value;
  const { setValue } = draft;
  usePageTitle(TITLE, form.errors.length > 0);

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
      completedDate: date.value,
      reason: reason || undefined,
      grouping: grouping || undefined,
      ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v !== undefined)),
    };
    const checked = validateWith(RecordOpeningCurrentViewArgs, input, currentViewRules, {
      today,
      openDate: detail.summary.openDate,
      context: 'open' as const,
    });
    if (!checked.ok) return form.fail(inFormOrder(withMessages(checked.fields, { completedDate: date.message }), ORDER));
    await form.save(async () => {
      await draft.whileSaving(() => request((api) => api.currentView.record(checked.value)));
      form.clear();
      navigateAfterSave({ name: 'plan', caseId: detail.summary.id });
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
      <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
      <DraftNotice draft={draft} />
      <p className="lede">
        Rate each item from what you understand now. A rating records your current understanding and need not imply a
        diagnosis. Choose Not known only when there is too little information to rate at all.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
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
        <CurrentViewSection
          value={draft.value}
          onChange={onChange}
          messageFor={form.messageFor}
          groupings={OPENING_GROUPINGS}
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

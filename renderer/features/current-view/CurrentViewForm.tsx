import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import {
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASON_LABELS,
  CURRENT_VIEW_REASONS,
  type CurrentViewReason,
} from '../../../shared/domain/current-view';
import { GROUPING_LABELS, OPENING_GROUPINGS, type GroupingCode } from '../../../shared/domain/groupings';
import { currentViewRules, RecordOpeningCurrentViewArgs } from '../../../shared/ipc/schemas/current-view';
import type { CaseDetail } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { DateInput } from '../../components/DateInput';
import { ErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../components/field-ids';
import { RadioGroup } from '../../components/fields';
import { inFormOrder, readUkDate, useFormErrors, withMessages } from '../../components/form-errors';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { useToday } from '../../stores/session';
import { CurrentViewGrid, type Ratings } from './CurrentViewGrid';
import type { ItemRating } from './rating-keys';

const TITLE = 'Current View at open';
const ORDER = ['completedDate', 'reason', 'ratings', 'grouping'];
const REASON_OPTIONS = CURRENT_VIEW_REASONS.map((value) => ({ value, label: CURRENT_VIEW_REASON_LABELS[value] }));
const GROUPING_OPTIONS = OPENING_GROUPINGS.map((value) => ({ value, label: GROUPING_LABELS[value] }));

/** The Current View at open, with the THRIVE grouping chosen with the family. */
export function CurrentViewForm({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const { navigate } = useNavigationActions();
  usePageTitle(TITLE);

  const back = (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
  if (data.status === 'loading') {
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
  return <CurrentViewEditor detail={detail} back={back} />;
}

function caseCaption(detail: CaseDetail): string {
  return `${detail.summary.name}, case ${detail.summary.caseRef}`;
}

function CurrentViewEditor({ detail, back }: { detail: CaseDetail; back: ReactNode }) {
  const today = useToday() ?? '';
  const { navigateAfterSave } = useNavigationActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const [completedDate, setCompletedDate] = useState(() => formatUkDate(today));
  const [reason, setReason] = useState<CurrentViewReason>('first_contact');
  const [grouping, setGrouping] = useState<GroupingCode | ''>('');
  const [ratings, setRatings] = useState<Ratings>({});
  usePageTitle(TITLE, form.errors.length > 0);

  const onRate = useCallback(
    (code: string, value: ItemRating) => {
      setRatings((r) => (r[code] === value ? r : { ...r, [code]: value }));
      markDirty();
    },
    [markDirty],
  );
  const focusGrouping = useCallback(() => document.getElementById(fieldId('grouping'))?.focus(), []);
  const rated = CURRENT_VIEW_ITEMS.filter((item) => ratings[item.code] !== undefined).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const date = readUkDate(completedDate, 'Date completed');
    const input = {
      caseId: detail.summary.id,
      completedDate: date.value,
      reason,
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
      await request((api) => api.currentView.record(checked.value));
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
            setCompletedDate(v);
            markDirty();
          }}
          error={form.messageFor('completedDate')}
        />
        <RadioGroup
          path="reason"
          label="Reason for completing"
          options={REASON_OPTIONS}
          value={reason}
          onChange={(v) => {
            setReason(v);
            markDirty();
          }}
          error={form.messageFor('reason')}
        />
        <div className="cv-toolbar">
          <p className="cv-toolbar__count" role="status">
            {rated} of {CURRENT_VIEW_ITEMS.length} rated
          </p>
          <p className="cv-toolbar__keys" id="cv-keys">
            Keys: <kbd>0</kbd> None, <kbd>1</kbd> Mild, <kbd>2</kbd> Moderate, <kbd>3</kbd> Severe, <kbd>k</kbd> Not
            known; complexity factors <kbd>y</kbd> Yes, <kbd>n</kbd> No. <kbd>↑</kbd> <kbd>↓</kbd> move between items.
          </p>
        </div>
        <CurrentViewGrid ratings={ratings} onRate={onRate} messageFor={form.messageFor} onPastLast={focusGrouping} />
        <RadioGroup
          path="grouping"
          label="THRIVE grouping agreed with the family"
          hint="Choose it with the young person and family: it is a shared decision, not worked out from the ratings."
          options={GROUPING_OPTIONS}
          value={grouping}
          onChange={(v) => {
            setGrouping(v);
            markDirty();
          }}
          error={form.messageFor('grouping')}
        />
        <button type="submit" className="button">
          Save Current View
        </button>
      </form>
    </>
  );
}

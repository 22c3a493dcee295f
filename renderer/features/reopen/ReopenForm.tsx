import { useCallback, type FormEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { ReopenCaseArgs, reopenCaseRules } from '../../../shared/ipc/schemas/ending';
import type { CaseDetail, Clinician } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { CaseFormErrors, CaseFormFrame, caseCaption, type CaseFormLoaded } from '../../components/case-form';
import { DateInput } from '../../components/DateInput';
import { asFields, strings } from '../../components/draft-payload';
import { DraftNotice } from '../../components/DraftNotice';
import { Select, TextArea } from '../../components/fields';
import { inFormOrder, readUkDate, useFormErrors, withMessages } from '../../components/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft } from '../../components/use-draft';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile, useSessionActions } from '../../stores/session';

const TITLE = 'Re-open as a new episode';
const LABELS = { referralDate: 'Referral date', openDate: 'Re-open date' } as const;
const ORDER = ['referralDate', 'openDate', 'leadClinicianId', 'reason'];

interface ReopenDraft {
  referralDate: string;
  openDate: string;
  leadClinicianId: string;
  reason: string;
}
const FIELDS = ['referralDate', 'openDate', 'leadClinicianId', 'reason'] as const;

/**
 * Re-opening a closed case: a new episode, linked to the old one, which stays as it was. The new
 * episode starts like a new case, with the Current View at open.
 */
export function ReopenForm({ caseId }: { caseId: string }) {
  return (
    <CaseFormFrame
      caseId={caseId}
      title={TITLE}
      draftKind="reopen"
      needs="closed"
      notReady={(detail) => (detail.summary.status === 'closed' && !detail.nextEpisodeId ? null : <NotClosed detail={detail} />)}
    >
      {(loaded) => <ReopenEditor {...loaded} />}
    </CaseFormFrame>
  );
}

/** Only a closed case that has not been re-opened already can be re-opened. */
function NotClosed({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  const { status } = detail.summary;
  const next = detail.nextEpisodeId;
  return (
    <>
      <p>
        {status === 'open'
          ? 'This case is open: only a closed case can be re-opened.'
          : 'This case has already been re-opened as a new episode.'}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => navigate({ name: 'case', caseId: status === 'open' || !next ? detail.summary.id : next })}
      >
        {status === 'open' || !next ? 'Go to the case' : 'Go to the new episode'}
      </button>
    </>
  );
}

function ReopenEditor({ detail, saved, reload, today }: CaseFormLoaded) {
  const profile = useProfile();
  const { navigateAfterSave } = useNavigationActions();
  const { load } = useSessionActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const closedDate = detail.summary.closedDate ?? today;
  const teamId = profile?.teamId ?? '';
  const { data: clinicians } = useApiData((api) => api.clinicians.list({ teamId }), `clinicians:${teamId}`);
  const autosave = useDraft<ReopenDraft>({
    kind: 'reopen',
    caseId,
    saved,
    initial: () => ({ referralDate: '', openDate: formatUkDate(today), leadClinicianId: profile?.id ?? '', reason: '' }),
    restore: (payload, blank) => ({ ...blank, ...strings(asFields(payload), blank, FIELDS) }),
  });
  const { value: draft, setValue } = autosave;
  usePageTitle(TITLE, form.errors.length > 0);

  const set = useCallback(
    <K extends keyof ReopenDraft>(key: K) =>
      (value: ReopenDraft[K]) => {
        setValue((d) => ({ ...d, [key]: value }));
        markDirty();
      },
    [setValue, markDirty],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const referral = readUkDate(draft.referralDate, LABELS.referralDate);
    const open = readUkDate(draft.openDate, LABELS.openDate);
    const input = {
      caseId,
      caseVersion: detail.summary.version,
      referralDate: referral.value,
      openDate: open.value,
      leadClinicianId: draft.leadClinicianId,
      reason: draft.reason,
    };
    const checked = validateWith(ReopenCaseArgs, input, reopenCaseRules, { today, closedDate });
    if (!checked.ok) {
      const messages = { referralDate: referral.message, openDate: open.message };
      return form.fail(inFormOrder(withMessages(checked.fields, messages), ORDER));
    }
    await form.save(async () => {
      const opened = await autosave.whileSaving(() => request((api) => api.cases.reopen(checked.value)));
      form.clear();
      void load({ quiet: true });
      navigateAfterSave({ name: 'current-view', caseId: opened.id });
    });
  };

  return (
    <>
      <CaseFormErrors form={form} caseId={caseId} onReload={reload} />
      <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
      <DraftNotice draft={autosave} />
      <div className="inset">
        <p>
          Episode {detail.summary.episodeNo} ended on {formatUkDate(detail.summary.closedDate)} and stays as it was. The
          new episode is linked to it and starts with the Current View at open, then a new plan.
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DateInput
          path="referralDate"
          label={LABELS.referralDate}
          value={draft.referralDate}
          onChange={set('referralDate')}
          error={form.messageFor('referralDate')}
        />
        <DateInput
          path="openDate"
          label={LABELS.openDate}
          value={draft.openDate}
          onChange={set('openDate')}
          error={form.messageFor('openDate')}
        />
        <Select
          path="leadClinicianId"
          label="Lead clinician"
          hint="The one named person who coordinates the plan"
          value={draft.leadClinicianId}
          options={clinicianOptions(clinicians.status === 'ready' ? clinicians.value : [], profile)}
          onChange={set('leadClinicianId')}
          error={form.messageFor('leadClinicianId')}
        />
        <TextArea
          path="reason"
          label="Why the case is being re-opened"
          value={draft.reason}
          onChange={set('reason')}
          error={form.messageFor('reason')}
          rows={4}
        />
        <button type="submit" className="button">
          Re-open case
        </button>
      </form>
    </>
  );
}

/** The team's clinicians, the profile first; the profile alone until the list arrives. */
function clinicianOptions(team: readonly Clinician[], profile: Clinician | null) {
  const people = profile ? [profile, ...team.filter((c) => c.id !== profile.id)] : [...team];
  return people.map((c) => ({ value: c.id, label: profile && c.id === profile.id ? `${c.name} (you)` : c.name }));
}

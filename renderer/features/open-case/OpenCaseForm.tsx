import { type FormEvent } from 'react';
import { openCaseRules, OpenCaseArgs } from '../../../shared/ipc/schemas/cases';
import type { Clinician, DraftRecord } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { DateInput } from '../../components/DateInput';
import { asFields, strings } from '../../components/draft-payload';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput } from '../../components/fields';
import { inFormOrder, readUkDate, useFormErrors, withMessages } from '../../components/form-errors';
import { BackLink, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useDraft, useSavedDraft } from '../../components/use-draft';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile, useSessionActions, useToday } from '../../stores/session';

interface Draft {
  caseRef: string;
  name: string;
  dateOfBirth: string;
  nhsNumber: string;
  referralDate: string;
  openDate: string;
  leadClinicianId: string;
  coordinatingAgency: string;
}

const ORDER = ['caseRef', 'name', 'dateOfBirth', 'nhsNumber', 'referralDate', 'openDate', 'leadClinicianId', 'coordinatingAgency'];

const DATE_LABELS = { dateOfBirth: 'Date of birth', referralDate: 'Referral date', openDate: 'Open date' } as const;

const DRAFT_FIELDS = ['caseRef', 'name', 'dateOfBirth', 'nhsNumber', 'referralDate', 'openDate', 'leadClinicianId', 'coordinatingAgency'] as const;

/** Open a new case. On success the clinician goes straight on to the Current View at open. */
export function OpenCaseForm() {
  // A new case has no id yet: its draft is the one "open a case" draft (case id null).
  const saved = useSavedDraft('open_case', null);
  const { navigate } = useNavigationActions();
  usePageTitle('Open a case');
  if (saved.status === 'loading') {
    return (
      <>
        <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
          Back to caseload
        </BackLink>
        <Loading what="the form" />
      </>
    );
  }
  return <OpenCaseEditor saved={saved.draft} />;
}

function OpenCaseEditor({ saved }: { saved: DraftRecord | null }) {
  const profile = useProfile();
  const today = useToday() ?? '';
  const { navigate, navigateAfterSave } = useNavigationActions();
  const { load } = useSessionActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const autosave = useDraft<Draft>({
    kind: 'open_case',
    caseId: null,
    saved,
    initial: () => ({
      caseRef: '',
      name: '',
      dateOfBirth: '',
      nhsNumber: '',
      referralDate: '',
      openDate: '',
      leadClinicianId: profile?.id ?? '',
      coordinatingAgency: 'CAMHS',
    }),
    restore: (payload, blank) => ({ ...blank, ...strings(asFields(payload), blank, DRAFT_FIELDS) }),
  });
  const { value: draft, setValue: setDraft } = autosave;
  const teamId = profile?.teamId ?? '';
  const { data: clinicians } = useApiData((api) => api.clinicians.list({ teamId }), `clinicians:${teamId}`);
  usePageTitle('Open a case', form.errors.length > 0);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    markDirty();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const dob = readUkDate(draft.dateOfBirth, DATE_LABELS.dateOfBirth);
    const referral = readUkDate(draft.referralDate, DATE_LABELS.referralDate);
    const open = readUkDate(draft.openDate, DATE_LABELS.openDate);
    const input = {
      caseRef: draft.caseRef,
      name: draft.name,
      dateOfBirth: dob.value,
      nhsNumber: draft.nhsNumber,
      referralDate: referral.value,
      openDate: open.value,
      leadClinicianId: draft.leadClinicianId,
      coordinatingAgency: draft.coordinatingAgency,
    };
    const checked = validateWith(OpenCaseArgs, input, openCaseRules, { today });
    if (!checked.ok) {
      const messages = { dateOfBirth: dob.message, referralDate: referral.message, openDate: open.message };
      return form.fail(inFormOrder(withMessages(checked.fields, messages), ORDER));
    }
    await form.save(async () => {
      const opened = await autosave.whileSaving(() => request((api) => api.cases.open(checked.value)));
      form.clear();
      void load({ quiet: true });
      navigateAfterSave({ name: 'current-view', caseId: opened.id });
    });
  };

  const clinicianOptions = leadClinicianOptions(clinicians.status === 'ready' ? clinicians.value : [], profile);

  return (
    <>
      <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
        Back to caseload
      </BackLink>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Open a case</PageHeading>
      <DraftNotice draft={autosave} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput
          path="caseRef"
          label="Case reference"
          hint="The local reference for this episode of care, for example from RiO or SystmOne"
          value={draft.caseRef}
          onChange={set('caseRef')}
          error={form.messageFor('caseRef')}
          width={10}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          path="name"
          label="Young person's name"
          value={draft.name}
          onChange={set('name')}
          error={form.messageFor('name')}
          width={30}
          autoComplete="off"
        />
        <DateInput
          path="dateOfBirth"
          label={DATE_LABELS.dateOfBirth}
          value={draft.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={form.messageFor('dateOfBirth')}
        />
        <TextInput
          path="nhsNumber"
          label="NHS number (optional)"
          hint="10 digits, for example 943 476 5919. Leave blank if not known."
          value={draft.nhsNumber}
          onChange={set('nhsNumber')}
          error={form.messageFor('nhsNumber')}
          width={10}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
        />
        <DateInput
          path="referralDate"
          label={DATE_LABELS.referralDate}
          value={draft.referralDate}
          onChange={set('referralDate')}
          error={form.messageFor('referralDate')}
        />
        <DateInput
          path="openDate"
          label={DATE_LABELS.openDate}
          value={draft.openDate}
          onChange={set('openDate')}
          error={form.messageFor('openDate')}
        />
        <Select
          path="leadClinicianId"
          label="Lead clinician"
          hint="The one named person who coordinates the plan"
          value={draft.leadClinicianId}
          options={clinicianOptions}
          onChange={set('leadClinicianId')}
          error={form.messageFor('leadClinicianId')}
        />
        <TextInput
          path="coordinatingAgency"
          label="Coordinating agency"
          value={draft.coordinatingAgency}
          onChange={set('coordinatingAgency')}
          error={form.messageFor('coordinatingAgency')}
          width={20}
        />
        <button type="submit" className="button">
          Open case
        </button>
      </form>
    </>
  );
}

/** The team's clinicians, the profile first; the profile alone until the list arrives. */
function leadClinicianOptions(team: readonly Clinician[], profile: Clinician | null) {
  const people = profile ? [profile, ...team.filter((c) => c.id !== profile.id)] : [...team];
  return people.map((c) => ({ value: c.id, label: profile && c.id === profile.id ? `${c.name} (you)` : c.name }));
}

import { type FormEvent } from 'react';
import { openCaseRules, OpenCaseArgs } from '../../../shared/ipc/schemas/cases';
import type { DraftRecord } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { DateInput } from '../../components/DateInput';
import { asFields, strings } from '../../lib/draft-payload';
import { DraftNotice } from '../../components/DraftNotice';
import { blankEpisode, EPISODE_FIELDS, EpisodeFields, readEpisode, useSaveEpisode, type EpisodeDraft } from '../../components/EpisodeFields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { inFormOrder, readUkDate, useFormErrors, withMessages } from '../../lib/form-errors';
import { BackLink, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useDraft, useSavedDraft } from '../../hooks/use-draft';
import { useDraftFields, type DraftFields } from '../../hooks/use-draft-fields';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile, useToday } from '../../stores/session';

interface Draft extends EpisodeDraft {
  caseRef: string;
  name: string;
  dateOfBirth: string;
  nhsNumber: string;
  coordinatingAgency: string;
}

/** The form's fields in the order they are shown (errors follow it); each is kept in the draft. */
const FIELDS = ['caseRef', 'name', 'dateOfBirth', 'nhsNumber', ...EPISODE_FIELDS, 'coordinatingAgency'] as const;

/** A reference or number is kept as typed: the browser neither offers past entries nor spell-checks it. */
const AS_TYPED = { autoComplete: 'off', spellCheck: false } as const;

const DATE_OF_BIRTH_LABEL = 'Date of birth';
const OPEN_DATE_LABEL = 'Open date';

/** Open a new case. On success the clinician goes straight on to the Current View at open. */
export function OpenCaseForm() {
  // A new case has no id yet: its draft is the one "open a case" draft (case id null).
  const saved = useSavedDraft('open_case', null);
  usePageTitle('Open a case');
  if (saved.status === 'loading') {
    return (
      <>
        <BackToCaseload />
        <Loading what="the form" />
      </>
    );
  }
  return <OpenCaseEditor saved={saved.draft} />;
}

function BackToCaseload() {
  const { navigate } = useNavigationActions();
  return (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
}

function OpenCaseEditor({ saved }: { saved: DraftRecord | null }) {
  const profile = useProfile();
  const today = useToday() ?? '';
  const form = useFormErrors();
  const autosave = useDraft<Draft>({
    kind: 'open_case',
    caseId: null,
    saved,
    initial: () => ({ caseRef: '', name: '', dateOfBirth: '', nhsNumber: '', ...blankEpisode(profile), coordinatingAgency: 'CAMHS' }),
    restore: (payload, blank) => ({ ...blank, ...strings(asFields(payload), blank, FIELDS) }),
  });
  const { bind } = useDraftFields(autosave, form);
  const saveEpisode = useSaveEpisode(form, autosave);
  usePageTitle('Open a case', form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const draft = autosave.value;
    const dob = readUkDate(draft.dateOfBirth, DATE_OF_BIRTH_LABEL);
    const episode = readEpisode(draft, OPEN_DATE_LABEL);
    const input = {
      caseRef: draft.caseRef,
      name: draft.name,
      dateOfBirth: dob.value,
      nhsNumber: draft.nhsNumber,
      ...episode.input,
      coordinatingAgency: draft.coordinatingAgency,
    };
    const checked = validateWith(OpenCaseArgs, input, openCaseRules, { today });
    if (!checked.ok) {
      const messages = { dateOfBirth: dob.message, ...episode.messages };
      return form.fail(inFormOrder(withMessages(checked.fields, messages), FIELDS));
    }
    await saveEpisode((api) => api.cases.open(checked.value));
  };

  return (
    <>
      <BackToCaseload />
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Open a case</PageHeading>
      <DraftNotice draft={autosave} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <YoungPersonFields bind={bind} />
        <EpisodeFields bind={bind} openDateLabel={OPEN_DATE_LABEL} />
        <TextInput {...bind('coordinatingAgency')} label="Coordinating agency" width={20} />
        <button type="submit" className="button">
          Open case
        </button>
      </form>
    </>
  );
}

/** Who the case is about, and the local reference of this episode of care. */
function YoungPersonFields({ bind }: { bind: DraftFields<Draft>['bind'] }) {
  return (
    <>
      <TextInput
        {...bind('caseRef')}
        {...AS_TYPED}
        label="Case reference"
        hint="The local reference for this episode of care, for example from RiO or SystmOne"
        width={10}
      />
      <TextInput {...bind('name')} label="Young person's name" width={30} autoComplete="off" />
      <DateInput {...bind('dateOfBirth')} label={DATE_OF_BIRTH_LABEL} />
      <TextInput
        {...bind('nhsNumber')}
        {...AS_TYPED}
        label="NHS number (optional)"
        hint="10 digits, for example 943 476 5919. Leave blank if not known."
        width={10}
        inputMode="numeric"
      />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { validateWith } from '../../../shared/ipc/validate';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/ipc/schemas/clinicians';
import { request } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, TextInput } from '../../components/fields';
import { useFormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useNavigationActions } from '../../stores/navigation';
import { useSessionActions } from '../../stores/session';
import { ProfileSetupArgs } from '../../../shared/ipc/schemas/profile';

const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** First run: who is using this app. Their name is recorded against every change they make. */
export function ProfileSetup() {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [teamName, setTeamName] = useState('');
  const form = useFormErrors();
  const { setProfile, load } = useSessionActions();
  const { navigateAfterSave } = useNavigationActions();
  usePageTitle('Set up your profile', form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(ProfileSetupArgs, { name, role: role || undefined, teamName });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      const profile = await request((api) => api.profile.setup(checked.value));
      form.clear();
      setProfile(profile);
      navigateAfterSave({ name: 'caseload' });
      void load({ quiet: true });
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Set up your profile</PageHeading>
      <p className="lede">
        Your name is recorded against every change you make to a case. Records stay on this computer.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput
          path="name"
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={form.messageFor('name')}
          width={30}
        />
        <RadioGroup<Role> path="role" label="Role" options={ROLE_OPTIONS} value={role} onChange={setRole} error={form.messageFor('role')} />
        <TextInput
          path="teamName"
          label="Team"
          hint="For example, Tower Hamlets CAMHS Getting Help team"
          value={teamName}
          onChange={setTeamName}
          error={form.messageFor('teamName')}
          width={30}
        />
        <button type="submit" className="button">
          Save and continue
        </button>
      </form>
    </>
  );
}

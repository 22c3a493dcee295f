import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/ipc/schemas/clinicians';
import type { Clinician } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import { Select, type Option } from '../../components/fields';
import type { FormErrors } from '../../lib/form-errors';
import { SummaryRow } from '../../components/SummaryList';
import { useSessionActions } from '../../stores/session';
import { useSyncStatus } from '../../stores/sync';
import { onFormInputs } from './settings-errors';

const ROLE_OPTIONS: ReadonlyArray<Option<Role>> = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * Who is using the app, and their role. Working alone, the role can be changed here
 * (clinicians:update): the team view tells a clinician who needs it to do so, and a team lead can
 * hand the role back. In team mode the role is the one a service admin granted on the team server,
 * shown read-only in the Team server section (TeamServerSection.tsx) instead: nobody grants
 * themselves a team's records.
 */
export function ProfileSection({ profile, form }: { profile: Clinician; form: FormErrors }) {
  // The Team server section shows who the server says this is, with the role it grants.
  if (useSyncStatus()?.mode === 'team') return null;
  return <SoloProfile profile={profile} form={form} />;
}

function SoloProfile({ profile, form }: { profile: Clinician; form: FormErrors }) {
  const { setProfile } = useSessionActions();
  const [role, setRole] = useState<Role>(profile.role);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    setDone(null);
    if (role === profile.role) return form.fail([{ path: 'profileRole', message: `You are already a ${ROLE_LABELS[role].toLowerCase()}` }]);
    await form.save(async () => {
      try {
        const updated = await request((api) => api.clinicians.update({ clinicianId: profile.id, role }));
        setProfile(updated);
        form.clear();
        setDone(`Your role is now ${ROLE_LABELS[updated.role].toLowerCase()}.`);
      } catch (error) {
        form.fail(onFormInputs(error, { role: 'profileRole' }, 'profileRole'));
      }
    });
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 className="heading-m" id="profile-heading">
        Your profile
      </h2>
      <dl className="summary-list">
        <SummaryRow label="Name">{profile.name}</SummaryRow>
        <SummaryRow label="Role">{ROLE_LABELS[profile.role]}</SummaryRow>
        <SummaryRow label="Team">{profile.teamName}</SummaryRow>
      </dl>
      <form className="role-form" noValidate onSubmit={(e) => void submit(e)}>
        <Select
          path="profileRole"
          label="Your role"
          hint="Team leads also see the team view: the whole team's cases, figures and exports."
          value={role}
          options={ROLE_OPTIONS}
          onChange={(v) => setRole(v)}
          error={form.messageFor('profileRole')}
        />
        <button type="submit" className="button button--secondary">
          Change role
        </button>
      </form>
      <p role="status" className="settings-done">
        {done}
      </p>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { ClinicianCreateArgs, ROLE_LABELS, ROLES, type Role } from '../../../shared/ipc/schemas/clinicians';
import { validateWith } from '../../../shared/ipc/validate';
import type { Clinician, Team } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import { useApiData } from '../../hooks/use-api-data';
import { ErrorMessage, Select, TextInput, type Option } from '../../components/fields';
import { describedBy, errorIdFor, fieldId } from '../../lib/field-ids';
import type { FormErrors } from '../../lib/form-errors';
import { LoadProblem, Loading } from '../../components/page';
import { useSessionActions } from '../../stores/session';
import { onFormInputs } from './settings-errors';
import { TeamCreateArgs } from '../../../shared/ipc/schemas/teams';

const ROLE_OPTIONS: ReadonlyArray<Option<Role>> = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const movePath = (clinicianId: string) => `moveTeam.${clinicianId}`;

/**
 * A team lead's Settings section: the team's members (name, role) with "Move to another team" for
 * each, "Add a clinician" and "Add a team". Errors show beside the field and in the page's summary.
 */
export function TeamSection({ profile, form }: { profile: Clinician; form: FormErrors }) {
  const { load } = useSessionActions();
  const [done, setDone] = useState<string | null>(null);
  const { data: members, reload: reloadMembers } = useApiData((api) => api.clinicians.list({ teamId: profile.teamId }), `members:${profile.teamId}`);
  const { data: teams, reload: reloadTeams } = useApiData((api) => api.teams.list({}), 'teams');
  // Reloads keep the lists on screen meanwhile, so focus stays where it was.
  const refresh = (message: string) => {
    setDone(message);
    reloadMembers();
    reloadTeams();
  };

  return (
    <section aria-labelledby="team-settings-heading" className="team-settings">
      <h2 className="heading-m" id="team-settings-heading" tabIndex={-1}>
        Team
      </h2>
      <p role="status" className="settings-done">
        {done}
      </p>
      {members.status === 'loading' || teams.status === 'loading' ? <Loading what="the team" /> : null}
      {members.status === 'error' ? <LoadProblem message={members.error.message} onRetry={reloadMembers} /> : null}
      {teams.status === 'error' ? <LoadProblem message={teams.error.message} onRetry={reloadTeams} /> : null}
      {members.status === 'ready' && teams.status === 'ready' ? (
        <MembersTable
          profile={profile}
          members={members.value}
          teams={teams.value}
          form={form}
          onMoved={(who, team) => {
            // Moving yourself changes the team shown in the header and scoped by the team view.
            if (who.id === profile.id) void load({ quiet: true });
            refresh(`${who.name} moved to ${team.name}.`);
            // Their row (and the button just pressed) goes: focus the section's heading instead.
            document.getElementById('team-settings-heading')?.focus();
          }}
        />
      ) : null}
      <AddClinicianForm teamId={profile.teamId} teamName={profile.teamName} form={form} onAdded={(c) => refresh(`${c.name} added to ${c.teamName}.`)} />
      <AddTeamForm form={form} onAdded={(t) => refresh(`Team ${t.name} added.`)} />
    </section>
  );
}

function MembersTable({
  profile,
  members,
  teams,
  form,
  onMoved,
}: {
  profile: Clinician;
  members: readonly Clinician[];
  teams: readonly Team[];
  form: FormErrors;
  onMoved(who: Clinician, to: Team): void;
}) {
  const otherTeams = teams.filter((t) => t.id !== profile.teamId);
  return (
    <div className="table-container">
      <table className="table members-table">
        <caption className="table__caption table__caption--s">Members of {profile.teamName}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Move to another team</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row" id={`member-${m.id}`}>
                {m.name}
                {m.id === profile.id ? ' (you)' : ''}
              </th>
              <td>{ROLE_LABELS[m.role]}</td>
              <td>
                {otherTeams.length > 0 ? (
                  <MoveForm member={m} teams={otherTeams} form={form} onMoved={onMoved} />
                ) : (
                  <span className="muted">Add another team first.</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One member's "Move to another team" select and "Move" button; the member's name describes both. */
function MoveForm({ member, teams, form, onMoved }: { member: Clinician; teams: readonly Team[]; form: FormErrors; onMoved(who: Clinician, to: Team): void }) {
  const [teamId, setTeamId] = useState('');
  const path = movePath(member.id);
  const error = form.messageFor(path);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const team = teams.find((t) => t.id === teamId);
    if (!team) return form.fail([{ path, message: `Choose the team to move ${member.name} to` }]);
    await form.save(async () => {
      try {
        const moved = await request((api) => api.clinicians.update({ clinicianId: member.id, teamId: team.id }));
        form.clear();
        onMoved(moved, team);
      } catch (e) {
        form.fail(onFormInputs(e, { teamId: path, clinicianId: path }, path));
      }
    });
  };

  return (
    <form className={`move-form${error ? ' form-group--error' : ''}`} noValidate onSubmit={(e) => void submit(e)}>
      <label className="label move-form__label" htmlFor={fieldId(path)}>
        Move to another team
      </label>
      {error ? <ErrorMessage path={path} message={error} /> : null}
      <select
        className={`select${error ? ' select--error' : ''}`}
        id={fieldId(path)}
        name={path}
        value={teamId}
        onChange={(e) => setTeamId(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`member-${member.id}`, error ? errorIdFor(path) : null)}
      >
        <option value="">Choose a team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button button--secondary button--small" aria-describedby={`member-${member.id}`}>
        Move
      </button>
    </form>
  );
}

function AddClinicianForm({
  teamId,
  teamName,
  form,
  onAdded,
}: {
  teamId: string;
  teamName: string;
  form: FormErrors;
  onAdded(c: Clinician): void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clinician');
  const paths = { name: 'newClinician.name', role: 'newClinician.role', teamId: 'newClinician.name' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(ClinicianCreateArgs, { name, role, teamId });
    if (!checked.ok) return form.fail(checked.fields.map((f) => ({ path: paths[f.path as keyof typeof paths] ?? paths.name, message: f.message })));
    await form.save(async () => {
      try {
        const created = await request((api) => api.clinicians.create(checked.value));
        form.clear();
        setName('');
        setRole('clinician');
        onAdded(created);
      } catch (e) {
        form.fail(onFormInputs(e, paths, paths.name));
      }
    });
  };

  return (
    <form className="settings-subform" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-clinician-heading">
      <h3 className="heading-s" id="add-clinician-heading">
        Add a clinician to {teamName}
      </h3>
      <TextInput path={paths.name} label="Name" value={name} onChange={setName} width={30} autoComplete="off" error={form.messageFor(paths.name)} />
      <Select path={paths.role} label="Role" value={role} options={ROLE_OPTIONS} onChange={(v) => setRole(v)} error={form.messageFor(paths.role)} />
      <button type="submit" className="button button--secondary">
        Add a clinician
      </button>
    </form>
  );
}

function AddTeamForm({ form, onAdded }: { form: FormErrors; onAdded(t: Team): void }) {
  const [name, setName] = useState('');
  const path = 'newTeam.name';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(TeamCreateArgs, { name });
    if (!checked.ok) return form.fail(checked.fields.map((f) => ({ path, message: f.message })));
    await form.save(async () => {
      try {
        const team = await request((api) => api.teams.create(checked.value));
        form.clear();
        setName('');
        onAdded(team);
      } catch (e) {
        form.fail(onFormInputs(e, { name: path }, path));
      }
    });
  };

  return (
    <form className="settings-subform" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-team-heading">
      <h3 className="heading-s" id="add-team-heading">
        Add a team
      </h3>
      <TextInput path={path} label="Team name" value={name} onChange={setName} width={30} autoComplete="off" error={form.messageFor(path)} />
      <button type="submit" className="button button--secondary">
        Add a team
      </button>
    </form>
  );
}

/**
 * Who may see the team view and what it covers. The team view is for team leads; it shows the team
 * lead's OWN team only (children's records are seen by those responsible for them: a lead of another
 * team is refused, not shown it) and may be drilled down to one clinician of that team.
 */
import { canSeeTeamView, TEAM_VIEW_FORBIDDEN_MESSAGE } from '../../../shared/domain/team-access';
import { AppError } from '../../../shared/ipc/result';
import type { Clinician, Team } from '../../../shared/ipc/types';
import type { OpenCaseScope } from '../../db/repos/caseload';
import { getClinician } from '../../db/repos/clinicians';
import { profileClinicianId } from '../../db/repos/settings';
import { getTeam } from '../../db/repos/teams';
import type { Db } from '../../db/sql';
import { getSyncState } from '../../sync/sync-state';
import { isTeamMode } from '../../sync/team-mode';

export { TEAM_VIEW_FORBIDDEN_MESSAGE };

export interface TeamScope {
  /** The team lead asking. */
  profile: Clinician;
  team: Team;
  /** Set when drilled down to one clinician of the team. */
  clinician: Clinician | null;
  /** The cases covered: the team's, or that clinician's within the team. */
  cases: OpenCaseScope;
}

/** The signed-in clinician, if they are a team lead; 'forbidden' otherwise (no profile, or a clinician). */
export function requireTeamLead(db: Db): Clinician {
  const id = profileClinicianId(db);
  const profile = id ? getClinician(db, id) : null;
  if (!profile || !canSeeTeamView(profile)) throw new AppError('forbidden', TEAM_VIEW_FORBIDDEN_MESSAGE);
  // In team mode only the role the server gave the signed-in person counts: a profile made on this
  // computer before joining (its role self-chosen) opens no team view.
  if (isTeamMode(db) && getSyncState(db, 'person')?.id !== profile.id) {
    throw new AppError('forbidden', 'Sign in to your team server: the team view follows the role your service admin granted you there.');
  }
  return profile;
}

function teamOrNotFound(db: Db, teamId: string): Team {
  const team = getTeam(db, teamId);
  if (!team) throw new AppError('not_found', 'There is no team with that id');
  return team;
}

function clinicianOfTeam(db: Db, team: Team, clinicianId: string): Clinician {
  const clinician = getClinician(db, clinicianId);
  if (!clinician || clinician.teamId !== team.id) throw new AppError('not_found', `There is no clinician with that id in ${team.name}`);
  return clinician;
}

export function resolveTeamScope(db: Db, args: { teamId?: string | undefined; clinicianId?: string | undefined }): TeamScope {
  const profile = requireTeamLead(db);
  const team = teamOrNotFound(db, args.teamId ?? profile.teamId);
  if (team.id !== profile.teamId)
    throw new AppError('forbidden', `The team view shows your own team only; ${team.name} is another team.`);
  if (args.clinicianId === undefined) return { profile, team, clinician: null, cases: { teamId: team.id } };
  const clinician = clinicianOfTeam(db, team, args.clinicianId);
  return { profile, team, clinician, cases: { teamId: team.id, clinicianId: clinician.id } };
}

export type ClinicianScope = TeamScope & { clinician: Clinician };

/** One clinician of the team lead's own team (the supervision pack). */
export function resolveClinicianScope(db: Db, clinicianId: string): ClinicianScope {
  const profile = requireTeamLead(db);
  const team = teamOrNotFound(db, profile.teamId);
  const clinician = clinicianOfTeam(db, team, clinicianId);
  return { profile, team, clinician, cases: { teamId: team.id, clinicianId: clinician.id } };
}

import { AppError } from '../../../shared/ipc/result';
import type { Clinician } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { getClinician, insertClinician } from '../../db/repos/clinicians';
import { getSetting, putSetting } from '../../db/repos/settings';
import { findTeamByName, insertTeam } from '../../db/repos/teams';
import { writeTx } from '../../db/sql';
import { refuseInTeamMode } from '../../sync/team-mode';
import { parseOrThrow, type WriteContext } from '../write-context';
import { ProfileSetupArgs, type ProfileSetupInput } from '../../../shared/ipc/schemas/profile';

/**
 * First run: who is using this app. Reuses the team when its name matches one already here (ignoring
 * case), creates the clinician and makes them the profile. The new clinician is the audit actor: they
 * are the person doing this.
 */
export function setupProfile(w: WriteContext, input: ProfileSetupInput): Clinician {
  // In team mode the profile is the signed-in person, with the role the server gives (main/sync/directory.ts).
  refuseInTeamMode(w.db);
  const v = parseOrThrow(ProfileSetupArgs, input);
  return writeTx(w.db, () => {
    const at = w.clock.now();
    const existingTeam = findTeamByName(w.db, v.teamName);
    const team = existingTeam ?? insertTeam(w.db, v.teamName, at);
    const clinicianId = insertClinician(w.db, { name: v.name, role: v.role, teamId: team.id }, at);
    if (!existingTeam) {
      appendAudit(w.db, { at, actorId: clinicianId, action: 'team.create', entity: 'team', entityId: team.id, after: team });
    }
    appendAudit(w.db, {
      at,
      actorId: clinicianId,
      action: 'clinician.create',
      entity: 'clinician',
      entityId: clinicianId,
      after: { name: v.name, role: v.role, teamId: team.id },
    });
    const before = getSetting(w.db, 'profileClinicianId');
    putSetting(w.db, 'profileClinicianId', clinicianId, at);
    appendAudit(w.db, {
      at,
      actorId: clinicianId,
      action: 'profile.set',
      entity: 'setting',
      entityId: 'profileClinicianId',
      before,
      after: clinicianId,
    });
    const clinician = getClinician(w.db, clinicianId);
    if (!clinician) throw new AppError('internal', 'The profile was not saved');
    return clinician;
  });
}

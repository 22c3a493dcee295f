import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/result';
import type { Clinician } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { listOpenCasesLedBy, moveOpenCasesOfClinician } from '../../db/repos/cases';
import { getClinician, teamMembershipExcept, updateClinicianRow } from '../../db/repos/clinicians';
import { getTeam } from '../../db/repos/teams';
import { writeTx } from '../../db/sql';
import { refuseInTeamMode } from '../../sync/team-mode';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';
import { ClinicianUpdateArgs } from '../../../shared/ipc/schemas/clinicians';

export const LAST_TEAM_LEAD_MESSAGE = 'A team needs at least one team lead';

/**
 * Renames a clinician, changes their role, or moves them to another team. Their open cases move with
 * them (the team view follows the lead clinician); closed cases stay with the team that held them. A
 * team is never left with members but no team lead (demoting or moving out its last one is refused).
 * All in one transaction, with an audit entry for the clinician and one for each case moved. In team
 * mode names, roles and teams come from the team server's directory only.
 */
export function updateClinician(w: WriteContext, input: z.input<typeof ClinicianUpdateArgs>): Clinician {
  refuseInTeamMode(w.db);
  const v = parseOrThrow(ClinicianUpdateArgs, input);
  return writeTx(w.db, () => {
    const before = getClinician(w.db, v.clinicianId);
    if (!before) throw new AppError('not_found', 'There is no clinician with that id');
    const newTeam = v.teamId === undefined ? null : getTeam(w.db, v.teamId);
    throwIfAny(v.teamId !== undefined && !newTeam ? [{ path: 'teamId', message: 'Choose a team that exists' }] : []);
    const after = { name: v.name ?? before.name, role: v.role ?? before.role, teamId: newTeam?.id ?? before.teamId };
    const teamName = newTeam?.name ?? before.teamName;
    if (after.name === before.name && after.role === before.role && after.teamId === before.teamId) return before;

    const movesTeam = after.teamId !== before.teamId;
    if (before.role === 'team_lead' && (after.role !== 'team_lead' || movesTeam)) {
      const others = teamMembershipExcept(w.db, before.teamId, before.id);
      const membersLeft = others.members + (movesTeam ? 0 : 1);
      if (membersLeft > 0 && others.leads === 0) throw new AppError('conflict', LAST_TEAM_LEAD_MESSAGE);
    }

    const at = w.clock.now();
    const moving = movesTeam ? listOpenCasesLedBy(w.db, before.id).filter((c) => c.team_id !== after.teamId) : [];
    updateClinicianRow(w.db, before.id, after);
    const moved = movesTeam ? moveOpenCasesOfClinician(w.db, before.id, after.teamId, at) : 0;
    appendAudit(w.db, {
      at,
      actorId: w.actor,
      action: 'clinician.update',
      entity: 'clinician',
      entityId: before.id,
      before: { name: before.name, role: before.role, teamId: before.teamId, teamName: before.teamName },
      after: { ...after, teamName, openCasesMoved: moved },
    });
    for (const c of moving) {
      appendAudit(w.db, {
        at,
        actorId: w.actor,
        caseId: c.id,
        youngPersonId: c.young_person_id,
        action: 'case.team_move',
        entity: 'case',
        entityId: c.id,
        before: { team: before.teamName },
        after: { team: teamName, teamId: after.teamId, leadClinician: after.name },
      });
    }
    const updated = getClinician(w.db, before.id);
    if (!updated) throw new AppError('internal', 'The clinician was not saved');
    return updated;
  });
}

import type { z } from 'zod';
import type { Team } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { findTeamByName, insertTeam } from '../../db/repos/teams';
import { writeTx } from '../../db/sql';
import { refuseInTeamMode } from '../../sync/team-mode';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';
import { TeamCreateArgs } from '../../../shared/ipc/schemas/teams';

/** A new team. Names are unique ignoring case, so "CAMHS North" and "camhs north" cannot both exist. */
export function createTeam(w: WriteContext, input: z.input<typeof TeamCreateArgs>): Team {
  refuseInTeamMode(w.db);
  const v = parseOrThrow(TeamCreateArgs, input);
  return writeTx(w.db, () => {
    const existing = findTeamByName(w.db, v.name);
    throwIfAny(existing ? [{ path: 'name', message: `There is already a team called ${existing.name}` }] : []);
    const at = w.clock.now();
    const team = insertTeam(w.db, v.name, at);
    appendAudit(w.db, { at, actorId: w.actor, action: 'team.create', entity: 'team', entityId: team.id, after: team });
    return team;
  });
}

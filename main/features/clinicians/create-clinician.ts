import { AppError } from '../../../shared/ipc/result';
import { ClinicianCreateArgs } from '../../../shared/ipc/schemas/clinicians';
import type { Clinician } from '../../../shared/ipc/types';
import type { z } from 'zod';
import { appendAudit } from '../../db/repos/audit';
import { getClinician, insertClinician } from '../../db/repos/clinicians';
import { getTeam } from '../../db/repos/teams';
import { writeTx } from '../../db/sql';
import { refuseInTeamMode } from '../../sync/team-mode';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

export function createClinician(w: WriteContext, input: z.input<typeof ClinicianCreateArgs>): Clinician {
  refuseInTeamMode(w.db);
  const v = parseOrThrow(ClinicianCreateArgs, input);
  return writeTx(w.db, () => {
    throwIfAny(getTeam(w.db, v.teamId) ? [] : [{ path: 'teamId', message: 'Choose a team that exists' }]);
    const at = w.clock.now();
    const id = insertClinician(w.db, v, at);
    appendAudit(w.db, { at, actorId: w.actor, action: 'clinician.create', entity: 'clinician', entityId: id, after: v });
    const clinician = getClinician(w.db, id);
    if (!clinician) throw new AppError('internal', 'The clinician was not saved');
    return clinician;
  });
}

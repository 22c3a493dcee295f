import { AppError } from '../../../shared/ipc/result';
import { getClinician } from '../../db/repos/clinicians';
import { loadSettings, profileClinicianId } from '../../db/repos/settings';
import type { Handlers } from '../../ipc/types';
import { buildCaseloadRows } from './build-caseload';

export const caseloadHandlers: Pick<Handlers, 'caseload:list'> = {
  'caseload:list': (args, { db, clock }) => {
    const clinicianId = args.clinicianId ?? profileClinicianId(db);
    if (!clinicianId) {
      throw new AppError('forbidden', 'No profile is set up yet: set up your profile, or say whose caseload to show');
    }
    const clinician = getClinician(db, clinicianId);
    if (!clinician) throw new AppError('not_found', 'There is no clinician with that id');
    const today = clock.today();
    return { today, clinician, rows: buildCaseloadRows(db, { clinicianId }, loadSettings(db), today) };
  },
};

import { countCases } from '../../db/repos/cases';
import { getClinician } from '../../db/repos/clinicians';
import { loadVersionedSettings, profileClinicianId } from '../../db/repos/settings';
import type { Handlers } from '../../ipc/types';

export const appHandlers: Pick<Handlers, 'app:state'> = {
  'app:state': (_args, { db, clock }) => {
    const profileId = profileClinicianId(db);
    return {
      profile: profileId ? getClinician(db, profileId) : null,
      settings: loadVersionedSettings(db),
      today: clock.today(),
      caseCount: countCases(db),
    };
  },
};

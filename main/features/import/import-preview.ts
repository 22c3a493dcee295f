/** import:preview — reads what the database holds once, then the pure preview over the file. */
import type { Clock } from '../../../shared/clock';
import type { ImportFileInput } from '../../../shared/ipc/schemas/import';
import type { Clinician } from '../../../shared/ipc/types';
import { allCaseRefs, allNhsNumbers, teamClinicianNames } from '../../db/repos/import';
import { loadSettings } from '../../db/repos/settings';
import type { Db } from '../../db/sql';
import { buildImportPreview, nameKey, type KnownRecords, type PreviewOutcome } from '../../import/preview';

export function knownRecords(db: Db, teamId: string): KnownRecords {
  const teamClinicians = new Map<string, string>();
  for (const c of teamClinicianNames(db, teamId)) if (!teamClinicians.has(nameKey(c.name))) teamClinicians.set(nameKey(c.name), c.id);
  return { caseRefs: allCaseRefs(db), nhsNumbers: allNhsNumbers(db), teamClinicians };
}

/** The preview of a file for the signed-in clinician's team (rows go to that team). */
export function previewImport(db: Db, clock: Clock, profile: Clinician, args: ImportFileInput): PreviewOutcome & { known: KnownRecords } {
  const known = knownRecords(db, profile.teamId);
  const outcome = buildImportPreview({
    fileName: args.fileName,
    contentBase64: args.contentBase64,
    mapping: args.mapping,
    today: clock.today(),
    settings: loadSettings(db),
    known,
  });
  return { ...outcome, known };
}

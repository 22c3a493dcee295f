/** import:preview — reads what the database holds once, then the pure preview over the file. */
import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/clock';
import type { ImportFileInput } from '../../../shared/ipc/schemas/import';
import type { Clinician } from '../../../shared/ipc/types';
import { allCaseRefs, allNhsNumbers, teamClinicianNames } from '../../db/repos/import';
import { loadSettings } from '../../db/repos/settings';
import { memoUntilChanged } from '../../db/read-memo';
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

/** Everything a preview depends on besides the database: the file, the column mapping, who and when. */
function previewKey(clock: Clock, profile: Clinician, args: ImportFileInput): string {
  return createHash('sha256')
    .update(JSON.stringify([args.fileName, args.mapping ?? null, profile.id, profile.teamId, clock.today()]))
    .update('\0')
    .update(args.contentBase64)
    .digest('hex');
}

/**
 * The preview, reused while the database is unchanged (main/db/read-memo.ts): the person checks a file
 * (import:preview) and then imports it (import:commit), and a 10,000-row file takes seconds to check.
 * The commit still decides inside its own write transaction whether it may use it (commit-import.ts).
 */
export function previewImportReused(db: Db, clock: Clock, profile: Clinician, args: ImportFileInput): PreviewOutcome & { known: KnownRecords } {
  return memoUntilChanged(db, 'importPreview', previewKey(clock, profile, args), () => previewImport(db, clock, profile, args));
}

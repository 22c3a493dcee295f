/**
 * Which cases an export covers and how they are read. Exports are of personal data, so they follow the
 * same rule as the screens: a clinician exports their own caseload; a team lead may export their own
 * team. Cases are read one at a time through the case page's own loader (buildCaseDetail: a fixed number
 * of indexed queries per case), as a generator, so a caseload export holds one case in memory at a time
 * and streams (the CLI writes each case's resources to disk as they are built).
 */
import type { IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import type { ExportScopeName } from '../../../shared/ipc/schemas/export';
import type { CaseDetail, Clinician } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { getClinician } from '../../db/repos/clinicians';
import { profileClinicianId } from '../../db/repos/settings';
import { stmt, type Db } from '../../db/sql';
import { slug } from '../../export/file-names';
import { buildCaseDetail } from '../cases/case-detail';
import { requireTeamLead } from '../team/team-scope';

/** Why a profile is needed, said for what the person was doing. */
const NO_PROFILE = {
  export: 'Set up your profile before exporting: exports are made in your name.',
  import: 'Set up your profile before importing: the cases join your team, and the import is recorded in your name.',
} as const;
export const NO_PROFILE_MESSAGE = NO_PROFILE.export;

export interface ResolvedExportScope {
  /** Who is exporting (the audit actor). */
  profile: Clinician;
  scope: ExportScopeName;
  includeClosed: boolean;
  /** "Caseload of Sam Patel" / "Team North CAMHS" — for titles and the audit trail. */
  label: string;
  /** For file names: `thrive-<fileStem>-<what>-<yyyy-mm-dd>.<ext>`, e.g. caseload-sam-patel. */
  fileStem: string;
  /** Case ids in a stable order (case reference, then episode). */
  caseIds: string[];
}

export function requireProfile(db: Db, purpose: keyof typeof NO_PROFILE = 'export'): Clinician {
  const id = profileClinicianId(db);
  const profile = id ? getClinician(db, id) : null;
  if (!profile) throw new AppError('forbidden', NO_PROFILE[purpose]);
  return profile;
}

function caseIdsOf(db: Db, column: 'lead_clinician_id' | 'team_id', value: string, includeClosed: boolean): string[] {
  const status = includeClosed ? '' : " AND status = 'open'";
  return stmt<[string], { id: string }>(
    db,
    `SELECT id FROM cases WHERE ${column} = ?${status} ORDER BY case_ref, episode_no`,
  )
    .all(value)
    .map((r) => r.id);
}

export function resolveExportScope(db: Db, args: { scope: ExportScopeName; includeClosed: boolean }): ResolvedExportScope {
  if (args.scope === 'team') {
    const profile = requireTeamLead(db);
    return {
      profile,
      scope: 'team',
      includeClosed: args.includeClosed,
      label: `Team ${profile.teamName}`,
      fileStem: `team-${slug(profile.teamName, 'team')}`,
      caseIds: caseIdsOf(db, 'team_id', profile.teamId, args.includeClosed),
    };
  }
  const profile = requireProfile(db);
  return {
    profile,
    scope: 'mine',
    includeClosed: args.includeClosed,
    label: `Caseload of ${profile.name}`,
    fileStem: `caseload-${slug(profile.name, 'clinician')}`,
    caseIds: caseIdsOf(db, 'lead_clinician_id', profile.id, args.includeClosed),
  };
}

/** One case exactly as the case page shows it; 'not_found' for an unknown id. */
export function loadCaseDetail(db: Db, caseId: string, settings: Settings, today: IsoDate): CaseDetail {
  return buildCaseDetail(db, caseId, settings, today);
}

/** The cases one at a time, in the order given: memory stays at one case however many there are. */
export function* caseDetails(db: Db, caseIds: readonly string[], settings: Settings, today: IsoDate): Generator<CaseDetail> {
  for (const id of caseIds) yield buildCaseDetail(db, id, settings, today);
}

/**
 * Every export of personal data is written to the audit trail: who took what out of the app, when, in
 * which format and how many cases (a case export is also filed under the case, so it shows in its History).
 */
export function auditExport(
  db: Db,
  entry: { at: string; actorId: string; format: string; fileName: string; cases: number; caseId?: string; youngPersonId?: string },
): void {
  appendAudit(db, {
    at: entry.at,
    actorId: entry.actorId,
    caseId: entry.caseId ?? null,
    youngPersonId: entry.youngPersonId ?? null,
    action: 'export.create',
    entity: 'export',
    entityId: entry.fileName,
    after: { format: entry.format, fileName: entry.fileName, cases: entry.cases },
  });
}

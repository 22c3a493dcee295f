import { AppError } from '../../../shared/ipc/result';
import type { CaseSummary } from '../../../shared/ipc/types';
import { getCaseSummary, updateCaseDenormalised } from '../../db/repos/cases';
import type { Db } from '../../db/sql';

export const READ_ONLY_MESSAGE = 'This case is closed and cannot be changed. Re-open it as a new episode to continue.';

export const STALE_CASE_MESSAGE =
  'This case was changed elsewhere (another window or person) since you opened it. Nothing was saved: reload to see the changes.';

/** The case, or not_found. */
export function existingCase(db: Db, caseId: string): CaseSummary {
  const found = getCaseSummary(db, caseId);
  if (!found) throw new AppError('not_found', 'There is no case with that id');
  return found;
}

/**
 * A case that may be written to: it exists, it is open (a closed case is read-only) and, when the form
 * says which version it was loaded from, nobody has saved a change to it since.
 */
export function writableCase(db: Db, caseId: string, caseVersion?: number): CaseSummary {
  const found = existingCase(db, caseId);
  if (found.status !== 'open') throw new AppError('read_only', READ_ONLY_MESSAGE);
  if (caseVersion !== undefined && caseVersion !== found.version) throw new AppError('conflict', STALE_CASE_MESSAGE);
  return found;
}

/** Bumps the case's version with its changes; refuses if someone else saved in between. */
export function touchCase(
  db: Db,
  current: CaseSummary,
  changes: Parameters<typeof updateCaseDenormalised>[3],
  at: string,
): void {
  if (!updateCaseDenormalised(db, current.id, current.version, changes, at)) throw new AppError('conflict', STALE_CASE_MESSAGE);
}

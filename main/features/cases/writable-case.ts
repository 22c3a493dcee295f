import { formatUkDate } from '../../../shared/dates';
import { AppError } from '../../../shared/ipc/result';
import type { CaseSummary } from '../../../shared/ipc/types';
import { getCaseSummary, updateCaseDenormalised } from '../../db/repos/cases';
import type { Db } from '../../db/sql';

/** A case that may be written to: it exists and is open (a closed case is read-only). */
export function writableCase(db: Db, caseId: string): CaseSummary {
  const found = getCaseSummary(db, caseId);
  if (!found) throw new AppError('not_found', 'There is no case with that id');
  if (found.status !== 'open') {
    throw new AppError('read_only', `Case ${found.caseRef} was closed on ${formatUkDate(found.closedDate)} and cannot be changed; re-open it as a new episode`);
  }
  return found;
}

export const STALE_CASE_MESSAGE = 'This case was changed elsewhere after you opened the form. Reload the case and try again.';

/** Bumps the case's version; refuses if someone else saved in between. */
export function touchCase(
  db: Db,
  current: CaseSummary,
  changes: Parameters<typeof updateCaseDenormalised>[3],
  at: string,
): void {
  if (!updateCaseDenormalised(db, current.id, current.version, changes, at)) throw new AppError('conflict', STALE_CASE_MESSAGE);
}

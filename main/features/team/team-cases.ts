/** The team's open cases in THE urgency order (shared/domain/urgency.ts), each with its rank. */
import type { IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import { sortByUrgency, urgencyBand } from '../../../shared/domain/urgency';
import type { TeamCaseRow, TeamCases } from '../../../shared/ipc/types';
import type { Db } from '../../db/sql';
import { loadOpenCases, type OpenCase } from '../caseload/build-caseload';
import type { TeamScope } from './team-scope';

export interface RankedCase {
  row: TeamCaseRow;
  open: OpenCase;
}

/** Sorts by urgency and numbers from 1; the same order for the screen, the CSV and the supervision pack. */
export function rankByUrgency(cases: readonly OpenCase[]): RankedCase[] {
  const byId = new Map(cases.map((c) => [c.row.caseId, c]));
  const rows = cases.map((c): TeamCaseRow => ({ ...c.row, urgencyBand: urgencyBand(c.row.flags), rank: 0 }));
  return sortByUrgency(rows).map((row, i) => {
    row.rank = i + 1;
    return { row, open: byId.get(row.caseId)! };
  });
}

export function loadRankedCases(db: Db, scope: TeamScope, settings: Settings, today: IsoDate): RankedCase[] {
  return rankByUrgency(loadOpenCases(db, scope.cases, settings, today));
}

export function buildTeamCases(db: Db, scope: TeamScope, settings: Settings, today: IsoDate): TeamCases {
  return { today, team: scope.team, clinician: scope.clinician, rows: loadRankedCases(db, scope, settings, today).map((r) => r.row) };
}

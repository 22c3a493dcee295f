/**
 * The team view's figures. Counts that are plain grouping of rows (by grouping, by clinician, grouping
 * transitions, endings, GBO rating pairs) are SQL; what depends on a rule kept in shared/ (flags and
 * "needs action", time-open buckets, the GBO change threshold) is computed here with those functions,
 * from the same open-case rows the caseload uses. A fixed number of queries whatever the team's size.
 */
import { addMonthsTo, type IsoDate } from '../../../shared/dates';
import { FLAG_CODES } from '../../../shared/domain/flags';
import { classifyGboChange } from '../../../shared/domain/gbo';
import { GROUPING_CODES, type GroupingCode } from '../../../shared/domain/groupings';
import { ENDING_REASONS } from '../../../shared/domain/lifecycle';
import { compareText } from '../../../shared/domain/name-order';
import type { Settings } from '../../../shared/domain/settings';
import { timeOpenDistribution } from '../../../shared/domain/team-stats';
import { needsAction } from '../../../shared/domain/urgency';
import { validationError } from '../../../shared/ipc/result';
import type { Clinician, GroupingTransition, TeamOverview } from '../../../shared/ipc/types';
import { listClinicians } from '../../db/repos/clinicians';
import {
  countClosedInPeriod,
  countEndingReasons,
  countGboAtClose,
  countOpenByClinician,
  countOpenByGrouping,
  countOpenToClose,
  countOpenToNow,
  type ClosedPeriod,
  type TransitionRow,
} from '../../db/repos/team';
import type { Db } from '../../db/sql';
import { loadOpenCases } from '../caseload/build-caseload';
import type { TeamScope } from './team-scope';

export const PERIOD_ORDER_MESSAGE = 'The start of the period must be the same as or before the end';

/** The closing-date period: default the last 12 months up to today; the start may not be after the end. */
export function resolvePeriod(args: { closedFrom?: IsoDate | undefined; closedTo?: IsoDate | undefined }, today: IsoDate): ClosedPeriod {
  const period = { from: args.closedFrom ?? addMonthsTo(today, -12), to: args.closedTo ?? today };
  if (period.from > period.to) throw validationError([{ path: 'closedFrom', message: PERIOD_ORDER_MESSAGE }]);
  return period;
}

const groupingOrder = (g: GroupingCode | null): number => (g === null ? GROUPING_CODES.length : GROUPING_CODES.indexOf(g));

function transitions(rows: readonly TransitionRow[]): GroupingTransition[] {
  return rows
    .map((r) => ({ from: r.from_grouping, to: r.to_grouping, count: r.n }))
    .sort((a, b) => groupingOrder(a.from) - groupingOrder(b.from) || groupingOrder(a.to) - groupingOrder(b.to));
}

function byGrouping(db: Db, scope: TeamScope): TeamOverview['byGrouping'] {
  const counts = new Map(countOpenByGrouping(db, scope.cases).map((r) => [r.grouping, r.n]));
  // Every grouping has a row (a zero is an answer); "not recorded yet" only when there are such cases.
  const rows: TeamOverview['byGrouping'] = GROUPING_CODES.map((grouping) => ({ grouping, count: counts.get(grouping) ?? 0 }));
  const unrecorded = counts.get(null) ?? 0;
  return unrecorded > 0 ? [...rows, { grouping: null, count: unrecorded }] : rows;
}

function byClinician(db: Db, scope: TeamScope, needAction: ReadonlyMap<string, number>): TeamOverview['byClinician'] {
  // Members with no open cases still get a row (a team lead wants to see who has none).
  const members: Clinician[] = scope.clinician ? [scope.clinician] : listClinicians(db, scope.team.id);
  const rows = new Map<string, TeamOverview['byClinician'][number]>(
    members.map((m) => [m.id, { clinicianId: m.id, name: m.name, role: m.role, open: 0, needAction: 0 }]),
  );
  for (const r of countOpenByClinician(db, scope.cases)) {
    rows.set(r.clinician_id, { clinicianId: r.clinician_id, name: r.name, role: r.role, open: r.n, needAction: 0 });
  }
  for (const row of rows.values()) row.needAction = needAction.get(row.clinicianId) ?? 0;
  return [...rows.values()].sort((a, b) => compareText(a.name, b.name) || a.clinicianId.localeCompare(b.clinicianId));
}

function gboAtClose(db: Db, scope: TeamScope, period: ClosedPeriod): TeamOverview['gboAtClose'] {
  const counted = countGboAtClose(db, scope.cases, period);
  const result = { improved: 0, noReliableChange: 0, deteriorated: 0, goals: 0, cases: counted.cases };
  for (const pair of counted.pairs) {
    const change = classifyGboChange(pair.first_score, pair.final_score);
    if (change === 'improved') result.improved += pair.n;
    else if (change === 'deteriorated') result.deteriorated += pair.n;
    else result.noReliableChange += pair.n;
    result.goals += pair.n;
  }
  return result;
}

export function buildTeamOverview(db: Db, scope: TeamScope, period: ClosedPeriod, settings: Settings, today: IsoDate): TeamOverview {
  const open = loadOpenCases(db, scope.cases, settings, today);
  const needActionByClinician = new Map<string, number>();
  let needAction = 0;
  for (const c of open) {
    if (!needsAction(c.row.flags)) continue;
    needAction++;
    needActionByClinician.set(c.row.leadClinicianId, (needActionByClinician.get(c.row.leadClinicianId) ?? 0) + 1);
  }
  const reasons = new Map(countEndingReasons(db, scope.cases, period).map((r) => [r.reason, r.n]));
  return {
    today,
    team: scope.team,
    clinician: scope.clinician,
    period: { from: period.from, to: period.to },
    openCases: open.length,
    needAction,
    byFlag: FLAG_CODES.map((code) => ({ code, count: open.filter((c) => c.row.flags.some((f) => f.code === code)).length })),
    byGrouping: byGrouping(db, scope),
    byClinician: byClinician(db, scope, needActionByClinician),
    timeOpen: timeOpenDistribution(
      open.map((c) => c.row.openDate),
      today,
    ),
    openToNow: transitions(countOpenToNow(db, scope.cases)),
    openToClose: transitions(countOpenToClose(db, scope.cases, period)),
    gboAtClose: gboAtClose(db, scope, period),
    endingReasons: ENDING_REASONS.map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
    closedInPeriod: countClosedInPeriod(db, scope.cases, period),
  };
}

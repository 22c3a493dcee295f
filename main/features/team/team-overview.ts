/**
 * The team view's figures. The open cases are read once (loadOpenCases: the same rows, flags and all,
 * that the caseload and the team table use, and that the screen's two calls share), and everything about
 * them is counted here from those rows: by grouping, by clinician, grouping at open → now, flags and
 * "needs action" and time open, the last ones with the rules kept in shared/. The closing period's
 * figures are SQL, counted over the outcome each ending wrote at close (repos/team.ts), and classified
 * here (the GBO change threshold). A fixed number of queries whatever the team's size.
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
import type { Clinician, GroupingTransition, TeamOverview } from '../../../shared/ipc/types';
import { AppError, validationError } from '../../../shared/ipc/result';
import { getClinician, listClinicians } from '../../db/repos/clinicians';
import { countClosedInPeriod, countPeriodOutcomes, type ClosedPeriod, type GboAtClose, type TransitionRow } from '../../db/repos/team';
import type { Db } from '../../db/sql';
import { loadOpenCases, type OpenCase } from '../caseload/build-caseload';
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

function byGrouping(open: readonly OpenCase[]): TeamOverview['byGrouping'] {
  const counts = new Map<GroupingCode | null, number>();
  for (const c of open) counts.set(c.row.grouping, (counts.get(c.row.grouping) ?? 0) + 1);
  // Every grouping has a row (a zero is an answer); "not recorded yet" only when there are such cases.
  const rows: TeamOverview['byGrouping'] = GROUPING_CODES.map((grouping) => ({ grouping, count: counts.get(grouping) ?? 0 }));
  const unrecorded = counts.get(null) ?? 0;
  return unrecorded > 0 ? [...rows, { grouping: null, count: unrecorded }] : rows;
}

function byClinician(db: Db, scope: TeamScope, open: readonly OpenCase[]): TeamOverview['byClinician'] {
  // Members with no open cases still get a row (a team lead wants to see who has none).
  const members: Clinician[] = scope.clinician ? [scope.clinician] : listClinicians(db, scope.team.id);
  const rows = new Map<string, TeamOverview['byClinician'][number]>(
    members.map((m) => [m.id, { clinicianId: m.id, name: m.name, role: m.role, open: 0, needAction: 0 }]),
  );
  for (const c of open) {
    const id = c.row.leadClinicianId;
    let row = rows.get(id);
    if (!row) {
      // A lead who is not (or no longer) a member still has their cases counted, under their own name.
      const lead = getClinician(db, id);
      if (!lead) throw new AppError('internal', 'An open case has a lead clinician who does not exist');
      rows.set(id, (row = { clinicianId: id, name: lead.name, role: lead.role, open: 0, needAction: 0 }));
    }
    row.open++;
    if (needsAction(c.row.flags)) row.needAction++;
  }
  return [...rows.values()].sort((a, b) => compareText(a.name, b.name) || a.clinicianId.localeCompare(b.clinicianId));
}

/** Open cases with both: the grouping in the Current View at open against the case's grouping now. */
function openToNow(open: readonly OpenCase[]): GroupingTransition[] {
  const counts = new Map<string, TransitionRow>();
  for (const c of open) {
    const from = c.openingGrouping;
    const to = c.row.grouping;
    if (from === null || to === null) continue;
    const row = counts.get(`${from} ${to}`);
    if (row) row.n++;
    else counts.set(`${from} ${to}`, { from_grouping: from, to_grouping: to, n: 1 });
  }
  return transitions([...counts.values()]);
}

function gboAtClose(counted: GboAtClose): TeamOverview['gboAtClose'] {
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
  const closed = countPeriodOutcomes(db, scope.cases, period);
  const reasons = new Map(closed.endingReasons.map((r) => [r.reason, r.n]));
  return {
    today,
    team: scope.team,
    clinician: scope.clinician,
    period: { from: period.from, to: period.to },
    openCases: open.length,
    needAction: open.filter((c) => needsAction(c.row.flags)).length,
    byFlag: FLAG_CODES.map((code) => ({ code, count: open.filter((c) => c.row.flags.some((f) => f.code === code)).length })),
    byGrouping: byGrouping(open),
    byClinician: byClinician(db, scope, open),
    timeOpen: timeOpenDistribution(
      open.map((c) => c.row.openDate),
      today,
    ),
    openToNow: openToNow(open),
    openToClose: transitions(closed.openToClose),
    gboAtClose: gboAtClose(closed.gboAtClose),
    endingReasons: ENDING_REASONS.map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
    closedInPeriod: countClosedInPeriod(db, scope.cases, period),
  };
}

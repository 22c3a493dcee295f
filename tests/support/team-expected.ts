/**
 * The team view's answers worked out independently from what the synthetic generator says it wrote
 * (no SQL): flags from the case's facts as generated, counts by plain loops, transitions and GBO classes
 * from the generated ratings, time-open buckets by hand. Only the flag and urgency rules themselves come
 * from shared/, as the single definition of those rules.
 */
import { daysBetween, type IsoDate } from '../../shared/dates';
import { computeFlags, FLAG_CODES, type Flag } from '../../shared/domain/flags';
import { GBO_RELIABLE_CHANGE } from '../../shared/domain/gbo';
import { GROUPING_CODES, type GroupingCode } from '../../shared/domain/groupings';
import { ENDING_REASONS } from '../../shared/domain/lifecycle';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { needsAction as flagsNeedAction, sortByUrgency } from '../../shared/domain/urgency';
import type { GroupingTransition, TeamOverview } from '../../shared/ipc/types';
import type { GeneratedCase, GeneratedCaseload } from './synthetic-caseload';

export function expectedFlags(c: GeneratedCase, today: IsoDate): Flag[] {
  const dates = c.reviews.map((r) => r.date).sort();
  const discussed = c.reviews.filter((r) => r.explicitDiscussion && c.targetDate && r.date >= c.targetDate).map((r) => r.date).sort();
  return computeFlags(
    {
      status: c.status,
      openDate: c.openDate,
      grouping: c.grouping,
      hasCompletePlan: c.hasPlan,
      nextReviewDate: c.nextReviewDate,
      targetDate: c.targetDate,
      lastReviewDate: dates.at(-1) ?? null,
      targetDiscussedOn: discussed.at(-1) ?? null,
      goals: c.goals.map((g) => ({ description: g.description, ratings: g.ratings.map((r) => ({ date: r.date, score: r.score })) })),
      missingCurrentViews: c.reviews.filter((r) => r.grouping === null).length,
    },
    DEFAULT_SETTINGS,
    today,
  );
}

export interface Scope {
  teamId: string;
  clinicianId?: string;
}

function inScope(c: GeneratedCase, s: Scope): boolean {
  return c.teamId === s.teamId && (s.clinicianId === undefined || c.leadClinicianId === s.clinicianId);
}

/** The expected team:cases order as case refs. */
export function expectedOrder(g: GeneratedCaseload, s: Scope): string[] {
  const open = g.cases.filter((c) => c.status === 'open' && inScope(c, s));
  const rows = open.map((c) => ({
    caseRef: c.caseRef,
    name: c.name,
    openDate: c.openDate,
    nextReviewDate: c.nextReviewDate,
    targetDate: c.targetDate,
    lastReviewDate: c.reviews.map((r) => r.date).sort().at(-1) ?? null,
    flags: expectedFlags(c, g.today),
  }));
  return sortByUrgency(rows).map((r) => r.caseRef);
}

function weeks(from: IsoDate, to: IsoDate): number {
  return Math.floor(daysBetween(from, to) / 7);
}

function bucket(w: number): string {
  if (w < 6) return 'w0_6';
  if (w < 12) return 'w6_12';
  if (w < 26) return 'w12_26';
  if (w < 52) return 'w26_52';
  return 'w52';
}

function transitions(pairs: Array<[GroupingCode, GroupingCode]>): GroupingTransition[] {
  const counts = new Map<string, number>();
  for (const [from, to] of pairs) counts.set(`${from}>${to}`, (counts.get(`${from}>${to}`) ?? 0) + 1);
  const out: GroupingTransition[] = [];
  for (const from of GROUPING_CODES) for (const to of GROUPING_CODES) {
    const n = counts.get(`${from}>${to}`);
    if (n) out.push({ from, to, count: n });
  }
  return out;
}

/** Everything team:overview reports except the team/clinician records and labels. */
export function expectedOverview(g: GeneratedCaseload, s: Scope, period: { from: IsoDate; to: IsoDate }) {
  const open = g.cases.filter((c) => c.status === 'open' && inScope(c, s));
  const flags = new Map(open.map((c) => [c.caseRef, expectedFlags(c, g.today)]));
  const needsAction = (c: GeneratedCase) => flagsNeedAction(flags.get(c.caseRef)!);
  const closed = g.cases.filter((c) => c.status === 'closed' && inScope(c, s) && c.closedDate! >= period.from && c.closedDate! <= period.to);

  const members = g.clinicians.filter((m) => m.teamId === s.teamId && (s.clinicianId === undefined || m.id === s.clinicianId));
  const gbo = { improved: 0, noReliableChange: 0, deteriorated: 0, goals: 0, cases: 0 };
  for (const c of closed) {
    if (c.goals.length > 0) gbo.cases++;
    for (const goal of c.goals) {
      const delta = goal.ratings.at(-1)!.score - goal.ratings[0]!.score;
      gbo.goals++;
      if (delta >= GBO_RELIABLE_CHANGE) gbo.improved++;
      else if (delta <= -GBO_RELIABLE_CHANGE) gbo.deteriorated++;
      else gbo.noReliableChange++;
    }
  }
  const unrecorded = open.filter((c) => c.grouping === null).length;
  return {
    openCases: open.length,
    needAction: open.filter(needsAction).length,
    byFlag: FLAG_CODES.map((code) => ({ code, count: open.filter((c) => flags.get(c.caseRef)!.some((f) => f.code === code)).length })),
    byGrouping: [
      ...GROUPING_CODES.map((grouping) => ({ grouping, count: open.filter((c) => c.grouping === grouping).length })),
      ...(unrecorded > 0 ? [{ grouping: null, count: unrecorded }] : []),
    ] as TeamOverview['byGrouping'],
    byClinician: members
      .map((m) => ({
        clinicianId: m.id,
        name: m.name,
        role: m.role,
        open: open.filter((c) => c.leadClinicianId === m.id).length,
        needAction: open.filter((c) => c.leadClinicianId === m.id && needsAction(c)).length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.clinicianId.localeCompare(b.clinicianId)),
    timeOpen: ['w0_6', 'w6_12', 'w12_26', 'w26_52', 'w52'].map((key) => ({ key, count: open.filter((c) => bucket(weeks(c.openDate, g.today)) === key).length })),
    openToNow: transitions(open.filter((c) => c.groupingAtOpen && c.grouping).map((c) => [c.groupingAtOpen!, c.grouping!])),
    openToClose: transitions(closed.map((c) => [c.groupingAtOpen!, c.groupingAtClose!])),
    gboAtClose: gbo,
    endingReasons: ENDING_REASONS.map((reason) => ({ reason, count: closed.filter((c) => c.endingReason === reason).length })),
    closedInPeriod: closed.length,
  };
}

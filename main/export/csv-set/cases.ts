/**
 * cases.csv: one row per case (episode). The import template's columns come first, with exactly its
 * headers and in its order, so this file imports back into another copy of the app; the columns after
 * them are for reporting only (the import ignores them and lists them as "not imported").
 */
import { formatUkDate } from '../../../shared/dates';
import { IMPORT_COLUMNS, GOAL_NUMBERS } from '../../../shared/domain/import-template';
import { GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import { ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import { LIKELIHOOD_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, GoalRecord } from '../../../shared/ipc/types';
import type { CsvValue } from '../csv';

export const CASES_EXPORT_ONLY_HEADERS = [
  'Episode',
  'Status',
  'Closed date',
  'Team',
  'Grouping at open',
  'Grouping at close',
  'Weeks open',
  'Plan version',
  'Likelihood note',
  'Flags',
  'Flag reasons',
  'Ending reason',
] as const;

export const CASES_HEADER: readonly string[] = [...IMPORT_COLUMNS.map((c) => c.header), ...CASES_EXPORT_ONLY_HEADERS];

function groupingLabel(code: GroupingCode | null | undefined): string {
  return code ? GROUPING_LABELS[code] : '';
}

/** First and latest rating of a goal, oldest first by date (ratings on one day keep their stored order). */
function firstAndLatest(goal: GoalRecord): { first: GoalRecord['ratings'][number]; latest: GoalRecord['ratings'][number] | null } | null {
  if (goal.ratings.length === 0) return null;
  const sorted = goal.ratings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.ratedOn < b.r.ratedOn ? -1 : a.r.ratedOn > b.r.ratedOn ? 1 : a.i - b.i))
    .map((x) => x.r);
  return { first: sorted[0]!, latest: sorted.length > 1 ? sorted[sorted.length - 1]! : null };
}

/** The template's five columns for one goal position (blank when no goal in force holds it). */
function goalCells(goal: GoalRecord | undefined): CsvValue[] {
  if (!goal) return ['', '', '', '', ''];
  const fl = firstAndLatest(goal);
  return [
    goal.description,
    fl?.first.score ?? '',
    formatUkDate(fl?.first.ratedOn),
    fl?.latest?.score ?? '',
    formatUkDate(fl?.latest?.ratedOn),
  ];
}

/** The template's column key → this case's value (dates dd/mm/yyyy, labels as the template accepts them). */
function templateValues(d: CaseDetail): Record<string, CsvValue> {
  const s = d.summary;
  const plan = d.plan;
  const values: Record<string, CsvValue> = {
    caseRef: s.caseRef,
    name: s.name,
    dateOfBirth: formatUkDate(s.dateOfBirth),
    nhsNumber: formatNhsNumber(s.nhsNumber),
    referralDate: formatUkDate(s.referralDate),
    openDate: formatUkDate(s.openDate),
    leadClinician: s.leadClinicianName,
    coordinatingAgency: s.coordinatingAgency,
    // The grouping now (the latest Current View's, or the imported plan's), not the plan's at agreement.
    grouping: groupingLabel(s.grouping),
    planAgreedDate: formatUkDate(plan?.agreedDate),
    agreedOutcome: plan?.agreedOutcome ?? '',
    // The criteria in force, one per line in the cell (the import splits on line breaks).
    endingCriteria: plan ? plan.endingCriteria.map((c) => c.text).join('\n') : '',
    likelihood: plan ? LIKELIHOOD_LABELS[plan.likelihood] : '',
    targetDate: formatUkDate(plan?.targetDate),
    contingency: plan?.contingency ?? '',
    riskSupportSummary: plan?.riskSupportSummary ?? '',
    nextReviewDate: formatUkDate(plan ? s.nextReviewDate : null),
  };
  const active = d.goals.filter((g) => g.status === 'active');
  for (const n of GOAL_NUMBERS) {
    const [text, first, firstOn, latest, latestOn] = goalCells(active.find((g) => g.position === n));
    values[`goal${n}`] = text;
    values[`goal${n}FirstRating`] = first;
    values[`goal${n}FirstRatedOn`] = firstOn;
    values[`goal${n}LatestRating`] = latest;
    values[`goal${n}LatestRatedOn`] = latestOn;
  }
  return values;
}

export interface CasesRowContext {
  /** Team id → name (CaseSummary carries the id only). */
  teamNames: ReadonlyMap<string, string>;
}

export function casesRows(d: CaseDetail, ctx: CasesRowContext): CsvValue[][] {
  const s = d.summary;
  const values = templateValues(d);
  const atOpen = d.currentViews.find((cv) => cv.context === 'open');
  const atClose = d.currentViews.find((cv) => cv.context === 'close');
  const ending = d.ending;
  const endingReason = ending
    ? ending.reason === 'other' && ending.reasonOther
      ? `${ENDING_REASON_LABELS.other}: ${ending.reasonOther}`
      : ENDING_REASON_LABELS[ending.reason]
    : '';
  return [
    [
      ...IMPORT_COLUMNS.map((c) => values[c.key]),
      s.episodeNo,
      s.status === 'open' ? 'Open' : 'Closed',
      formatUkDate(s.closedDate),
      ctx.teamNames.get(s.teamId) ?? '',
      groupingLabel(atOpen?.grouping),
      groupingLabel(atClose?.grouping),
      d.weeksOpen,
      d.plan?.versionNo ?? '',
      d.plan?.likelihoodNote ?? '',
      d.flags.map((f) => f.label).join('; '),
      // Reasons hold semicolons of their own, so each goes on its own line within the cell.
      d.flags.map((f) => `${f.label}: ${f.reason}`).join('\n'),
      endingReason,
    ],
  ];
}

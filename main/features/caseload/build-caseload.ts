import { weeksBetween, type IsoDate } from '../../../shared/dates';
import { FLAG_SEVERITY, reviewBadge, type Flag, type FlagSeverity } from '../../../shared/domain/flags';
import type { GroupingCode } from '../../../shared/domain/groupings';
import { compareText } from '../../../shared/domain/name-order';
import type { Settings } from '../../../shared/domain/settings';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { listActiveGoalRatings, listOpenCaseFacts, type OpenCaseScope } from '../../db/repos/caseload';
import { memoUntilChanged } from '../../db/read-memo';
import type { Db } from '../../db/sql';
import { caseFlags, type ActiveGoalRatings } from './case-flags';

const SEVERITY_RANK: Record<FlagSeverity, number> = { urgent: 0, warning: 1, info: 2 };

function attentionRank(flags: readonly Flag[]): number {
  return flags.reduce((best, f) => Math.min(best, SEVERITY_RANK[FLAG_SEVERITY[f.code]]), 3);
}

/** An open case as the caseload and the team view show it, with the facts behind its row. */
export interface OpenCase {
  row: CaseloadRow;
  /** Date of the latest review held (the Risk Support gap is measured from it). */
  lastReviewDate: IsoDate | null;
  /** The grouping in the Current View at open (null: none recorded). */
  openingGrouping: GroupingCode | null;
  teamId: string;
  /** Goals in force, in goal order, each with every rating oldest first. */
  goals: Array<ActiveGoalRatings & { goalId: string }>;
}

/**
 * Open cases of a clinician, a team, or one clinician within a team, with flags, in two queries however
 * many cases there are: the cases with their flag facts, then every rating of their active goals.
 * Unsorted: each screen applies its own order. Reused while the database is unchanged (read-memo.ts),
 * so the caller must not change what it gets.
 */
export function loadOpenCases(db: Db, scope: OpenCaseScope, settings: Settings, today: IsoDate): readonly OpenCase[] {
  const key = JSON.stringify([scope.clinicianId ?? null, scope.teamId ?? null, today, settings]);
  return memoUntilChanged(db, 'openCases', key, () => computeOpenCases(db, scope, settings, today));
}

function computeOpenCases(db: Db, scope: OpenCaseScope, settings: Settings, today: IsoDate): OpenCase[] {
  const cases = listOpenCaseFacts(db, scope);
  const goalsByCase = new Map<string, Map<string, ActiveGoalRatings & { goalId: string }>>();
  for (const r of listActiveGoalRatings(db, scope)) {
    let goals = goalsByCase.get(r.case_id);
    if (!goals) goalsByCase.set(r.case_id, (goals = new Map()));
    let goal = goals.get(r.goal_id);
    if (!goal) goals.set(r.goal_id, (goal = { goalId: r.goal_id, description: r.description, ratings: [] }));
    goal.ratings.push({ date: r.rated_on, score: r.score });
  }

  return cases.map((c): OpenCase => {
    const goals = [...(goalsByCase.get(c.id)?.values() ?? [])];
    const flags = caseFlags(c, goals, settings, today);
    return {
      lastReviewDate: c.last_review_date,
      openingGrouping: c.opening_grouping,
      teamId: c.team_id,
      goals,
      row: {
        caseId: c.id,
        caseRef: c.case_ref,
        name: c.name,
        nhsNumber: c.nhs_number,
        dateOfBirth: c.date_of_birth,
        grouping: c.grouping,
        openDate: c.open_date,
        weeksOpen: weeksBetween(c.open_date, today),
        nextReviewDate: c.next_review_date,
        reviewBadge: reviewBadge(flags),
        targetDate: c.target_date,
        leadClinicianId: c.lead_clinician_id,
        leadClinicianName: c.lead_clinician_name,
        planComplete: c.plan_complete === 1,
        // Ratings arrive oldest first, so the first and last of each goal are its first and latest.
        goalScores: goals.map((g) => ({ first: g.ratings[0]!.score, latest: g.ratings[g.ratings.length - 1]!.score })),
        flags,
      },
    };
  });
}

/** YYYY-MM-DD strings sort as text, character by character: no collation needed. */
const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A clinician's caseload, sorted so what needs action comes first: urgent flags, then warnings, then by
 * next review date, then name.
 */
export function buildCaseloadRows(db: Db, scope: OpenCaseScope, settings: Settings, today: IsoDate): CaseloadRow[] {
  const rows = loadOpenCases(db, scope, settings, today).map((c) => c.row);
  return rows.sort(
    (a, b) =>
      attentionRank(a.flags) - attentionRank(b.flags) ||
      compareDates(a.nextReviewDate ?? '9999', b.nextReviewDate ?? '9999') ||
      compareText(a.name, b.name),
  );
}

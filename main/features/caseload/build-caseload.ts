import { weeksBetween, type IsoDate } from '../../../shared/dates';
import { reviewBadge } from '../../../shared/domain/flags';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { sortByUrgency } from '../../../shared/domain/urgency';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { listActiveGoalRatings, listOpenCaseFacts, type OpenCaseScope } from '../../db/repos/caseload';
import { memoUntilChanged } from '../../db/read-memo';
import type { Db } from '../../db/sql';
import { caseFlags, type ActiveGoalRatings } from './case-flags';

/** An open case as the caseload and the team view show it, with the facts behind its row. */
export interface OpenCase {
  row: CaseloadRow;
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
        lastReviewDate: c.last_review_date,
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

/**
 * A clinician's caseload, most urgent first (shared/domain/urgency.ts): `thrive caseload` prints it in
 * this order, and the screen's default sort is the same order.
 */
export function buildCaseloadRows(db: Db, scope: OpenCaseScope, settings: Settings, today: IsoDate): CaseloadRow[] {
  return sortByUrgency(loadOpenCases(db, scope, settings, today).map((c) => c.row));
}

/** Record-building helpers for the fake API: ids, flags and caseload rows, as main computes them. */
import { weeksBetween, type IsoDate } from '../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import { computeFlags, reviewBadge, type Flag } from '../../shared/domain/flags';
import type { Settings } from '../../shared/domain/settings';
import type {
  CaseDetail,
  CaseloadRow,
  CaseSummary,
  CurrentViewRecord,
  EndingCriterionRecord,
  EndingRecord,
  GoalRecord,
  HistoryEntry,
  PlanRecord,
  ReviewRecord,
} from '../../shared/ipc/types';

export interface FakeCase {
  summary: CaseSummary;
  currentViews: CurrentViewRecord[];
  plan: PlanRecord | null;
  planVersions: PlanRecord[];
  goals: GoalRecord[];
  criteria: EndingCriterionRecord[];
  reviews: ReviewRecord[];
  ending: EndingRecord | null;
  previousEpisodeId: string | null;
  nextEpisodeId: string | null;
  history: HistoryEntry[];
}

let counter = 0;
/** Ids in the UUID shape the schemas require, distinct and readable in failures. */
export function fakeId(): string {
  counter += 1;
  return `00000000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** Every item rated: None for severity items, No for complexity factors (unless overridden). */
export function allRated(overrides: CurrentViewRatings = {}): CurrentViewRatings {
  return Object.fromEntries(
    CURRENT_VIEW_ITEMS.map((item) => [item.code, overrides[item.code] ?? (item.scale === 'severity' ? 0 : 'no')]),
  );
}

export function flagsOf(c: FakeCase, settings: Settings, today: IsoDate): Flag[] {
  const s = c.summary;
  return computeFlags(
    {
      status: s.status,
      openDate: s.openDate,
      grouping: s.grouping,
      hasCompletePlan: s.planComplete,
      nextReviewDate: s.nextReviewDate,
      targetDate: s.targetDate,
      lastReviewDate: lastReviewDateOf(c),
      targetDiscussedOn: [...c.reviews].reverse().find((r) => r.explicitDiscussion)?.reviewDate ?? null,
      goals: c.goals
        .filter((g) => g.status === 'active')
        .map((g) => ({
          description: g.description,
          ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })),
        })),
      missingCurrentViews:
        c.reviews.filter((r) => r.currentViewId === null).length + (c.ending && c.ending.currentViewId === null ? 1 : 0),
    },
    settings,
    today,
  );
}

export function detailOf(c: FakeCase, settings: Settings, today: IsoDate): CaseDetail {
  return {
    summary: c.summary,
    flags: flagsOf(c, settings, today),
    weeksOpen: weeksBetween(c.summary.openDate, today),
    currentViews: c.currentViews,
    plan: c.plan,
    planVersions: c.planVersions,
    goals: c.goals,
    criteria: c.criteria,
    reviews: c.reviews,
    ending: c.ending,
    previousEpisodeId: c.previousEpisodeId,
    nextEpisodeId: c.nextEpisodeId,
  };
}

export function rowOf(c: FakeCase, settings: Settings, today: IsoDate): CaseloadRow {
  const s = c.summary;
  const flags = flagsOf(c, settings, today);
  return {
    caseId: s.id,
    caseRef: s.caseRef,
    name: s.name,
    nhsNumber: s.nhsNumber,
    dateOfBirth: s.dateOfBirth,
    grouping: s.grouping,
    openDate: s.openDate,
    weeksOpen: weeksBetween(s.openDate, today),
    nextReviewDate: s.nextReviewDate,
    lastReviewDate: lastReviewDateOf(c),
    reviewBadge: reviewBadge(flags),
    targetDate: s.targetDate,
    leadClinicianId: s.leadClinicianId,
    leadClinicianName: s.leadClinicianName,
    planComplete: s.planComplete,
    goalScores: c.goals
      .filter((g) => g.status === 'active' && g.ratings.length > 0)
      .map((g) => {
        const sorted = [...g.ratings].sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : 1));
        return { first: sorted[0]!.score, latest: sorted[sorted.length - 1]!.score };
      }),
    flags,
  };
}

/** What crosses IPC is a copy: the fake never hands out its own objects. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The date of the latest review held, or null (reviews are kept oldest first). */
export function lastReviewDateOf(c: FakeCase): IsoDate | null {
  return c.reviews.reduce<IsoDate | null>((latest, r) => (latest === null || r.reviewDate > latest ? r.reviewDate : latest), null);
}

/** Active goals in plan order, as the review and ending rules see them. */
export function activeGoalsOf(c: FakeCase): GoalRecord[] {
  return c.goals.filter((g) => g.status === 'active').sort((a, b) => a.position - b.position);
}

/** Ending criteria in force (not retired by a revision), in plan order. */
export function criteriaInForce(c: FakeCase): EndingCriterionRecord[] {
  return c.criteria.filter((x) => x.retiredAt === null).sort((a, b) => a.position - b.position);
}

/** A goal as a record, with defaults for the lifecycle fields set-up rarely cares about. */
export function goalRecord(g: Pick<GoalRecord, 'id' | 'position' | 'description' | 'createdOn'> & Partial<GoalRecord>): GoalRecord {
  return { status: 'active', replacesGoalId: null, endedOn: null, ratings: [], ...g };
}

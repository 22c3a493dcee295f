/**
 * Goals (base R4 Goal: UK Core has no Goal profile) and one Observation per GBO rating. Achievement is
 * derived from GBO movement with the NHS England threshold of 3 points (shared/domain/gbo.ts).
 */
import { formatUkDate } from '../../../shared/dates';
import { GBO_MAX, goalProgress } from '../../../shared/domain/gbo';
import type { CaseDetail, GoalRatingRecord, GoalRecord } from '../../../shared/ipc/types';
import { GBO_SCORE_SNOMED, GOAL_ACHIEVEMENT_SYSTEM, OBSERVATION_CATEGORY_SYSTEM, SNOMED, UK_CORE_PROFILE, ref, urn } from './systems';
import type { CodeableConcept, Goal, Observation } from './types';

const ACHIEVEMENT_DISPLAY = {
  'in-progress': 'In Progress',
  improving: 'Improving',
  worsening: 'Worsening',
  'no-change': 'No Change',
  achieved: 'Achieved',
} as const;
export type GoalAchievement = keyof typeof ACHIEVEMENT_DISPLAY;

/**
 * One rating: under way, nothing to compare yet. Then first vs latest: 10 (fully reached) is achieved;
 * +3 or more improving; −3 or more worsening; anything smaller is no reliable change.
 */
export function goalAchievement(goal: { status: GoalRecord['status']; ratings: ReadonlyArray<{ ratedOn: string; score: number }> }): GoalAchievement | null {
  const progress = goalProgress(goal.ratings);
  if (!progress) return null;
  if (goal.status === 'achieved' || progress.latest === GBO_MAX) return 'achieved';
  if (goal.ratings.length === 1) return 'in-progress';
  if (progress.change === 'improved') return 'improving';
  if (progress.change === 'deteriorated') return 'worsening';
  return 'no-change';
}

function achievementConcept(code: GoalAchievement): CodeableConcept {
  return { coding: [{ system: GOAL_ACHIEVEMENT_SYSTEM, code, display: ACHIEVEMENT_DISPLAY[code] }] };
}

/**
 * Which goals a plan version listed. A goal is in force from the day it was set (createdOn) until the
 * day it ended (endedOn, the date of the revision that dropped or reworded it), and a version lists
 * the goals in force on the day it was agreed. CaseDetail carries dates, not the version a goal was
 * set in, so two versions agreed on the same day share the later version's goals.
 */
export function goalsOfVersion(detail: CaseDetail, versionIndex: number): GoalRecord[] {
  const agreed = detail.planVersions[versionIndex]!.agreedDate;
  return detail.goals.filter((g) => g.createdOn <= agreed && (g.endedOn === null || g.endedOn > agreed));
}

/** The target date a goal was last working to: the latest plan version that listed it. */
function dueDateOf(detail: CaseDetail, goal: GoalRecord): string | null {
  for (let i = detail.planVersions.length - 1; i >= 0; i--) {
    if (goalsOfVersion(detail, i).some((g) => g.id === goal.id)) return detail.planVersions[i]!.targetDate;
  }
  return detail.plan?.targetDate ?? null;
}

function lifecycleOf(detail: CaseDetail, goal: GoalRecord): Goal['lifecycleStatus'] {
  if (goal.status === 'dropped') return 'cancelled';
  if (goal.status === 'achieved' || detail.summary.status === 'closed') return 'completed';
  return 'active';
}

export function goalOf(detail: CaseDetail, goal: GoalRecord): Goal {
  const s = detail.summary;
  const lifecycleStatus = lifecycleOf(detail, goal);
  const achievement = goalAchievement(goal);
  const due = dueDateOf(detail, goal);
  const statusDate = goal.endedOn ?? (lifecycleStatus === 'completed' ? s.closedDate : null);
  const successor = detail.goals.find((g) => g.replacesGoalId === goal.id);
  const replaced = goal.replacesGoalId ? detail.goals.find((g) => g.id === goal.replacesGoalId) : undefined;
  const statusReason =
    goal.status === 'dropped' ? (successor ? 'Reworded at a plan revision' : 'Dropped at a plan revision') : undefined;
  // R4 Goal has no element linking a reworded goal to its predecessor; the link is a note naming the
  // other goal's fullUrl, so nothing relies on an extension a receiver may not know.
  const notes = [
    ...(replaced
      ? [{ text: `Reworded on ${formatUkDate(goal.createdOn)} from an earlier goal (${urn(replaced.id)}): "${replaced.description}"` }]
      : []),
    ...(successor ? [{ text: `Reworded on ${formatUkDate(successor.createdOn)} as a new goal (${urn(successor.id)}): "${successor.description}"` }] : []),
  ];
  return {
    resourceType: 'Goal',
    id: goal.id,
    lifecycleStatus,
    ...(achievement ? { achievementStatus: achievementConcept(achievement) } : {}),
    description: { text: goal.description },
    subject: ref(s.youngPersonId, 'Patient', s.name),
    // GBO goals are set in the young person's (or family's) own words.
    expressedBy: ref(s.youngPersonId, 'Patient', s.name),
    startDate: goal.createdOn,
    ...(due ? { target: [{ dueDate: due }] } : {}),
    ...(statusDate ? { statusDate } : {}),
    ...(statusReason ? { statusReason } : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

/** The database allows positions 1 to 3 only (MAX_GOALS), so anything else is corrupt data, not a case to map. */
function gboScoreCode(position: number): string {
  const code = GBO_SCORE_SNOMED[position];
  if (code === undefined) throw new Error(`A goal at position ${position}: GBO goals are numbered 1 to 3`);
  return code;
}

export function gboObservationOf(detail: CaseDetail, goal: GoalRecord, rating: GoalRatingRecord): Observation {
  const s = detail.summary;
  return {
    resourceType: 'Observation',
    id: rating.id,
    meta: { profile: [UK_CORE_PROFILE.Observation] },
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: {
      coding: [{ system: SNOMED, code: gboScoreCode(goal.position) }],
      text: `Goal Based Outcome: goal ${goal.position} score (0 to 10)`,
    },
    subject: ref(s.youngPersonId, 'Patient', s.name),
    focus: [ref(goal.id, 'Goal')],
    effectiveDateTime: rating.ratedOn,
    valueInteger: rating.score,
  };
}

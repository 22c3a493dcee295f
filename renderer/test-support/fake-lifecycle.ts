/**
 * The fake API's reviews, plan revisions, endings and re-opening: the same effects main has (records,
 * ratings, Current Views, the case's grouping and dates, the audit trail), in memory, for component tests.
 */
import type { IsoDate } from '../../shared/dates';
import type { CurrentViewRatings } from '../../shared/domain/current-view';
import { GROUPING_LABELS } from '../../shared/domain/groupings';
import { ENDING_REASON_LABELS, REVIEW_DECISION_LABELS } from '../../shared/domain/lifecycle';
import type { Settings } from '../../shared/domain/settings';
import { AppError } from '../../shared/ipc/result';
import type { CloseCaseValue, ReopenCaseValue } from '../../shared/ipc/schemas/ending';
import type { RevisePlanRuleContext, RevisePlanValue } from '../../shared/ipc/schemas/plan-revision';
import type { RecordReviewValue, ReviewRuleContext } from '../../shared/ipc/schemas/review';
import type { Clinician, CurrentViewRecord, EndingRecord, HistoryEntry, PlanRecord, ReviewRecord } from '../../shared/ipc/types';
import { activeGoalsOf, criteriaInForce, fakeId, goalRecord, lastReviewDateOf, type FakeCase } from './fake-records';

export const READ_ONLY_MESSAGE = 'This case is closed and cannot be changed. Re-open it as a new episode to continue.';
export const CONFLICT_MESSAGE =
  'This case was changed elsewhere (another window or person) since you opened it. Nothing was saved: reload to see the changes.';

/** What a write needs from the fake's world: who acts, when, and the team's settings. */
export interface FakeWorld {
  today: IsoDate;
  now(): string;
  author(): Clinician;
  settings(): Settings;
}

/** Refuses any write to a closed case, as main does, before anything else is looked at. */
export function assertWritable(c: FakeCase): void {
  if (c.summary.status !== 'open') throw new AppError('read_only', READ_ONLY_MESSAGE);
}

/** Optimistic concurrency: the form must have been loaded from the case as it is now. */
export function assertVersion(c: FakeCase, caseVersion: number | undefined): void {
  if (caseVersion !== undefined && caseVersion !== c.summary.version) throw new AppError('conflict', CONFLICT_MESSAGE);
}

let seq = 0;
/** Appends one audit entry to the case's history. */
export function audit(
  w: FakeWorld,
  c: FakeCase,
  entry: Pick<HistoryEntry, 'action' | 'entity' | 'entityId' | 'summary'> & { changes?: HistoryEntry['changes'] },
): void {
  const actor = w.author();
  seq += 1;
  c.history.push({ seq, at: w.now(), actorId: actor.id, actorName: actor.name, changes: [], ...entry });
}

export function reviewContext(c: FakeCase, w: FakeWorld): ReviewRuleContext {
  return {
    today: w.today,
    openDate: c.summary.openDate,
    lastReviewDate: lastReviewDateOf(c),
    targetDate: c.summary.targetDate,
    grouping: c.summary.grouping,
    activeGoals: activeGoalsOf(c).map((g) => ({
      id: g.id,
      description: g.description,
      ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })),
    })),
    criteria: criteriaInForce(c).map(({ id, text }) => ({ id, text })),
    settings: w.settings(),
  };
}

export function reviseContext(c: FakeCase, w: FakeWorld): RevisePlanRuleContext {
  const grouping = c.summary.grouping;
  if (!grouping) throw new AppError('conflict', 'Record the Current View at open before revising the plan');
  return {
    today: w.today,
    openDate: c.summary.openDate,
    lastReviewDate: lastReviewDateOf(c),
    grouping,
    activeGoals: activeGoalsOf(c).map(({ id, description }) => ({ id, description })),
    criteria: criteriaInForce(c).map(({ id, text }) => ({ id, text })),
    settings: w.settings(),
  };
}

function addCurrentView(
  w: FakeWorld,
  c: FakeCase,
  context: CurrentViewRecord['context'],
  completedDate: IsoDate,
  v: { reason: CurrentViewRecord['reason']; grouping: CurrentViewRecord['grouping']; ratings: CurrentViewRatings },
): CurrentViewRecord {
  const author = w.author();
  const view: CurrentViewRecord = {
    id: fakeId(),
    caseId: c.summary.id,
    context,
    completedDate,
    reason: v.reason,
    grouping: v.grouping,
    ratings: v.ratings,
    recordedBy: author.id,
    recordedByName: author.name,
    createdAt: w.now(),
  };
  c.currentViews.push(view);
  return view;
}

function changeGrouping(w: FakeWorld, c: FakeCase, to: CurrentViewRecord['grouping']): void {
  const from = c.summary.grouping;
  if (from === to) return;
  c.summary.grouping = to;
  audit(w, c, {
    action: 'case.grouping',
    entity: 'case',
    entityId: c.summary.id,
    summary: `Grouping changed to ${GROUPING_LABELS[to]}`,
    changes: [{ field: 'grouping', before: from ? GROUPING_LABELS[from] : null, after: GROUPING_LABELS[to] }],
  });
}

function rate(c: FakeCase, ratings: ReadonlyArray<{ goalId: string; score: number }>, on: IsoDate, context: 'review' | 'ending'): void {
  for (const r of ratings) {
    const goal = c.goals.find((g) => g.id === r.goalId);
    goal?.ratings.push({ id: fakeId(), goalId: r.goalId, ratedOn: on, score: r.score, context });
  }
}

export function recordReview(w: FakeWorld, c: FakeCase, a: RecordReviewValue): ReviewRecord {
  if (!c.plan) throw new AppError('conflict', 'Agree the THRIVE plan before recording a review');
  const author = w.author();
  rate(c, a.goalRatings, a.reviewDate, 'review');
  const view = a.currentView ? addCurrentView(w, c, 'review', a.reviewDate, a.currentView) : null;
  const review: ReviewRecord = {
    id: fakeId(),
    caseId: c.summary.id,
    reviewDate: a.reviewDate,
    attendees: a.attendees,
    otherAttendees: a.otherAttendees,
    decision: a.decision,
    explicitDiscussion: a.explicitDiscussion,
    endingPlan: a.endingPlan,
    nextReviewDate: a.nextReviewDate,
    notes: a.notes,
    currentViewId: view?.id ?? null,
    goalRatings: a.goalRatings,
    criteriaProgress: a.criteriaProgress,
    createdAt: w.now(),
    createdBy: author.id,
    createdByName: author.name,
  };
  c.reviews.push(review);
  audit(w, c, {
    action: 'review.record',
    entity: 'review',
    entityId: review.id,
    summary: `Review recorded (decision: ${REVIEW_DECISION_LABELS[a.decision]})`,
  });
  if (view) changeGrouping(w, c, view.grouping);
  const before = c.summary.nextReviewDate;
  c.summary.nextReviewDate = a.nextReviewDate;
  if (before !== a.nextReviewDate) {
    audit(w, c, {
      action: 'case.next_review',
      entity: 'case',
      entityId: c.summary.id,
      summary: 'Next agreed review date set',
      changes: [{ field: 'next review date', before, after: a.nextReviewDate }],
    });
  }
  c.summary.version += 1;
  return review;
}

export function revisePlan(w: FakeWorld, c: FakeCase, a: RevisePlanValue): PlanRecord {
  const previous = c.plan;
  if (!previous) throw new AppError('conflict', 'Agree the THRIVE plan before revising it');
  const grouping = c.summary.grouping ?? previous.grouping;
  const author = w.author();
  const on = a.revisedDate;
  const active = activeGoalsOf(c);
  const kept = new Set<string>();
  a.goals.forEach((g, i) => {
    const current = g.goalId ? active.find((x) => x.id === g.goalId) : undefined;
    if (current && current.description === g.description) {
      current.position = i + 1;
      kept.add(current.id);
      return;
    }
    const goal = goalRecord({ id: fakeId(), position: i + 1, description: g.description, createdOn: on });
    goal.ratings.push({ id: fakeId(), goalId: goal.id, ratedOn: on, score: g.firstRating ?? 0, context: 'plan' });
    if (current) {
      goal.replacesGoalId = current.id;
      Object.assign(current, { status: 'dropped', endedOn: on });
      kept.add(current.id);
      audit(w, c, {
        action: 'goal.reword',
        entity: 'goal',
        entityId: goal.id,
        summary: 'Goal reworded (a new goal linked to the old one)',
        changes: [{ field: 'goal', before: current.description, after: goal.description }],
      });
    } else {
      audit(w, c, { action: 'goal.add', entity: 'goal', entityId: goal.id, summary: `Goal added: "${goal.description}"` });
    }
    c.goals.push(goal);
  });
  for (const g of active) {
    if (kept.has(g.id)) continue;
    Object.assign(g, { status: 'dropped', endedOn: on });
    audit(w, c, { action: 'goal.drop', entity: 'goal', entityId: g.id, summary: `Goal dropped: "${g.description}"` });
  }

  const inForce = criteriaInForce(c);
  const criteria = a.endingCriteria.map((x, i) => {
    const current = x.criterionId ? inForce.find((k) => k.id === x.criterionId) : undefined;
    if (current && current.text === x.text) {
      current.position = i + 1;
      return current;
    }
    const added = { id: fakeId(), position: i + 1, text: x.text, retiredAt: null };
    c.criteria.push(added);
    return added;
  });
  for (const k of inForce) {
    if (!criteria.includes(k)) k.retiredAt = w.now();
  }

  const plan: PlanRecord = {
    ...previous,
    id: fakeId(),
    versionNo: previous.versionNo + 1,
    revisionReason: a.reason,
    reviewId: a.reviewId,
    agreedDate: on,
    grouping,
    agreedOutcome: a.agreedOutcome,
    endingCriteria: criteria.map((k) => ({ ...k })),
    likelihood: a.likelihood,
    likelihoodNote: a.likelihoodNote,
    targetDate: a.targetDate,
    contingency: a.contingency,
    reviewDate: a.reviewDate,
    riskSupportSummary: a.riskSupportSummary,
    sdm: a.sdm,
    createdAt: w.now(),
    createdBy: author.id,
    createdByName: author.name,
  };
  c.plan = plan;
  c.planVersions.push(plan);
  const changes: HistoryEntry['changes'] = [];
  if (previous.targetDate !== a.targetDate) changes.push({ field: 'target date', before: previous.targetDate, after: a.targetDate });
  if (previous.agreedOutcome !== a.agreedOutcome)
    changes.push({ field: 'what success would look like', before: previous.agreedOutcome, after: a.agreedOutcome });
  audit(w, c, {
    action: 'plan.revise',
    entity: 'plan',
    entityId: plan.id,
    summary: `Plan revised (version ${plan.versionNo}): ${a.reason}`,
    changes,
  });
  Object.assign(c.summary, { targetDate: a.targetDate, nextReviewDate: a.reviewDate });
  c.summary.version += 1;
  return plan;
}

export function closeCase(w: FakeWorld, c: FakeCase, a: CloseCaseValue): EndingRecord {
  const author = w.author();
  rate(c, a.finalRatings, a.endingDate, 'ending');
  const view = a.currentView ? addCurrentView(w, c, 'close', a.endingDate, a.currentView) : null;
  const ending: EndingRecord = {
    id: fakeId(),
    caseId: c.summary.id,
    endingDate: a.endingDate,
    reason: a.reason,
    reasonOther: a.reasonOther,
    mhsdsCode: a.mhsdsCode,
    continuingSupport: a.continuingSupport,
    signposting: a.signposting,
    wellbeingPlan: a.wellbeingPlan,
    discussedFromStart: a.discussedFromStart,
    currentViewId: view?.id ?? null,
    criteriaStatus: a.criteriaStatus,
    finalRatings: a.finalRatings,
    createdAt: w.now(),
    createdBy: author.id,
    createdByName: author.name,
  };
  c.ending = ending;
  if (view) changeGrouping(w, c, view.grouping);
  audit(w, c, {
    action: 'case.close',
    entity: 'case',
    entityId: c.summary.id,
    summary: `Case closed (reason: ${a.reason === 'other' && a.reasonOther ? a.reasonOther : ENDING_REASON_LABELS[a.reason]})`,
    changes: [{ field: 'status', before: 'open', after: 'closed' }],
  });
  Object.assign(c.summary, { status: 'closed', closedDate: a.endingDate });
  c.summary.version += 1;
  return ending;
}

/** A new case row for the next episode: same young person and case reference, no plan yet. */
export function reopenCase(w: FakeWorld, old: FakeCase, a: ReopenCaseValue, lead: Clinician): FakeCase {
  if (old.summary.status !== 'closed') throw new AppError('conflict', 'Only a closed case can be re-opened');
  if (old.nextEpisodeId) throw new AppError('conflict', 'This case has already been re-opened as a new episode');
  const next: FakeCase = {
    summary: {
      ...old.summary,
      id: fakeId(),
      episodeNo: old.summary.episodeNo + 1,
      referralDate: a.referralDate,
      openDate: a.openDate,
      closedDate: null,
      status: 'open',
      leadClinicianId: lead.id,
      leadClinicianName: lead.name,
      grouping: null,
      nextReviewDate: null,
      targetDate: null,
      planComplete: false,
      version: 1,
    },
    currentViews: [],
    plan: null,
    planVersions: [],
    goals: [],
    criteria: [],
    reviews: [],
    ending: null,
    previousEpisodeId: old.summary.id,
    nextEpisodeId: null,
    history: [],
  };
  old.nextEpisodeId = next.summary.id;
  audit(w, old, { action: 'case.reopen', entity: 'case', entityId: next.summary.id, summary: `Re-opened as episode ${next.summary.episodeNo}: ${a.reason}` });
  audit(w, next, {
    action: 'case.open',
    entity: 'case',
    entityId: next.summary.id,
    summary: `Case re-opened (episode ${next.summary.episodeNo}): ${a.reason}`,
  });
  return next;
}

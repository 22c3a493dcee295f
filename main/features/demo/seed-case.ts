/**
 * One demo case from open to wherever its story stops: the Current View at open and the plan, then its
 * session ratings, reviews (and any revision), ending and re-opening in date order, each written
 * through the same service a clinician's form uses.
 */
import { addDaysTo, type IsoDate } from '../../../shared/dates';
import type { CurrentViewRatings } from '../../../shared/domain/current-view';
import { AppError } from '../../../shared/ipc/result';
import { appendAudit } from '../../db/repos/audit';
import { getCaseSummary } from '../../db/repos/cases';
import { insertGoalRating, listActiveGoals } from '../../db/repos/goals';
import { getCurrentPlan, listCriteriaInForce } from '../../db/repos/plans';
import { openCase } from '../cases/open-case';
import { writableCase } from '../cases/writable-case';
import { recordOpeningCurrentView } from '../current-view/record-opening';
import { closeCase } from '../cases/close-case';
import { reopenCase } from '../cases/reopen-case';
import { revisePlan } from '../plan/revise-plan';
import { savePlan } from '../plan/save-plan';
import { recordReview } from '../review/record-review';
import type { WriteContext } from '../write-context';
import type { DemoCase, DemoEnding, DemoPlan, DemoReopen, DemoReview, SessionRatings } from './demo-case';
import { closeInput, fullRatings, planInput, reviewInput, reviseInput, type DemoCaseNow } from './demo-inputs';

type Event =
  | { day: number; rank: 0; kind: 'session'; goal: string; score: number }
  | { day: number; rank: 1; kind: 'review'; review: DemoReview }
  | { day: number; rank: 2; kind: 'ending'; ending: DemoEnding }
  | { day: number; rank: 3; kind: 'reopen'; reopen: DemoReopen };

function sessions(goal: string, later: SessionRatings | undefined): Event[] {
  return (later ?? []).map(([day, score]) => ({ day, rank: 0, kind: 'session', goal, score }));
}

/** Everything after the plan, oldest first (on one day: session ratings, then the review, then the ending). */
function timeline(demo: DemoCase): Event[] {
  const events: Event[] = [
    ...(demo.plan?.goals ?? []).flatMap((g) => sessions(g.text, g.later)),
    ...(demo.reviews ?? []).flatMap((review): Event[] => [
      { day: review.daysAgo, rank: 1, kind: 'review', review },
      ...(review.revision?.goals ?? []).flatMap((g) => ('text' in g ? sessions(g.text, g.later) : [])),
    ]),
    ...(demo.ending ? [{ day: demo.ending.daysAgo, rank: 2, kind: 'ending', ending: demo.ending } as const] : []),
    ...(demo.reopen ? [{ day: demo.reopen.daysAgo, rank: 3, kind: 'reopen', reopen: demo.reopen } as const] : []),
  ];
  return events.sort((a, b) => b.day - a.day || a.rank - b.rank);
}

export function caseNow(w: WriteContext, caseId: string, openingRatings: Partial<CurrentViewRatings>): DemoCaseNow {
  const summary = getCaseSummary(w.db, caseId);
  if (!summary) throw new AppError('internal', 'Demo case not found');
  return {
    summary,
    goals: listActiveGoals(w.db, caseId),
    criteria: listCriteriaInForce(w.db, caseId),
    plan: getCurrentPlan(w.db, caseId),
    openingRatings,
  };
}

/** A rating given at a session (not a review): written through the goals repo with its audit entry. */
export function sessionRating(w: WriteContext, now: DemoCaseNow, goalText: string, ratedOn: IsoDate, score: number): void {
  // Like every other write, never to a closed case: its goals' ratings are fixed at close (hazard H31).
  writableCase(w.db, now.summary.id);
  const goal = now.goals.find((g) => g.description === goalText);
  if (!goal) throw new AppError('internal', `Demo data: goal "${goalText}" is not in force on ${ratedOn}`);
  const at = w.clock.now();
  const id = insertGoalRating(w.db, { goalId: goal.id, ratedOn, score, context: 'session', createdBy: w.actor }, at);
  appendAudit(w.db, {
    at,
    actorId: w.actor,
    caseId: now.summary.id,
    youngPersonId: now.summary.youngPersonId,
    action: 'goal.rate',
    entity: 'goal_rating',
    entityId: id,
    after: { goalId: goal.id, description: goal.description, ratedOn, score, context: 'session' },
  });
}

function startPlan(w: WriteContext, caseId: string, plan: DemoPlan, openingRatings: Partial<CurrentViewRatings>): void {
  const today = w.clock.today();
  savePlan(w, planInput(caseId, plan, today));
  const now = caseNow(w, caseId, openingRatings);
  for (const g of plan.goals) for (const [day, score] of g.later ?? []) sessionRating(w, now, g.text, addDaysTo(today, -day), score);
}

/** A closed case re-opened: the new episode, its Current View at open and its plan. */
function reopen(w: WriteContext, now: DemoCaseNow, again: DemoReopen): void {
  const today = w.clock.today();
  const openDate = addDaysTo(today, -again.daysAgo);
  const episode = reopenCase(w, {
    caseId: now.summary.id,
    caseVersion: now.summary.version,
    referralDate: addDaysTo(today, -again.referred),
    openDate,
    leadClinicianId: now.summary.leadClinicianId,
    reason: again.reason,
  });
  recordOpeningCurrentView(w, {
    caseId: episode.id,
    completedDate: openDate,
    reason: 'changed_situation',
    grouping: again.grouping,
    ratings: fullRatings(again.ratings),
  });
  startPlan(w, episode.id, again.plan, again.ratings);
}

export interface SeedCaseInput {
  caseRef: string;
  leadId: string;
  dateOfBirth: IsoDate;
  nhsNumber: string | null;
  referralDate: IsoDate;
  /** Days after opening that the Current View at open was completed. */
  currentViewAfter: number;
}

/** Writes one demo case; returns how many episodes (case rows) it made. */
export function seedCase(w: WriteContext, demo: DemoCase, input: SeedCaseInput): number {
  const today = w.clock.today();
  const openDate = addDaysTo(today, -demo.opened);
  const summary = openCase(w, {
    caseRef: input.caseRef,
    name: demo.name,
    dateOfBirth: input.dateOfBirth,
    nhsNumber: input.nhsNumber,
    referralDate: input.referralDate,
    openDate,
    leadClinicianId: input.leadId,
    coordinatingAgency: demo.agency ?? 'CAMHS',
  });
  if (!demo.grouping) return 1;
  const openingRatings = demo.ratings ?? {};
  recordOpeningCurrentView(w, {
    caseId: summary.id,
    completedDate: addDaysTo(openDate, input.currentViewAfter),
    reason: 'first_contact',
    grouping: demo.grouping,
    ratings: fullRatings(openingRatings),
  });
  if (!demo.plan) return 1;
  savePlan(w, planInput(summary.id, demo.plan, today));

  let episodes = 1;
  for (const event of timeline(demo)) {
    const now = caseNow(w, summary.id, openingRatings);
    if (event.kind === 'session') sessionRating(w, now, event.goal, addDaysTo(today, -event.day), event.score);
    else if (event.kind === 'review') {
      const review = recordReview(w, reviewInput(now, event.review, today));
      const revision = event.review.revision;
      if (revision) revisePlan(w, reviseInput(caseNow(w, summary.id, openingRatings), revision, review.id, review.reviewDate, today));
    } else if (event.kind === 'ending') closeCase(w, closeInput(now, event.ending, today));
    else {
      reopen(w, now, event.reopen);
      episodes++;
    }
  }
  return episodes;
}

/**
 * One young person's whole story for the case page's component tests, recorded through the real
 * channels on the dates it happened (the clock is moved to each day, so "recorded on" and History show
 * those days): Riley Shaw, opened 05/10/2026 in Getting More Help, a plan agreed 12/10/2026, a review on
 * 23/11/2026 that moved to Getting Help and revised the plan, a review on 04/01/2027 recorded without
 * its Current View that moved to ending, and (when asked) the ending on 08/01/2027.
 *
 * Goals, so each change label has a case:
 *  - Goal 1 "Sleep through the night": 3 → 5 → 6 (+3, Improved)
 *  - Goal 2 "Go back to school": 2 → 2, reworded at the revision into
 *    Goal 2 "Go to school three days a week": 4 → 6 (+2, No reliable change)
 *  - Goal 3 "Join a club": 5 → 5, dropped at the revision
 *  - Goal 3 "Feel less worried when out", added at the revision: 6 → 3 (−3, Deteriorated)
 */
import type { IsoDate } from '../../../shared/dates';
import type { CurrentViewRatings } from '../../../shared/domain/current-view';
import type { CaseDetail } from '../../../shared/ipc/types';
import { ratings } from '../test-app';
import type { TestBackend } from './backend';

/** How far the story goes: just opened, Current View at open, plan agreed, both reviews, or ended. */
export type RileyStage = 'opened' | 'current-view' | 'plan' | 'reviewed' | 'closed';

const STAGES: readonly RileyStage[] = ['opened', 'current-view', 'plan', 'reviewed', 'closed'];

export interface RileyStoryOptions {
  /** Default 'reviewed' (the open case with its whole history). */
  upTo?: RileyStage;
  /** Scores of Goal 1 (sleep) at the plan, the two reviews and the ending; default 3, 5, 6, 8. */
  sleepScores?: [number, number, number, number];
  /** The ending's reason; 'other' says the family moved abroad. */
  endingReason?: 'criteria_met' | 'other';
}

/** Every item rated (None / No), with these items as recorded. */
const view = (overrides: CurrentViewRatings) => ratings({ p3: 1, p9: 0, cf12: 'no', ...overrides });

const SDM = {
  participants: ['young_person', 'parent_carer'] as const,
  otherParticipants: null,
  optionsConsidered: 'CBT for anxiety; sleep hygiene; school liaison.',
  decisionAid: null,
};

/** Seeds Riley Shaw up to `upTo` and returns the case id. */
export function seedRileyShaw(backend: TestBackend, options: RileyStoryOptions = {}): string {
  const reached = (stage: RileyStage) => STAGES.indexOf(options.upTo ?? 'reviewed') >= STAGES.indexOf(stage);
  const on = (day: IsoDate) => backend.clock.set(day);
  const now = (caseId: string): CaseDetail => backend.getCase(caseId);
  const sleep = options.sleepScores ?? [3, 5, 6, 8];

  on('2026-10-05');
  const { id: caseId } = backend.okNow('cases:open', {
    caseRef: 'RIO-2001',
    name: 'Riley Shaw',
    dateOfBirth: '2011-06-30',
    nhsNumber: '9434765919',
    referralDate: '2026-09-21',
    openDate: '2026-10-05',
    leadClinicianId: backend.profile.id,
    coordinatingAgency: 'CAMHS',
  });
  if (reached('current-view')) {
    backend.okNow('currentView:record', {
      caseId,
      completedDate: '2026-10-05',
      reason: 'first_contact',
      grouping: 'getting_more_help',
      ratings: view({ p3: 3, p9: 2, cf3: 'not_known' }),
    });
  }
  if (reached('plan')) agreePlan(backend, caseId, sleep[0]);
  if (reached('reviewed')) reviewAndRevise(backend, caseId, sleep);
  if (reached('closed')) end(backend, now(caseId), sleep[3], options.endingReason ?? 'criteria_met');
  on(backend.today);
  return caseId;
}

function agreePlan(backend: TestBackend, caseId: string, sleepScore: number): void {
  backend.clock.set('2026-10-12');
  backend.okNow('plan:save', {
    caseId,
    caseVersion: backend.getCase(caseId).summary.version,
    agreedDate: '2026-10-12',
    goals: [
      { description: 'Sleep through the night', firstRating: sleepScore },
      { description: 'Go back to school', firstRating: 2 },
      { description: 'Join a club', firstRating: 5 },
    ],
    agreedOutcome: 'Riley sleeps well and is back at school.',
    endingCriteria: ['Sleeps through most nights for a month', 'Attends school every day for four weeks'],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: '2027-02-01',
    contingency: 'Review with Riley and family; consider Getting More Help.',
    reviewDate: '2026-11-23',
    riskSupportSummary: null,
    sdm: { ...SDM, participants: [...SDM.participants], collaborate: { understand: 8, listen: 9, include: 7 } },
  });
}

function reviewAndRevise(backend: TestBackend, caseId: string, sleep: readonly number[]): void {
  backend.clock.set('2026-11-23');
  let detail = backend.getCase(caseId);
  const [sleepGoal, school, club] = detail.goals;
  const [sleepCriterion, schoolCriterion] = detail.criteria;
  const review = backend.okNow('review:record', {
    caseId,
    caseVersion: detail.summary.version,
    reviewDate: '2026-11-23',
    attendees: ['young_person', 'parent_carer'],
    otherAttendees: null,
    goalRatings: [
      { goalId: sleepGoal!.id, score: sleep[1]! },
      { goalId: school!.id, score: 2 },
      { goalId: club!.id, score: 5 },
    ],
    criteriaProgress: [
      { criterionId: sleepCriterion!.id, status: 'partly' },
      { criterionId: schoolCriterion!.id, status: 'not_yet' },
    ],
    currentView: { reason: 'changed_understanding', grouping: 'getting_help', ratings: view({ p3: 2, p9: 2, cf3: 'no' }) },
    decision: 'revise_plan',
    explicitDiscussion: null,
    endingPlan: null,
    nextReviewDate: '2027-01-04',
    notes: 'Sleep improving; school feels too big a step.',
  });
  backend.okNow('plan:revise', {
    caseId,
    caseVersion: backend.getCase(caseId).summary.version,
    revisedDate: '2026-11-23',
    reviewId: review.id,
    reason: 'Riley wanted the school goal to be more realistic and the club goal no longer fits.',
    goals: [
      { goalId: sleepGoal!.id, description: 'Sleep through the night', firstRating: null },
      { goalId: school!.id, description: 'Go to school three days a week', firstRating: 4 },
      { goalId: null, description: 'Feel less worried when out', firstRating: 6 },
    ],
    agreedOutcome: 'Riley sleeps well and is back at school.',
    endingCriteria: [
      { criterionId: sleepCriterion!.id, text: 'Sleeps through most nights for a month' },
      { criterionId: schoolCriterion!.id, text: 'Attends school three days a week for four weeks' },
    ],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: '2027-03-01',
    contingency: 'Review with Riley and family; consider Getting More Help.',
    reviewDate: '2027-01-04',
    riskSupportSummary: null,
    sdm: { ...SDM, participants: [...SDM.participants], collaborate: null },
  });

  backend.clock.set('2027-01-04');
  detail = backend.getCase(caseId);
  const active = detail.goals.filter((g) => g.status === 'active');
  const inForce = detail.criteria.filter((c) => c.retiredAt === null);
  const scores: Record<string, number> = { 'Sleep through the night': sleep[2]!, 'Go to school three days a week': 6, 'Feel less worried when out': 3 };
  backend.okNow('review:record', {
    caseId,
    caseVersion: detail.summary.version,
    reviewDate: '2027-01-04',
    attendees: ['young_person', 'other'],
    otherAttendees: 'School nurse',
    goalRatings: active.map((g) => ({ goalId: g.id, score: scores[g.description]! })),
    criteriaProgress: inForce.map((c, i) => ({ criterionId: c.id, status: i === 0 ? 'met' : 'partly' })),
    currentView: null,
    decision: 'move_to_ending',
    explicitDiscussion: 'Agreed to keep the sleep routine going without sessions.',
    endingPlan: 'Two more sessions, then end with a wellbeing plan.',
    nextReviewDate: '2027-02-15',
    notes: null,
  });
}

function end(backend: TestBackend, detail: CaseDetail, sleepScore: number, reason: 'criteria_met' | 'other'): void {
  backend.clock.set('2027-01-08');
  const finals: Record<string, number> = { 'Sleep through the night': sleepScore, 'Go to school three days a week': 7, 'Feel less worried when out': 5 };
  const other = reason === 'other';
  backend.okNow('cases:close', {
    caseId: detail.summary.id,
    caseVersion: detail.summary.version,
    endingDate: '2027-01-08',
    reason,
    reasonOther: other ? 'Family moved abroad' : null,
    mhsdsCode: other ? null : '01',
    criteriaStatus: detail.criteria.filter((c) => c.retiredAt === null).map((c, i) => ({ criterionId: c.id, status: i === 0 ? 'met' : 'partly' })),
    finalRatings: detail.goals.filter((g) => g.status === 'active').map((g) => ({ goalId: g.id, score: finals[g.description]! })),
    currentView: { reason: 'changed_situation', grouping: 'thriving', ratings: view({ p3: 1, p9: 1, cf3: 'no' }) },
    continuingSupport: 'School pastoral team check in weekly.',
    signposting: other ? null : 'Kooth online support.',
    wellbeingPlan: 'Bedtime routine, and who to talk to when worried.',
    discussedFromStart: true,
  });
}

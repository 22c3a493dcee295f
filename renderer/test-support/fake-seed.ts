/**
 * The fake API's seeding helpers (test set-up, straight into the store): a case with its opening
 * Current View and plan, a review with its effects, and a closure. They skip the channels' rules, but
 * write the same records, versions and history as the channels do.
 */
import { addWeeksTo, type IsoDate } from '../../shared/dates';
import type { CurrentViewRatings } from '../../shared/domain/current-view';
import type { GroupingCode } from '../../shared/domain/groupings';
import type { EndingReason, ReviewDecision } from '../../shared/domain/lifecycle';
import { audit, closeCase, recordReview } from './fake-lifecycle';
import { agreePlan, recordOpeningView } from './fake-opening';
import { activeGoalsOf, allRated, criteriaInForce, fakeId, goalRecord, type FakeCase } from './fake-records';
import type { FakeState } from './fake-state';

export interface SeedCaseOptions {
  name: string;
  caseRef: string;
  dateOfBirth?: IsoDate;
  nhsNumber?: string | null;
  referralDate?: IsoDate;
  openDate?: IsoDate;
  leadClinicianId?: string;
  /** Records a Current View at open with this grouping. */
  grouping?: GroupingCode;
  /** An imported case: this grouping on the case and its plan, with no Current View at open. */
  importedGrouping?: GroupingCode;
  plan?: {
    agreedDate: IsoDate;
    reviewDate?: IsoDate;
    targetDate?: IsoDate;
    /** The ending criteria (default: one about school attendance). */
    criteria?: string[];
    /** A dropped goal stays in the record (with its ratings) but is no longer rated. */
    goals?: Array<{ description: string; ratings: Array<{ date: IsoDate; score: number }>; status?: 'active' | 'dropped' }>;
  };
}

/** A review added directly (test set-up, no rules): scores are for the active goals in plan order. */
export interface SeedReviewOptions {
  reviewDate: IsoDate;
  scores?: number[];
  decision?: ReviewDecision;
  /** The grouping of the Current View at review; null records the review without it ("Current View missing"). */
  grouping?: GroupingCode | null;
  ratings?: CurrentViewRatings;
  explicitDiscussion?: string | null;
  nextReviewDate?: IsoDate;
}

/** A closure added directly (test set-up, no rules): final scores are for the active goals in plan order. */
export interface SeedClosureOptions {
  endingDate: IsoDate;
  grouping?: GroupingCode | null;
  reason?: EndingReason;
  finalScores?: number[];
}

/** Adds a case directly (test set-up), optionally with its opening Current View and a plan. */
export function seedCase(s: FakeState, o: SeedCaseOptions): string {
  const lead = o.leadClinicianId ? s.clinician(o.leadClinicianId) : s.me();
  const openDate = o.openDate ?? '2026-11-02';
  const c: FakeCase = {
    summary: {
      id: fakeId(),
      caseRef: o.caseRef,
      episodeNo: 1,
      youngPersonId: fakeId(),
      name: o.name,
      dateOfBirth: o.dateOfBirth ?? '2012-05-04',
      nhsNumber: o.nhsNumber ?? null,
      referralDate: o.referralDate ?? openDate,
      openDate,
      closedDate: null,
      status: 'open',
      leadClinicianId: lead.id,
      leadClinicianName: lead.name,
      teamId: lead.teamId,
      coordinatingAgency: 'CAMHS',
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
    previousEpisodeId: null,
    nextEpisodeId: null,
    history: [],
  };
  s.cases.set(c.summary.id, c);
  audit(s.world, c, { action: 'case.open', entity: 'case', entityId: c.summary.id, summary: 'Case opened' });
  if (o.grouping) recordOpeningView(s, c, openDate, o.grouping);
  else if (o.importedGrouping) c.summary.grouping = o.importedGrouping;
  if (o.plan) {
    const p = o.plan;
    agreePlan(s, c, {
      agreedDate: p.agreedDate,
      goals: [],
      agreedOutcome: 'Back at school and sleeping well',
      endingCriteria: p.criteria ?? ['Attends school every day for four weeks'],
      likelihood: 'likely',
      likelihoodNote: null,
      targetDate: p.targetDate ?? addWeeksTo(p.agreedDate, 16),
      contingency: 'Review with the family and agree a change of plan',
      reviewDate: p.reviewDate ?? addWeeksTo(p.agreedDate, s.settings.reviewIntervalWeeks),
      riskSupportSummary: o.grouping === 'getting_risk_support' ? 'Shared safety plan with social care' : null,
      sdm: { participants: ['young_person'], otherParticipants: null, optionsConsidered: 'CBT', decisionAid: null, collaborate: null },
    });
    c.goals = (p.goals ?? []).map((g, i) => {
      const id = fakeId();
      const ratings = g.ratings.map((r) => ({ id: fakeId(), goalId: id, ratedOn: r.date, score: r.score, context: 'session' as const }));
      const dropped = g.status === 'dropped';
      return goalRecord({
        id,
        position: i + 1,
        description: g.description,
        createdOn: g.ratings[0]?.date ?? p.agreedDate,
        status: dropped ? 'dropped' : 'active',
        endedOn: dropped ? (g.ratings[g.ratings.length - 1]?.date ?? p.agreedDate) : null,
        ratings,
      });
    });
  }
  return c.summary.id;
}

/** A review added directly, with its effects (ratings, Current View, grouping, next review date). */
export function seedReview(s: FakeState, caseId: string, o: SeedReviewOptions): string {
  const c = s.getCase(caseId);
  const grouping = o.grouping === undefined ? (c.summary.grouping ?? 'getting_help') : o.grouping;
  const review = recordReview(s.world, c, {
    caseId,
    caseVersion: c.summary.version,
    reviewDate: o.reviewDate,
    attendees: ['young_person'],
    otherAttendees: null,
    goalRatings: activeGoalsOf(c).flatMap((g, i) => (o.scores?.[i] === undefined ? [] : [{ goalId: g.id, score: o.scores[i] }])),
    criteriaProgress: criteriaInForce(c).map((k) => ({ criterionId: k.id, status: 'partly' as const })),
    currentView: grouping ? { reason: 'changed_understanding', grouping, ratings: o.ratings ?? allRated() } : null,
    decision: o.decision ?? 'continue',
    explicitDiscussion: o.explicitDiscussion ?? null,
    endingPlan: o.decision === 'move_to_ending' ? 'Two more sessions, then close' : null,
    nextReviewDate: o.nextReviewDate ?? addWeeksTo(o.reviewDate, s.settings.reviewIntervalWeeks),
    notes: null,
  });
  return review.id;
}

/**
 * Closes a case directly: criteria met (or `reason`), final ratings as the latest (or `finalScores`
 * for the active goals in plan order), a Current View at close.
 */
export function seedClosure(s: FakeState, caseId: string, o: SeedClosureOptions): void {
  const c = s.getCase(caseId);
  const grouping = o.grouping === undefined ? 'thriving' : o.grouping;
  closeCase(s.world, c, {
    caseId,
    caseVersion: c.summary.version,
    endingDate: o.endingDate,
    reason: o.reason ?? 'criteria_met',
    reasonOther: o.reason === 'other' ? 'Family moved abroad' : null,
    mhsdsCode: null,
    criteriaStatus: criteriaInForce(c).map((k) => ({ criterionId: k.id, status: 'met' as const })),
    finalRatings: activeGoalsOf(c).flatMap((g, i) => {
      const last = g.ratings[g.ratings.length - 1];
      const score = o.finalScores?.[i] ?? last?.score;
      return score === undefined ? [] : [{ goalId: g.id, score }];
    }),
    currentView: grouping ? { reason: 'changed_situation', grouping, ratings: allRated() } : null,
    continuingSupport: null,
    signposting: 'School counsellor',
    wellbeingPlan: null,
    discussedFromStart: true,
  });
}

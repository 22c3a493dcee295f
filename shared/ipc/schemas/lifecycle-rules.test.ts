import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from '../../domain/current-view';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { validateWith } from '../validate';
import { CloseCaseArgs, closeCaseRules, ReopenCaseArgs, reopenCaseRules, type CloseCaseInput, type CloseRuleContext } from './cases-close-reopen';
import { RevisePlanArgs, revisePlanRules, type RevisePlanInput, type RevisePlanRuleContext } from './plan-revise';
import { explicitDiscussionReason, RecordReviewArgs, reviewRules, type RecordReviewInput, type ReviewRuleContext } from './review';

const id = (n: number) => `0190f3a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const CASE = id(1);
const G1 = id(11);
const G2 = id(12);
const DROPPED = id(13);
const C1 = id(21);
const ratings = Object.fromEntries(CURRENT_VIEW_ITEMS.map((i) => [i.code, i.scale === 'severity' ? 1 : 'no'])) as NonNullable<
  RecordReviewInput['currentView']
>['ratings'];
const cv = { reason: 'changed_understanding' as const, grouping: 'getting_help' as const, ratings };

const reviewCtx: ReviewRuleContext = {
  today: '2027-01-20',
  openDate: '2026-10-01',
  lastReviewDate: '2026-12-01',
  targetDate: '2027-03-31',
  grouping: 'getting_more_help',
  activeGoals: [
    { id: G1, description: 'go to school', ratings: [{ date: '2026-10-08', score: 2 }] },
    { id: G2, description: 'sleep better', ratings: [{ date: '2026-10-08', score: 4 }] },
  ],
  criteria: [{ id: C1, text: 'At school four days a week' }],
  settings: DEFAULT_SETTINGS,
};

const review: RecordReviewInput = {
  caseId: CASE,
  caseVersion: 4,
  reviewDate: '2027-01-15',
  attendees: ['young_person', 'parent_carer'],
  goalRatings: [
    { goalId: G1, score: 6 },
    { goalId: G2, score: 7 },
  ],
  criteriaProgress: [{ criterionId: C1, status: 'partly' }],
  currentView: cv,
  decision: 'change_grouping',
  nextReviewDate: '2027-02-26',
};

function reviewPaths(patch: Partial<RecordReviewInput>, ctx: Partial<ReviewRuleContext> = {}) {
  const r = validateWith(RecordReviewArgs, { ...review, ...patch }, reviewRules, { ...reviewCtx, ...ctx });
  return r.ok ? [] : r.fields.map((f) => f.path);
}

describe('review rules', () => {
  it('accepts a complete review that changes the grouping', () => expect(reviewPaths({})).toEqual([]));

  it.each<[string, Partial<RecordReviewInput>, Partial<ReviewRuleContext>, string]>([
    ['dated before the previous review', { reviewDate: '2026-11-30' }, {}, 'reviewDate'],
    ['dated before the case opened', { reviewDate: '2026-09-30' }, { lastReviewDate: null }, 'reviewDate'],
    ['dated in the future', { reviewDate: '2027-01-21' }, {}, 'reviewDate'],
    ['next review not after the review', { nextReviewDate: '2027-01-15' }, {}, 'nextReviewDate'],
    ['move to ending with no ending plan', { decision: 'move_to_ending' }, {}, 'endingPlan'],
    ['change grouping to the same grouping', { currentView: { ...cv, grouping: 'getting_more_help' } }, {}, 'currentView.grouping'],
    ['change grouping without a Current View', { currentView: null }, {}, 'currentView'],
    ['a goal left unrated', { goalRatings: [{ goalId: G1, score: 6 }] }, {}, `goalRatings.goal-${G2}`],
    ['a dropped goal rated', { goalRatings: [{ goalId: G1, score: 6 }, { goalId: G2, score: 7 }, { goalId: DROPPED, score: 3 }] }, {}, 'goalRatings.2.goalId'],
    ['a rating of 11', { goalRatings: [{ goalId: G1, score: 11 }, { goalId: G2, score: 7 }] }, {}, 'goalRatings.0.score'],
    ['a criterion without progress', { criteriaProgress: [] }, {}, `criteriaProgress.criterion-${C1}`],
    ['nobody attended', { attendees: [] }, {}, 'attendees'],
    ['Risk Support next review beyond the maximum', { currentView: { ...cv, grouping: 'getting_risk_support' }, nextReviewDate: '2027-02-13' }, {}, 'nextReviewDate'],
  ])('refuses a review %s', (_what, patch, ctx, path) => {
    expect(reviewPaths(patch, ctx)).toContain(path);
  });

  it('allows a review on the same day as the previous one', () => {
    expect(reviewPaths({ reviewDate: '2026-12-01' })).toEqual([]);
  });

  it('requires the explicit discussion once the target date has passed', () => {
    const ctx = { targetDate: '2027-01-14' };
    expect(reviewPaths({ decision: 'continue' }, ctx)).toEqual(['explicitDiscussion']);
    expect(explicitDiscussionReason(review as { reviewDate: string }, { ...reviewCtx, ...ctx })).toBe(
      'The target date 14/01/2027 has passed: record what was agreed, per the contingency',
    );
    expect(reviewPaths({ decision: 'continue', explicitDiscussion: 'Agreed to refer to Getting More Help' }, ctx)).toEqual([]);
    // On the target date itself it has not passed yet.
    expect(reviewPaths({ decision: 'continue' }, { targetDate: '2027-01-15' })).toEqual([]);
  });

  it('requires the explicit discussion when this review leaves a goal stuck', () => {
    const flat = [{ goalId: G1, score: 3 }, { goalId: G2, score: 8 }];
    const paths = reviewPaths({ decision: 'continue', goalRatings: flat });
    expect(paths).toEqual(['explicitDiscussion']);
    expect(explicitDiscussionReason({ reviewDate: '2027-01-15', goalRatings: flat }, reviewCtx)).toContain('"go to school" is stuck');
  });
});

const reviseCtx: RevisePlanRuleContext = {
  today: '2027-01-20',
  openDate: '2026-10-01',
  lastReviewDate: '2027-01-15',
  grouping: 'getting_help',
  activeGoals: [
    { id: G1, description: 'go to school' },
    { id: G2, description: 'sleep better' },
  ],
  criteria: [{ criterionId: C1, text: 'At school four days a week' }].map((c) => ({ id: c.criterionId, text: c.text })),
  settings: DEFAULT_SETTINGS,
};

const revision: RevisePlanInput = {
  caseId: CASE,
  caseVersion: 5,
  revisedDate: '2027-01-15',
  reason: 'Sleep is better; school is the focus now',
  goals: [{ goalId: G1, description: 'go to school' }],
  agreedOutcome: 'Back at school full time',
  endingCriteria: [{ criterionId: C1, text: 'At school four days a week' }],
  likelihood: 'possible',
  targetDate: '2027-04-30',
  contingency: 'Joint plan with the school nurse',
  reviewDate: '2027-02-26',
  sdm: { participants: ['young_person'], optionsConsidered: 'Graded return to school' },
};

function revisePaths(patch: Partial<RevisePlanInput>, ctx: Partial<RevisePlanRuleContext> = {}) {
  const r = validateWith(RevisePlanArgs, { ...revision, ...patch }, revisePlanRules, { ...reviseCtx, ...ctx });
  return r.ok ? [] : r.fields.map((f) => f.path);
}

describe('plan revision rules', () => {
  it('keeps one goal and drops the other', () => expect(revisePaths({})).toEqual([]));

  it('needs a first rating for a reworded or new goal, not for a kept one', () => {
    expect(revisePaths({ goals: [{ goalId: G1, description: 'go to school every day' }] })).toEqual(['goals.0.firstRating']);
    expect(revisePaths({ goals: [{ goalId: G1, description: 'go to school every day', firstRating: 3 }] })).toEqual([]);
    expect(revisePaths({ goals: [{ description: 'see friends at weekends' }] })).toEqual(['goals.0.firstRating']);
  });

  it.each<[string, Partial<RevisePlanInput>, string]>([
    ['a goal that is no longer active', { goals: [{ goalId: DROPPED, description: 'old goal' }] }, 'goals.0.goalId'],
    ['the same goal twice', { goals: [{ goalId: G1, description: 'go to school' }, { goalId: G1, description: 'go to school' }] }, 'goals.1.goalId'],
    ['four goals', { goals: Array.from({ length: 4 }, () => ({ description: 'a new goal', firstRating: 2 })) }, 'goals'],
    ['no goals for Getting Help', { goals: [] }, 'goals'],
    ['no ending criteria', { endingCriteria: [] }, 'endingCriteria'],
    ['no reason', { reason: ' ' }, 'reason'],
    ['a target date not after the revision', { targetDate: '2027-01-15' }, 'targetDate'],
    ['a revision before the last review', { revisedDate: '2027-01-14' }, 'revisedDate'],
    ['a next review date not after the revision', { reviewDate: '2027-01-15' }, 'reviewDate'],
  ])('refuses %s', (_what, patch, path) => {
    expect(revisePaths(patch)).toContain(path);
  });
});

const closeCtx: CloseRuleContext = {
  today: '2027-03-10',
  openDate: '2026-10-01',
  lastReviewDate: '2027-03-01',
  activeGoals: [{ id: G1, description: 'go to school' }],
  criteria: [{ id: C1, text: 'At school four days a week' }],
};

const ending: CloseCaseInput = {
  caseId: CASE,
  caseVersion: 9,
  endingDate: '2027-03-08',
  reason: 'criteria_met',
  criteriaStatus: [{ criterionId: C1, status: 'met' }],
  finalRatings: [{ goalId: G1, score: 8 }],
  currentView: { ...cv, grouping: 'thriving' },
  discussedFromStart: true,
};

function closePaths(patch: Partial<CloseCaseInput>) {
  const r = validateWith(CloseCaseArgs, { ...ending, ...patch }, closeCaseRules, closeCtx);
  return r.ok ? [] : r.fields;
}

describe('closing rules', () => {
  it('accepts a complete ending to Thriving', () => expect(closePaths({})).toEqual([]));

  it('refuses to close without the closing Current View, saying what is missing', () => {
    expect(closePaths({ currentView: null })).toEqual([
      { path: 'currentView', message: 'Record the Current View at close, with the grouping at close, before closing the case' },
    ]);
  });

  it('refuses to close without the final rating of each active goal', () => {
    expect(closePaths({ finalRatings: [] })).toEqual([
      { path: `finalRatings.goal-${G1}`, message: 'Give the final rating for goal "go to school"' },
    ]);
  });

  it.each<[string, Partial<CloseCaseInput>, string]>([
    ['dated before the last review', { endingDate: '2027-02-28' }, 'endingDate'],
    ['dated in the future', { endingDate: '2027-03-11' }, 'endingDate'],
    ['reason Other with no text', { reason: 'other' }, 'reasonOther'],
    ['a bad MHSDS code', { mhsdsCode: '10' }, 'mhsdsCode'],
    ['a criterion without a final status', { criteriaStatus: [] }, `criteriaStatus.criterion-${C1}`],
    ['no answer about discussing the ending', { discussedFromStart: undefined }, 'discussedFromStart'],
  ])('refuses an ending %s', (_what, patch, path) => {
    expect(closePaths(patch).map((f) => f.path)).toContain(path);
  });

  it('accepts an MHSDS code 01 to 09', () => {
    expect(closePaths({ mhsdsCode: '04' })).toEqual([]);
  });
});

describe('re-opening rules', () => {
  const args = { caseId: CASE, caseVersion: 10, referralDate: '2027-05-01', openDate: '2027-05-10', leadClinicianId: id(31), reason: 'Low mood returned' };
  const ctx = { today: '2027-05-12', closedDate: '2027-03-08' };
  const paths = (patch: object) => {
    const r = validateWith(ReopenCaseArgs, { ...args, ...patch }, reopenCaseRules, ctx);
    return r.ok ? [] : r.fields.map((f) => f.path);
  };
  it('accepts a re-opening after the ending', () => expect(paths({})).toEqual([]));
  it('refuses a re-open date before the ending', () => expect(paths({ openDate: '2027-03-07', referralDate: '2027-03-01' })).toEqual(['openDate']));
  it('refuses a re-open date before the referral', () => expect(paths({ openDate: '2027-05-01', referralDate: '2027-05-02' })).toEqual(['openDate']));
  it('refuses a future date', () => expect(paths({ openDate: '2027-05-13' })).toEqual(['openDate']));
});

/**
 * Flags once reviews exist, as the caseload shows them: "Current View missing" and recording the
 * missing one; "Past target date" cleared only by a review on or after the target date that recorded
 * the explicit discussion; "Goals stuck" from review ratings; the Risk Support gap from the last review.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../main/db/ids';
import { tableCounts } from '../support/temp-db';
import { appWithCase, appWithPlan, currentViewArgs, openCaseArgs, planArgs, ratings, reviewArgs, reviseArgs, type TestApp } from '../support/test-app';

function flags(app: TestApp): Array<[string, string]> {
  return app.ok('caseload:list', {}).rows[0]!.flags.map((f) => [f.label, f.reason]);
}

describe('Current View missing', () => {
  it('shows for a review saved without its Current View, and clears when the missing one is recorded', () => {
    const app = appWithPlan('2026-12-20');
    const review = app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', currentView: null }));
    expect(flags(app)).toEqual([['Current View missing', '1 review or closure recorded without a Current View.']]);

    // The form sends today's date; the Current View of a review takes the review's date.
    const cv = app.ok('currentView:record', currentViewArgs(app.caseId, { reviewId: review.id, completedDate: '2026-12-20', grouping: 'getting_more_help' }));
    expect(cv).toMatchObject({ context: 'review', completedDate: '2026-12-11', grouping: 'getting_more_help' });
    expect(flags(app)).toEqual([]);
    const detail = app.detail();
    expect(detail.reviews[0]!.currentViewId).toBe(cv.id);
    expect(detail.summary.grouping).toBe('getting_more_help');
    expect(app.ok('cases:history', { caseId: app.caseId }).at(-1)).toMatchObject({
      summary: 'Current View at review recorded (Getting More Help) for the review of 11/12/2026',
      changes: [{ field: 'Grouping', before: 'Getting Help', after: 'Getting More Help' }],
    });

    const before = tableCounts(app.services.db);
    expect(app.call('currentView:record', currentViewArgs(app.caseId, { reviewId: review.id }))).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The review of 11/12/2026 already has its Current View' },
    });
    expect(app.call('currentView:record', currentViewArgs(app.caseId, { reviewId: newId() }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(tableCounts(app.services.db)).toEqual(before);
  });

  it("keeps the grouping of a later review when an earlier review's Current View is recorded late", () => {
    const app = appWithPlan('2026-12-20');
    const first = app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', currentView: null }));
    app.ok(
      'review:record',
      reviewArgs(app.detail(), {
        reviewDate: '2026-12-18',
        decision: 'change_grouping',
        currentView: { reason: 'changed_situation', grouping: 'getting_advice', ratings: ratings() },
      }),
    );
    app.ok('currentView:record', currentViewArgs(app.caseId, { reviewId: first.id, grouping: 'getting_more_help' }));
    expect(app.detail().summary.grouping).toBe('getting_advice');
    expect(app.detail().currentViews.map((v) => [v.completedDate, v.grouping])).toEqual([
      ['2026-10-20', 'getting_help'],
      ['2026-12-11', 'getting_more_help'],
      ['2026-12-18', 'getting_advice'],
    ]);
    expect(app.ok('cases:history', { caseId: app.caseId }).at(-1)!.changes).toEqual([]);
  });

  it('refuses a review id from another case', () => {
    const app = appWithPlan('2026-12-20');
    const review = app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', currentView: null }));
    const other = app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-2002', name: 'Alex Second', nhsNumber: null }));
    expect(app.call('currentView:record', currentViewArgs(other.id, { reviewId: review.id }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('Past target date', () => {
  it('clears only when a review on or after the target date records the explicit discussion', () => {
    const app = appWithCase('2026-12-20');
    app.ok('plan:save', planArgs(app.caseId, { targetDate: '2027-01-10' }));
    // A discussion recorded before the target date (it was optional then) does not answer it.
    app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', explicitDiscussion: 'Talked about what happens if school stays hard.' }));

    app.clock.set('2027-01-12');
    expect(flags(app)).toEqual([
      ['Past target date', 'Target date 10/01/2027 passed 2 days ago; no review since has recorded the explicit discussion of what happens next.'],
    ]);

    // A review on the target date itself does not need the discussion, and without it the flag stays.
    const moving = app.detail().goals.map((g, i) => ({ goalId: g.id, score: [8, 9][i]! }));
    app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2027-01-10', nextReviewDate: '2027-02-07', goalRatings: moving }));
    expect(flags(app).map(([label]) => label)).toEqual(['Past target date']);

    app.ok(
      'review:record',
      reviewArgs(app.detail(), { reviewDate: '2027-01-12', nextReviewDate: '2027-02-07', goalRatings: moving, explicitDiscussion: 'Agreed to try the group programme, as the contingency says.' }),
    );
    expect(flags(app)).toEqual([]);

    // A new target date agreed in a revision must itself be discussed once it passes.
    app.ok('plan:revise', reviseArgs(app.detail(), { revisedDate: '2027-01-12', targetDate: '2027-02-10', reviewDate: '2027-03-01' }));
    app.clock.set('2027-02-15');
    expect(flags(app).map(([label]) => label)).toEqual(['Past target date']);
  });
});

describe('Goals stuck', () => {
  it('counts review ratings, makes the review record the discussion, and clears when the goal is reworded', () => {
    const app = appWithPlan('2026-12-11');
    app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', goalRatings: app.detail().goals.map((g, i) => ({ goalId: g.id, score: [3, 5][i]! })) }));
    expect(flags(app)).toEqual([]);

    app.clock.set('2027-01-05');
    const stuckReview = reviewArgs(app.detail(), {
      reviewDate: '2027-01-05',
      goalRatings: app.detail().goals.map((g, i) => ({ goalId: g.id, score: [4, 9][i]! })),
      nextReviewDate: '2027-02-16',
    });
    expect(app.call('review:record', stuckReview)).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'explicitDiscussion', message: 'Goal "Go to school without feeling sick every morning" is stuck: record the explicit discussion of what happens next' }] },
    });
    app.ok('review:record', { ...stuckReview, explicitDiscussion: 'Agreed to try a different approach to mornings.' });
    expect(flags(app)).toEqual([
      ['Goals stuck', 'Goal "Go to school without feeling sick every morning" has moved less than 3 points over at least 8 weeks.'],
    ]);

    const d = app.detail();
    const [stuck, other] = reviseArgs(d).goals;
    app.ok('plan:revise', reviseArgs(d, { revisedDate: '2027-01-05', goals: [{ ...stuck!, description: 'Get into school by 9 most days', firstRating: 4 }, other!] }));
    expect(flags(app)).toEqual([]);
  });
});

describe('Risk Support review gap', () => {
  it('runs from the last review, and a review that would leave more than the maximum interval is refused', () => {
    const app = appWithCase('2026-11-20');
    app.ok('currentView:record', currentViewArgs(app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-2002', nhsNumber: null, name: 'Alex Risk' })).id, { grouping: 'getting_risk_support' }));
    const riskCase = app.ok('cases:list', {}).find((c) => c.caseRef === 'RIO-2002')!;
    app.ok('plan:save', planArgs(riskCase.id, { reviewDate: '2026-11-20', riskSupportSummary: 'Weekly phone contact; safety plan shared with school.' }));
    const detail = () => app.ok('cases:get', { caseId: riskCase.id });
    const riskFlags = () => app.ok('caseload:list', {}).rows.find((r) => r.caseId === riskCase.id)!.flags.map((f) => [f.label, f.reason]);

    const tooLong = reviewArgs(detail(), { reviewDate: '2026-11-20', nextReviewDate: '2026-12-19', currentView: null });
    expect(app.call('review:record', tooLong)).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'nextReviewDate', message: 'Getting Risk Support must be reviewed within 4 weeks' }] },
    });
    app.ok('review:record', { ...tooLong, nextReviewDate: '2026-12-18' });

    app.clock.set('2026-12-20');
    expect(riskFlags()).toEqual([
      ['Risk Support review gap', 'Last review 20/11/2026, 30 days ago: Getting Risk Support should be reviewed at least every 4 weeks.'],
      ['Review overdue', 'Agreed review date 18/12/2026 passed 2 days ago; no review held since.'],
      ['Current View missing', '1 review or closure recorded without a Current View.'],
    ]);
    app.ok('review:record', reviewArgs(detail(), { reviewDate: '2026-12-20', nextReviewDate: '2027-01-15', currentView: { reason: 'changed_understanding', grouping: 'getting_risk_support', ratings: ratings() } }));
    expect(riskFlags()).toEqual([['Current View missing', '1 review or closure recorded without a Current View.']]);
  });
});

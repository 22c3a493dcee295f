/**
 * The whole THRIVE cycle through the contract, as a clinician lives it: open → Current View → plan →
 * review 1 (grouping changes) → plan revised (a goal reworded, one dropped) → review 2 after the target
 * date with the explicit discussion → ending with the closing Current View. At each step: what the
 * caseload and the case page show, and that the History tells the story.
 */
import { describe, expect, it } from 'vitest';
import { countAudit, listCaseAudit, verifyAuditChain } from '../../main/db/repos/audit';
import { verifyAudit } from '../../main/db/verify-audit';
import { appWithPlan, closeArgs, ratings, reviewArgs, reviseArgs, type TestApp } from '../support/test-app';

function caseloadFlags(app: TestApp): string[][] {
  return app.ok('caseload:list', {}).rows.map((r) => r.flags.map((f) => f.label));
}

describe('the whole cycle of a case', () => {
  it('open → plan → review → revise → review after the target date → close, with the caseload, case page and History at each step', () => {
    const app = appWithPlan('2026-11-22');
    const { caseId, profile } = app;

    // The agreed review date (08/12/2026) passes with no review.
    app.clock.set('2026-12-11');
    expect(caseloadFlags(app)).toEqual([['Review overdue']]);

    // Review 1: the grouping changes to Getting More Help; "Review overdue" clears.
    const before1 = app.detail();
    const review1 = app.ok(
      'review:record',
      reviewArgs(before1, {
        decision: 'change_grouping',
        currentView: { reason: 'changed_understanding', grouping: 'getting_more_help', ratings: ratings({ p9: 1 }) },
        goalRatings: before1.goals.map((g, i) => ({ goalId: g.id, score: [4, 5][i]! })),
        nextReviewDate: '2027-01-22',
      }),
    );
    expect(review1).toMatchObject({ reviewDate: '2026-12-11', decision: 'change_grouping', createdByName: 'Sam Taylor' });
    expect(review1.currentViewId).not.toBeNull();
    expect(caseloadFlags(app)).toEqual([[]]);
    const row1 = app.ok('caseload:list', {}).rows[0]!;
    expect(row1).toMatchObject({ grouping: 'getting_more_help', nextReviewDate: '2027-01-22', reviewBadge: null });
    expect(row1.goalScores).toEqual([
      { first: 3, latest: 4 },
      { first: 5, latest: 5 },
    ]);

    // The plan is revised at that review: goal 1 reworded, goal 2 dropped, criterion 2 reworded, an earlier target.
    const before2 = app.detail();
    const [goal1] = before2.goals;
    const [crit1, crit2] = before2.criteria;
    const plan2 = app.ok(
      'plan:revise',
      reviseArgs(before2, {
        reviewId: review1.id,
        reason: 'Jess wants to focus on getting to school',
        goals: [{ goalId: goal1!.id, description: 'Get to school four days a week', firstRating: 4 }],
        endingCriteria: [
          { criterionId: crit1!.id, text: crit1!.text },
          { criterionId: crit2!.id, text: 'Jess says she can manage most mornings' },
        ],
        targetDate: '2027-01-15',
        reviewDate: '2027-01-20',
      }),
    );
    expect(plan2).toMatchObject({ versionNo: 2, revisionReason: 'Jess wants to focus on getting to school', reviewId: review1.id, targetDate: '2027-01-15' });
    expect(plan2.endingCriteria.map((c) => [c.position, c.text])).toEqual([
      [1, 'Attending school four days a week for a month'],
      [2, 'Jess says she can manage most mornings'],
    ]);
    const revised = app.detail();
    expect(revised.planVersions.map((p) => [p.versionNo, p.endingCriteria.map((c) => c.text)])).toEqual([
      [1, ['Attending school four days a week for a month', 'Jess says she can manage low days']],
      [2, ['Attending school four days a week for a month', 'Jess says she can manage most mornings']],
    ]);
    expect(revised.goals.map((g) => [g.position, g.description, g.status, g.endedOn, g.replacesGoalId])).toEqual([
      [1, 'Go to school without feeling sick every morning', 'dropped', '2026-12-11', null],
      [1, 'Get to school four days a week', 'active', null, goal1!.id],
      [2, 'Tell Mum when I feel low', 'dropped', '2026-12-11', null],
    ]);
    const newGoal = revised.goals.find((g) => g.status === 'active')!;
    expect(newGoal.ratings.map((r) => [r.ratedOn, r.score, r.context])).toEqual([['2026-12-11', 4, 'plan']]);
    expect(app.ok('caseload:list', {}).rows[0]).toMatchObject({ targetDate: '2027-01-15', nextReviewDate: '2027-01-20', goalScores: [{ first: 4, latest: 4 }] });

    // The target date and the next review date pass.
    app.clock.set('2027-01-25');
    expect(caseloadFlags(app)).toEqual([['Review overdue', 'Past target date']]);

    // Review 2 after the target date must record the explicit discussion; once it does, both flags clear.
    const before3 = app.detail();
    const withoutDiscussion = reviewArgs(before3, {
      reviewDate: '2027-01-25',
      currentView: { reason: 'changed_situation', grouping: 'getting_help', ratings: ratings({ p9: 1 }) },
      decision: 'move_to_ending',
      endingPlan: 'Two more sessions, then end with a wellbeing plan Jess keeps.',
      nextReviewDate: '2027-02-08',
    });
    const refused = app.call('review:record', withoutDiscussion);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'explicitDiscussion', message: expect.stringMatching(/target date 15\/01\/2027 has passed/) }] },
    });
    expect(caseloadFlags(app)).toEqual([['Review overdue', 'Past target date']]);
    app.ok('review:record', { ...withoutDiscussion, explicitDiscussion: 'Agreed to keep going to the end of February, per the contingency.' });
    expect(caseloadFlags(app)).toEqual([[]]);
    expect(app.ok('caseload:list', {}).rows[0]!.grouping).toBe('getting_help');

    // Closing: refused until the Current View at close and the final rating are given, saying what is missing.
    app.clock.set('2027-02-10');
    const before4 = app.detail();
    const missing = app.call('cases:close', closeArgs(before4, { currentView: null, finalRatings: [] }));
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: 'The case cannot be closed until the Current View at close (with the grouping at close) and the final rating for goal "Get to school four days a week" are recorded.',
      },
    });
    const ending = app.ok('cases:close', closeArgs(before4));
    expect(ending).toMatchObject({ endingDate: '2027-02-10', reason: 'criteria_met', discussedFromStart: true, finalRatings: [{ goalId: newGoal.id, score: 8 }] });

    // Closed: off the caseload, read-only on the case page, with the whole story kept.
    expect(app.ok('caseload:list', {}).rows).toEqual([]);
    const closed = app.detail();
    expect(closed.summary).toMatchObject({ status: 'closed', closedDate: '2027-02-10', grouping: 'thriving' });
    expect(closed.flags).toEqual([]);
    expect(closed.currentViews.map((v) => [v.context, v.completedDate, v.grouping])).toEqual([
      ['open', '2026-10-20', 'getting_help'],
      ['review', '2026-12-11', 'getting_more_help'],
      ['review', '2027-01-25', 'getting_help'],
      ['close', '2027-02-10', 'thriving'],
    ]);
    expect(closed.reviews.map((r) => [r.reviewDate, r.decision, r.goalRatings.length, r.criteriaProgress.length])).toEqual([
      ['2026-12-11', 'change_grouping', 2, 2],
      ['2027-01-25', 'move_to_ending', 1, 2],
    ]);
    expect(closed.ending?.criteriaStatus.map((s) => s.status)).toEqual(['met', 'met']);
    expect(closed.weeksOpen).toBe(16);

    const history = app.ok('cases:history', { caseId });
    expect(history.map((h) => h.summary)).toEqual([
      'Case opened',
      'Current View at open recorded (Getting Help)',
      'THRIVE plan agreed',
      'Review recorded (decision: Change grouping)',
      'Current View at review recorded (Getting More Help)',
      'Plan revised to version 2: Jess wants to focus on getting to school',
      'Goal reworded',
      'Goal dropped: "Tell Mum when I feel low"',
      'Ending criterion reworded',
      'Review recorded (decision: Move to ending)',
      'Current View at review recorded (Getting Help)',
      'Current View at close recorded (Thriving)',
      'Case closed (Ending criteria met)',
    ]);
    expect(new Set(history.map((h) => h.actorName))).toEqual(new Set(['Sam Taylor']));
    expect(history.every((h) => h.actorId === profile.id)).toBe(true);
    const changesOf = (summary: string) => history.find((h) => h.summary === summary)!.changes;
    expect(changesOf('Current View at review recorded (Getting More Help)')).toEqual([
      { field: 'Grouping', before: 'Getting Help', after: 'Getting More Help' },
    ]);
    expect(changesOf('Review recorded (decision: Change grouping)')).toEqual([
      { field: 'Next review date', before: '08/12/2026', after: '22/01/2027' },
    ]);
    expect(changesOf('Plan revised to version 2: Jess wants to focus on getting to school')).toEqual([
      { field: 'Plan version', before: '1', after: '2' },
      { field: 'Target date', before: '27/02/2027', after: '15/01/2027' },
      { field: 'Next review date', before: '22/01/2027', after: '20/01/2027' },
    ]);
    expect(changesOf('Goal reworded')).toEqual([
      { field: 'Goal', before: 'Go to school without feeling sick every morning', after: 'Get to school four days a week' },
    ]);
    expect(changesOf('Goal dropped: "Tell Mum when I feel low"')).toEqual([
      { field: 'Status', before: 'Active', after: 'Dropped' },
      { field: 'Ended on', before: null, after: '11/12/2026' },
    ]);
    expect(changesOf('Case closed (Ending criteria met)')).toEqual([
      { field: 'Status', before: 'Open', after: 'Closed' },
      { field: 'Date ended', before: null, after: '10/02/2027' },
    ]);
    expect(changesOf('Current View at close recorded (Thriving)')).toEqual([{ field: 'Grouping', before: 'Getting Help', after: 'Thriving' }]);
    expect(changesOf('Case opened')).toEqual([]);

    // Every entry names the actor, the case and the young person; every update says what it was before.
    const entries = listCaseAudit(app.services.db, caseId);
    expect(entries.map((e) => e.seq)).toEqual(history.map((h) => h.seq));
    for (const e of entries) {
      expect(e, e.action).toMatchObject({ actorId: profile.id, caseId, youngPersonId: closed.summary.youngPersonId });
      expect(e.after, e.action).not.toBeNull();
      if (e.action !== 'case.open' && e.action !== 'goal.add' && e.action !== 'criterion.add') expect(e.before, e.action).not.toBeNull();
    }

    // Every write left an audit entry for the case, and the tamper-evident chain still holds.
    expect(countAudit(app.services.db)).toBe(3 + history.length); // + team, clinician and profile at set-up
    expect(verifyAuditChain(app.services.db)).toEqual({ ok: true, entries: 3 + history.length });
    // Every record the cycle wrote is as the trail says it was written.
    expect(verifyAudit(app.services.db)).toMatchObject({ ok: true, records: [], anchor: { state: 'ok' } });
  });
});

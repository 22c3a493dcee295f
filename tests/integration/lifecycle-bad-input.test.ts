/**
 * Every "bad input" of the reviews-and-endings issue: each is refused with a message beside the field
 * (and, for closing, one saying what is missing), and the database is left exactly as it was — every
 * table's row count, including the audit trail.
 */
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc/result';
import { tableCounts } from '../support/temp-db';
import { appWithPlan, closeArgs, currentViewArgs, openCaseArgs, reviewArgs, reviseArgs } from '../support/test-app';

/**
 * Today 20/12/2026: a case opened 20/10/2026 with its plan (target 27/02/2027), a first review held on
 * 11/12/2026 and, when asked, a revision that dropped goal 2 ("Tell Mum when I feel low").
 */
function setup({ dropGoal2 = false } = {}) {
  const app = appWithPlan('2026-12-20');
  app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11' }));
  if (dropGoal2) {
    const d = app.detail();
    app.ok('plan:revise', reviseArgs(d, { goals: reviseArgs(d).goals.slice(0, 1), reviewDate: '2027-01-22' }));
  }
  const detail = app.detail();
  const goal = (description: RegExp) => detail.goals.find((g) => description.test(g.description))!;
  return { ...app, d: detail, goal };
}

type Setup = ReturnType<typeof setup>;

const badInputs: Array<{
  what: string;
  dropGoal2?: boolean;
  call: (s: Setup) => IpcResult<unknown>;
  fields: string[];
  message?: RegExp;
  summary?: string;
}> = [
  {
    what: 'a review dated before the previous review',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-01' })),
    fields: ['reviewDate'],
    message: /on or after the previous review \(11\/12\/2026\)/,
  },
  {
    what: 'a review dated before the case was opened',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-10-19' })),
    fields: ['reviewDate'],
    message: /on or after the date the case was opened/,
  },
  {
    what: 'a review dated in the future',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-21', nextReviewDate: '2027-02-01' })),
    fields: ['reviewDate'],
    message: /today or in the past/,
  },
  {
    what: 'a next review date on the day of the review',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', nextReviewDate: '2026-12-18' })),
    fields: ['nextReviewDate'],
    message: /must be after the date of this review/,
  },
  {
    what: 'a next review date before the review',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', nextReviewDate: '2026-12-01' })),
    fields: ['nextReviewDate'],
    message: /must be after the date of this review/,
  },
  {
    what: '"move to ending" with no ending plan',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', decision: 'move_to_ending', endingPlan: '  ' })),
    fields: ['endingPlan'],
    message: /needs an agreed ending plan/,
  },
  {
    what: '"change grouping" without the Current View at review',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', decision: 'change_grouping', currentView: null })),
    fields: ['currentView'],
  },
  {
    what: 'a review that leaves a goal unrated',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', goalRatings: reviewArgs(s.d).goalRatings.slice(1) })),
    fields: ['goalRatings.goal-GOAL1'],
    message: /Rate goal "Go to school without feeling sick every morning"/,
  },
  {
    what: 'a review that leaves an ending criterion without its progress',
    call: (s) => s.call('review:record', reviewArgs(s.d, { reviewDate: '2026-12-18', criteriaProgress: [] })),
    fields: ['criteriaProgress.criterion-CRIT1', 'criteriaProgress.criterion-CRIT2'],
  },
  {
    what: 'ratings for a dropped goal at a review',
    dropGoal2: true,
    call: (s) =>
      s.call(
        'review:record',
        reviewArgs(s.d, {
          reviewDate: '2026-12-18',
          goalRatings: [
            { goalId: s.goal(/^Go to school/).id, score: 5 },
            { goalId: s.goal(/Tell Mum/).id, score: 6 },
          ],
        }),
      ),
    fields: ['goalRatings.1.goalId'],
    message: /no longer active \(dropped or replaced\)/,
  },
  {
    what: 'a review after the target date without the explicit discussion',
    call: (s) => {
      s.clock.set('2027-03-05');
      return s.call('review:record', reviewArgs(s.d, { reviewDate: '2027-03-05', nextReviewDate: '2027-04-01' }));
    },
    fields: ['explicitDiscussion'],
    message: /The target date 27\/02\/2027 has passed/,
  },
  {
    what: 'a revision dated before the last review',
    call: (s) => s.call('plan:revise', reviseArgs(s.d, { revisedDate: '2026-12-01' })),
    fields: ['revisedDate'],
    message: /on or after the last review \(11\/12\/2026\)/,
  },
  {
    what: 'a new goal in a revision without its first rating',
    call: (s) =>
      s.call('plan:revise', reviseArgs(s.d, { goals: [...reviseArgs(s.d).goals, { goalId: null, description: 'Sleep better', firstRating: null }] })),
    fields: ['goals.2.firstRating'],
  },
  {
    what: 'a revision rewording a goal that was dropped',
    dropGoal2: true,
    call: (s) =>
      s.call('plan:revise', reviseArgs(s.d, { goals: [...reviseArgs(s.d).goals, { goalId: s.goal(/Tell Mum/).id, description: 'Talk to Mum', firstRating: 4 }] })),
    fields: ['goals.1.goalId'],
    message: /no longer active/,
  },
  {
    what: 'an ending dated before the last review',
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-10' })),
    fields: ['endingDate'],
    message: /on or after the last review \(11\/12\/2026\)/,
  },
  {
    what: 'a final rating for a dropped goal',
    dropGoal2: true,
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-20', finalRatings: [...closeArgs(s.d).finalRatings, { goalId: s.goal(/Tell Mum/).id, score: 7 }] })),
    fields: ['finalRatings.1.goalId'],
    message: /no longer active/,
  },
  {
    what: 'closing without the Current View at close',
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-20', currentView: null })),
    fields: ['currentView'],
    summary: 'The case cannot be closed until the Current View at close (with the grouping at close) is recorded.',
  },
  {
    what: 'closing without the final ratings',
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-20', finalRatings: [] })),
    fields: ['finalRatings.goal-GOAL1', 'finalRatings.goal-GOAL2'],
    summary:
      'The case cannot be closed until the final rating for goal "Go to school without feeling sick every morning" and the final rating for goal "Tell Mum when I feel low" are recorded.',
  },
  {
    what: 'closing without the final status of each ending criterion',
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-20', criteriaStatus: s.d.criteria.slice(1).map((c) => ({ criterionId: c.id, status: 'met' as const })) })),
    fields: ['criteriaStatus.criterion-CRIT1'],
    summary: 'The case cannot be closed until the final status of ending criterion "Attending school four days a week for a month" is recorded.',
  },
  {
    what: 'closing for "other" reasons without saying what they were',
    call: (s) => s.call('cases:close', closeArgs(s.d, { endingDate: '2026-12-20', reason: 'other', reasonOther: null })),
    fields: ['reasonOther'],
  },
];

/** Field paths written with GOAL1/CRIT1 placeholders become the real ids of goal 1 / criterion 1. */
function realPaths(s: Setup, paths: string[]): string[] {
  return paths.map((p) =>
    p
      .replace('GOAL1', s.d.goals[0]!.id)
      .replace('GOAL2', s.d.goals.find((g) => g.position === 2)!.id)
      .replace('CRIT1', s.d.criteria[0]!.id)
      .replace('CRIT2', s.d.criteria[1]!.id),
  );
}

describe('bad input in reviews, revisions and endings is refused, and nothing is written', () => {
  it.each(badInputs)('$what', ({ dropGoal2, call, fields, message, summary }) => {
    const s = setup({ dropGoal2 });
    const before = tableCounts(s.services.db);
    const result = call(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(realPaths(s, fields)));
    if (message) expect(result.error.fields?.map((f) => f.message).join(' | ')).toMatch(message);
    if (summary) expect(result.error.message).toBe(summary);
    expect(tableCounts(s.services.db)).toEqual(before);
  });

  it('a review before any plan is agreed is refused as out of order', () => {
    const s = appWithPlan('2026-12-20');
    const other = s.ok('cases:open', openCaseArgs(s.profile.id, { caseRef: 'RIO-2002', name: 'Alex Second', nhsNumber: null }));
    s.ok('currentView:record', currentViewArgs(other.id));
    const detail = s.ok('cases:get', { caseId: other.id });
    const before = tableCounts(s.services.db);
    const result = s.call('review:record', reviewArgs(detail, { goalRatings: [], criteriaProgress: [] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Agree the THRIVE plan first/) } });
    const revision = reviseArgs({ ...detail, plan: s.detail().plan }, { endingCriteria: [{ criterionId: null, text: 'Alex feels settled' }] });
    expect(s.call('plan:revise', revision)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/no plan to revise/) } });
    expect(tableCounts(s.services.db)).toEqual(before);
  });
});


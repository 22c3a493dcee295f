import { describe, expect, it } from 'vitest';
import { computeFlags, isGoalStuck, reviewBadge, type FlagInput } from './flags';
import { DEFAULT_SETTINGS } from './settings';

const base: FlagInput = {
  status: 'open',
  openDate: '2026-01-05',
  grouping: 'getting_help',
  hasCompletePlan: true,
  nextReviewDate: null,
  targetDate: null,
  lastReviewDate: null,
  targetDiscussedOn: null,
};

const codes = (input: Partial<FlagInput>, today: string) =>
  computeFlags({ ...base, ...input }, DEFAULT_SETTINGS, today).map((f) => f.code);

describe('Review overdue / due soon', () => {
  it.each([
    // [review date, today, expected]
    ['2026-03-10', '2026-03-10', ['review_due_soon']], // due today is not overdue
    ['2026-03-10', '2026-03-11', ['review_overdue']], // yesterday is overdue
    ['2026-03-10', '2026-03-03', ['review_due_soon']], // exactly 7 days ahead: inside the window
    ['2026-03-10', '2026-03-02', []], // 8 days ahead: outside
    // month ends
    ['2026-01-31', '2026-02-01', ['review_overdue']],
    ['2026-02-28', '2026-02-28', ['review_due_soon']],
    ['2026-03-01', '2026-02-28', ['review_due_soon']], // 2026 has no 29 February
    // leap day
    ['2028-02-29', '2028-02-29', ['review_due_soon']],
    ['2028-02-29', '2028-03-01', ['review_overdue']],
    ['2028-03-07', '2028-02-29', ['review_due_soon']], // 7 days across the leap day
    ['2028-03-08', '2028-02-29', []],
    // the clock changes (Europe/London): last Sundays of March and October 2026
    ['2026-03-29', '2026-03-29', ['review_due_soon']],
    ['2026-03-29', '2026-03-30', ['review_overdue']],
    ['2026-04-05', '2026-03-29', ['review_due_soon']],
    ['2026-04-06', '2026-03-29', []],
    ['2026-10-25', '2026-10-25', ['review_due_soon']],
    ['2026-10-25', '2026-10-26', ['review_overdue']],
    ['2026-11-01', '2026-10-25', ['review_due_soon']],
    ['2026-11-02', '2026-10-25', []],
    ['2026-12-31', '2027-01-01', ['review_overdue']],
  ])('review date %s, today %s → %j', (next, today, expected) => {
    expect(codes({ nextReviewDate: next }, today)).toEqual(expected);
  });

  it('says how overdue in plain English with UK dates', () => {
    const [flag] = computeFlags({ ...base, nextReviewDate: '2026-03-10' }, DEFAULT_SETTINGS, '2026-03-13');
    expect(flag).toMatchObject({ label: 'Review overdue', severity: 'urgent' });
    expect(flag?.reason).toBe('Agreed review date 10/03/2026 passed 3 days ago; no review held since.');
    const [one] = computeFlags({ ...base, nextReviewDate: '2026-03-10' }, DEFAULT_SETTINGS, '2026-03-11');
    expect(one?.reason).toContain('passed 1 day ago');
  });

  it('describes due today, tomorrow and in N days', () => {
    const reason = (today: string) =>
      computeFlags({ ...base, nextReviewDate: '2026-03-10' }, DEFAULT_SETTINGS, today)[0]?.reason;
    expect(reason('2026-03-10')).toBe('Agreed review date 10/03/2026 is today.');
    expect(reason('2026-03-09')).toBe('Agreed review date 10/03/2026 is tomorrow.');
    expect(reason('2026-03-05')).toBe('Agreed review date 10/03/2026 is in 5 days.');
  });

  it('is cleared by a review held on or after the agreed date, not before it', () => {
    expect(codes({ nextReviewDate: '2026-03-10', lastReviewDate: '2026-03-10' }, '2026-03-20')).toEqual([]);
    expect(codes({ nextReviewDate: '2026-03-10', lastReviewDate: '2026-03-12' }, '2026-03-20')).toEqual([]);
    expect(codes({ nextReviewDate: '2026-03-10', lastReviewDate: '2026-03-09' }, '2026-03-20')).toEqual(['review_overdue']);
  });

  it('honours a configured due-soon window', () => {
    const settings = { ...DEFAULT_SETTINGS, dueSoonDays: 14 };
    const flags = computeFlags({ ...base, nextReviewDate: '2026-03-24' }, settings, '2026-03-10');
    expect(flags.map((f) => f.code)).toEqual(['review_due_soon']);
  });

  it('never flags a closed case', () => {
    expect(codes({ status: 'closed', nextReviewDate: '2026-01-01', hasCompletePlan: false }, '2026-06-01')).toEqual([]);
  });
});

describe('Past target date', () => {
  it.each([
    ['2026-06-30', '2026-06-30', null, []], // the target day itself has not passed
    ['2026-06-30', '2026-07-01', null, ['past_target_date']],
    ['2026-06-30', '2026-07-01', '2026-06-29', ['past_target_date']], // discussed before the target: not enough
    ['2026-06-30', '2026-07-01', '2026-06-30', []], // discussed on the target date
    ['2026-06-30', '2026-08-01', '2026-07-15', []],
    ['2028-02-29', '2028-03-01', null, ['past_target_date']],
  ])('target %s, today %s, discussed %s → %j', (target, today, discussed, expected) => {
    expect(codes({ targetDate: target, targetDiscussedOn: discussed }, today)).toEqual(expected);
  });

  it('gives the reason', () => {
    const [flag] = computeFlags({ ...base, targetDate: '2026-06-30' }, DEFAULT_SETTINGS, '2026-07-10');
    expect(flag?.reason).toBe(
      'Target date 30/06/2026 passed 10 days ago; no review since has recorded the explicit discussion of what happens next.',
    );
  });
});

describe('No plan', () => {
  it.each([
    ['2026-01-05', '2026-01-19', []], // open exactly 14 days
    ['2026-01-05', '2026-01-20', ['no_plan']], // 15 days
    ['2026-02-14', '2026-03-01', ['no_plan']], // 15 days across the end of February
    ['2028-02-14', '2028-02-29', ['no_plan']], // 15 days including the leap day
    ['2026-03-15', '2026-03-29', []],
    ['2026-03-15', '2026-03-30', ['no_plan']],
  ])('opened %s, today %s → %j', (openDate, today, expected) => {
    expect(codes({ openDate, hasCompletePlan: false }, today)).toEqual(expected);
  });

  it('is not raised once the plan is complete', () => {
    expect(codes({ openDate: '2026-01-05', hasCompletePlan: true }, '2026-05-01')).toEqual([]);
  });

  it('explains how long the case has been open', () => {
    const [flag] = computeFlags({ ...base, hasCompletePlan: false }, DEFAULT_SETTINGS, '2026-01-25');
    expect(flag?.reason).toBe('Open 20 days (since 05/01/2026) without an agreed THRIVE plan.');
  });
});

describe('Risk Support review gap', () => {
  const risk = { grouping: 'getting_risk_support' as const };
  it.each([
    [null, '2026-02-02', []], // opened 05/01: exactly 28 days
    [null, '2026-02-03', ['risk_support_review_gap']],
    ['2026-03-01', '2026-03-29', []],
    ['2026-03-01', '2026-03-30', ['risk_support_review_gap']],
  ])('last review %s, today %s → %j', (last, today, expected) => {
    expect(codes({ ...risk, lastReviewDate: last }, today)).toEqual(expected);
  });

  it('applies only to Getting Risk Support', () => {
    expect(codes({ grouping: 'getting_more_help' }, '2026-06-01')).toEqual([]);
  });
});

describe('Goals stuck', () => {
  it.each([
    [[['2026-01-05', 3]], false], // one rating
    [[['2026-01-05', 3], ['2026-03-02', 4]], true], // 56 days = 8 weeks exactly, +1
    [[['2026-01-05', 3], ['2026-03-01', 4]], false], // 55 days: under 8 weeks
    [[['2026-01-05', 3], ['2026-03-02', 6]], false], // moved 3
    [[['2026-01-05', 6], ['2026-03-02', 3]], false], // moved -3: not stuck (deteriorated)
    [[['2026-01-05', 2], ['2026-02-01', 6], ['2026-03-02', 6], ['2026-04-27', 7]], true], // last 8 weeks flat
    [[['2026-01-05', 4], ['2026-02-15', 5], ['2026-03-20', 4]], true], // 74 days within 1 point
    [[['2026-01-05', 4], ['2026-02-15', 7], ['2026-03-20', 5]], false], // moved 3 inside the span
  ])('%j → stuck %s', (points, stuck) => {
    const ratings = (points as Array<[string, number]>).map(([date, score]) => ({ date, score }));
    expect(isGoalStuck(ratings, 8)).toBe(stuck);
  });

  it('raises one flag naming the goal', () => {
    const flags = computeFlags(
      {
        ...base,
        goals: [
          { description: 'go back to school', ratings: [{ date: '2026-01-05', score: 2 }, { date: '2026-03-09', score: 3 }] },
        ],
      },
      DEFAULT_SETTINGS,
      '2026-03-10',
    );
    expect(flags.map((f) => f.code)).toEqual(['goals_stuck']);
    expect(flags[0]?.reason).toContain('"go back to school"');
  });
});

describe('ordering and badges', () => {
  it('orders flags by urgency and derives the review badge', () => {
    const flags = computeFlags(
      {
        ...base,
        grouping: 'getting_risk_support',
        hasCompletePlan: false,
        nextReviewDate: '2026-02-01',
        targetDate: '2026-03-01',
        missingCurrentViews: 1,
      },
      DEFAULT_SETTINGS,
      '2026-04-01',
    );
    expect(flags.map((f) => f.code)).toEqual([
      'risk_support_review_gap',
      'review_overdue',
      'past_target_date',
      'no_plan',
      'current_view_missing',
    ]);
    expect(reviewBadge(flags)).toBe('overdue');
    expect(reviewBadge(computeFlags({ ...base, nextReviewDate: '2026-04-03' }, DEFAULT_SETTINGS, '2026-04-01'))).toBe('soon');
    expect(reviewBadge([])).toBeNull();
  });
});

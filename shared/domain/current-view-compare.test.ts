import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from './current-view';
import { compareCurrentViews, CURRENT_VIEW_COMPARISON_NOTE, groupingPath, type ComparableCurrentView } from './current-view-compare';
import { goalProgress } from './gbo';

const base = Object.fromEntries(CURRENT_VIEW_ITEMS.map((i) => [i.code, i.scale === 'severity' ? 0 : 'no'])) as ComparableCurrentView['ratings'];
const view = (id: string, grouping: ComparableCurrentView['grouping'], patch: Record<string, unknown> = {}): ComparableCurrentView => ({
  id,
  context: 'review',
  completedDate: '2027-01-01',
  grouping,
  ratings: { ...base, ...patch } as ComparableCurrentView['ratings'],
});

describe('Current View comparison', () => {
  const views = [view('a', 'getting_more_help', { p9: 3 }), view('b', 'getting_help', { p9: 2 }), view('c', 'thriving', { p9: 2, cf12: 'not_known' })];

  it('marks items whose rating differs from the completion before', () => {
    const compared = compareCurrentViews(views);
    const byCode = new Map(compared.map((c) => [c.item.code, c]));
    expect(byCode.get('p9')).toMatchObject({ values: [3, 2, 2], changed: true });
    expect(byCode.get('cf12')).toMatchObject({ values: ['no', 'no', 'not_known'], changed: true });
    expect(byCode.get('p1')).toMatchObject({ values: [0, 0, 0], changed: false });
    expect(compared).toHaveLength(50);
  });

  it('treats Not known as different from None', () => {
    const [p1] = compareCurrentViews([view('a', 'getting_help'), view('b', 'getting_help', { p1: 'not_known' })]);
    expect(p1?.changed).toBe(true);
  });

  it('gives the grouping path with repeats collapsed', () => {
    expect(groupingPath([...views.slice(0, 2), view('d', 'getting_help'), views[2]!])).toEqual([
      'getting_more_help',
      'getting_help',
      'thriving',
    ]);
  });

  it('never describes differences as improvement', () => {
    expect(CURRENT_VIEW_COMPARISON_NOTE).toContain('not an outcome measure');
    expect(CURRENT_VIEW_COMPARISON_NOTE).toMatch(/not improvement/);
  });
});

describe('goal progress', () => {
  it('compares first and latest by date, not by the order given', () => {
    expect(
      goalProgress([
        { ratedOn: '2027-02-01', score: 7 },
        { ratedOn: '2026-11-01', score: 3 },
        { ratedOn: '2026-12-15', score: 5 },
      ]),
    ).toEqual({ first: 3, latest: 7, change: 'improved' });
    expect(goalProgress([{ ratedOn: '2026-11-01', score: 5 }])).toEqual({ first: 5, latest: 5, change: 'no_reliable_change' });
    expect(goalProgress([])).toBeNull();
  });
});

/**
 * The team view on a small team whose every answer is worked out by hand (see team-fixture.ts): each
 * count, transition, GBO class, ending reason, time-open bucket and the urgency order.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildKnownTeam } from '../support/team-fixture';

describe('team view of a hand-built team (22/11/2026)', () => {
  // Built afresh for each test: the test harness closes every database after each test.
  let team: ReturnType<typeof buildKnownTeam>;
  let app: typeof team.app;
  let ann: typeof team.ann;
  let ben: typeof team.ben;
  let cara: typeof team.cara;
  beforeEach(() => {
    team = buildKnownTeam();
    ({ app, ann, ben, cara } = team);
  });

  it('lists the open cases of the team lead’s team, most urgent first, with ranks, bands and flags', () => {
    const result = app.ok('team:cases', {});
    expect(result.today).toBe('2026-11-22');
    expect(result.team).toEqual({ id: ann.teamId, name: 'CAMHS West' });
    expect(result.clinician).toBeNull();
    expect(result.rows.map((r) => [r.rank, r.caseRef, r.urgencyBand, r.flags.map((f) => f.code)])).toEqual([
      [1, 'RIO-A', 0, ['risk_support_review_gap', 'review_overdue']],
      [2, 'RIO-L', 1, ['review_overdue']],
      [3, 'RIO-B', 1, ['review_overdue']],
      [4, 'RIO-F', 2, ['past_target_date']],
      [5, 'RIO-G', 3, ['goals_stuck']],
      [6, 'RIO-D', 4, ['no_plan']],
      [7, 'RIO-H', 5, ['current_view_missing']],
      [8, 'RIO-E', 6, ['review_due_soon']],
      [9, 'RIO-C', 7, []],
    ]);
    const alice = result.rows[0]!;
    expect(alice).toMatchObject({
      name: 'Alice Able',
      nhsNumber: '9434765919',
      grouping: 'getting_risk_support',
      leadClinicianName: 'Ann Lead',
      openDate: '2026-09-01',
      weeksOpen: 11,
      nextReviewDate: '2026-09-20',
      targetDate: '2027-03-01',
      lastReviewDate: null,
      reviewBadge: 'overdue',
      goalScores: [{ first: 2, latest: 2 }],
    });
    expect(alice.flags[0]!.reason).toBe(
      'No review since opening on 01/09/2026, 82 days ago: Getting Risk Support should be reviewed at least every 4 weeks.',
    );
    const bella = result.rows[2]!;
    expect(bella).toMatchObject({ grouping: 'getting_advice', lastReviewDate: '2026-09-14', goalScores: [{ first: 3, latest: 7 }, { first: 5, latest: 5 }] });
    expect(bella.flags[0]!.reason).toBe('Agreed review date 10/11/2026 passed 12 days ago; no review held since.');
    // Another team's case never appears.
    expect(result.rows.some((r) => r.caseRef === 'RIO-Z')).toBe(false);
  });

  it('counts by flag, grouping and clinician, time open and grouping at open against now', () => {
    const o = app.ok('team:overview', {});
    expect(o.period).toEqual({ from: '2025-11-22', to: '2026-11-22' });
    expect(o.openCases).toBe(9);
    expect(o.needAction).toBe(7);
    expect(o.byFlag).toEqual([
      { code: 'risk_support_review_gap', count: 1 },
      { code: 'review_overdue', count: 3 },
      { code: 'past_target_date', count: 1 },
      { code: 'goals_stuck', count: 1 },
      { code: 'no_plan', count: 1 },
      { code: 'current_view_missing', count: 1 },
      { code: 'review_due_soon', count: 1 },
    ]);
    expect(o.byGrouping).toEqual([
      { grouping: 'thriving', count: 0 },
      { grouping: 'getting_advice', count: 1 },
      { grouping: 'getting_help', count: 5 },
      { grouping: 'getting_more_help', count: 1 },
      { grouping: 'getting_risk_support', count: 1 },
      { grouping: null, count: 1 },
    ]);
    expect(o.byClinician).toEqual([
      { clinicianId: ann.id, name: 'Ann Lead', role: 'team_lead', open: 5, needAction: 3 },
      { clinicianId: ben.id, name: 'Ben Carter', role: 'clinician', open: 4, needAction: 4 },
      { clinicianId: cara.id, name: 'Cara Diaz', role: 'clinician', open: 0, needAction: 0 },
    ]);
    expect(o.timeOpen).toEqual([
      { key: 'w0_6', label: 'Under 6 weeks', count: 2 },
      { key: 'w6_12', label: '6 to 12 weeks', count: 3 },
      { key: 'w12_26', label: '12 to 26 weeks', count: 3 },
      { key: 'w26_52', label: '26 to 52 weeks', count: 1 },
      { key: 'w52', label: '52 weeks or more', count: 0 },
    ]);
    expect(o.openToNow).toEqual([
      { from: 'getting_help', to: 'getting_advice', count: 1 },
      { from: 'getting_help', to: 'getting_help', count: 5 },
      { from: 'getting_more_help', to: 'getting_more_help', count: 1 },
      { from: 'getting_risk_support', to: 'getting_risk_support', count: 1 },
    ]);
  });

  it('reports endings in the default period: the last 12 months up to today', () => {
    const o = app.ok('team:overview', {});
    expect(o.closedInPeriod).toBe(2);
    expect(o.openToClose).toEqual([
      { from: 'getting_help', to: 'thriving', count: 1 },
      { from: 'getting_more_help', to: 'getting_more_help', count: 1 },
    ]);
    // Isla: 2 → 8 improved, 6 → 5 no reliable change; Jay: 7 → 3 deteriorated.
    expect(o.gboAtClose).toEqual({ improved: 1, noReliableChange: 1, deteriorated: 1, goals: 3, cases: 2 });
    expect(o.endingReasons).toEqual([
      { reason: 'criteria_met', count: 1 },
      { reason: 'enough_help', count: 0 },
      { reason: 'contingency_applied', count: 0 },
      { reason: 'chose_to_end', count: 0 },
      { reason: 'did_not_engage', count: 1 },
      { reason: 'moved_away', count: 0 },
      { reason: 'transferred', count: 0 },
      { reason: 'other', count: 0 },
    ]);
  });

  it('reports endings in a chosen period, both ends included', () => {
    const o = app.ok('team:overview', { closedFrom: '2025-10-01', closedTo: '2026-03-20' });
    expect(o.period).toEqual({ from: '2025-10-01', to: '2026-03-20' });
    expect(o.closedInPeriod).toBe(2); // Kim on 01/10/2025 and Isla on 20/03/2026, the two ends
    expect(o.openToClose).toEqual([
      { from: 'getting_advice', to: 'getting_advice', count: 1 },
      { from: 'getting_help', to: 'thriving', count: 1 },
    ]);
    expect(o.gboAtClose).toEqual({ improved: 2, noReliableChange: 1, deteriorated: 0, goals: 3, cases: 2 });
    expect(o.endingReasons.filter((r) => r.count > 0)).toEqual([
      { reason: 'criteria_met', count: 1 },
      { reason: 'moved_away', count: 1 },
    ]);
    // Open-case figures do not depend on the period.
    expect(o.openCases).toBe(9);
    const none = app.ok('team:overview', { closedFrom: '2026-11-01', closedTo: '2026-11-22' });
    expect(none).toMatchObject({ closedInPeriod: 0, openToClose: [], gboAtClose: { improved: 0, noReliableChange: 0, deteriorated: 0, goals: 0, cases: 0 } });
  });

  it('drills down to one clinician: only their cases, in the same order, and only their figures', () => {
    const cases = app.ok('team:cases', { clinicianId: ben.id });
    expect(cases.clinician).toMatchObject({ id: ben.id, name: 'Ben Carter' });
    expect(cases.rows.map((r) => [r.rank, r.caseRef])).toEqual([
      [1, 'RIO-B'],
      [2, 'RIO-F'],
      [3, 'RIO-D'],
      [4, 'RIO-H'],
    ]);
    const o = app.ok('team:overview', { clinicianId: ben.id });
    expect(o).toMatchObject({ openCases: 4, needAction: 4, closedInPeriod: 1 });
    expect(o.byClinician).toEqual([{ clinicianId: ben.id, name: 'Ben Carter', role: 'clinician', open: 4, needAction: 4 }]);
    expect(o.openToClose).toEqual([{ from: 'getting_more_help', to: 'getting_more_help', count: 1 }]);
    expect(o.gboAtClose).toEqual({ improved: 0, noReliableChange: 0, deteriorated: 1, goals: 1, cases: 1 });
    const empty = app.ok('team:cases', { clinicianId: cara.id });
    expect(empty.rows).toEqual([]);
  });

  it("refuses another team's view and a clinician outside the team", () => {
    for (const channel of ['team:cases', 'team:overview', 'team:exportCsv'] as const) {
      expect(app.call(channel, { teamId: team.east.id })).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'The team view shows your own team only; CAMHS East is another team.' },
      });
    }
    expect(app.call('team:cases', { clinicianId: team.eve.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no clinician with that id in CAMHS West' },
    });
    expect(app.call('team:overview', { clinicianId: team.eve.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(app.call('team:supervisionPack', { clinicianId: team.eve.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(app.call('team:cases', { teamId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

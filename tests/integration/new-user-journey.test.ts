import { describe, expect, it } from 'vitest';
import { listCaseAudit, verifyAuditChain } from '../../main/db/repos/audit';
import { currentViewArgs, openCaseArgs, planArgs, startApp } from '../support/test-app';

describe('a new clinician, from first run to a flagged case', () => {
  it('sets up a profile, opens a case, records the Current View and plan, and sees the case on the caseload', () => {
    const app = startApp('2026-11-22');

    const first = app.ok('app:state', {});
    expect(first).toMatchObject({ profile: null, caseCount: 0, today: '2026-11-22' });
    expect(first.settings.reviewIntervalWeeks).toBe(6);

    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    expect(profile).toMatchObject({ name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    expect(app.ok('app:state', {}).profile).toEqual(profile);

    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    expect(opened).toMatchObject({
      caseRef: 'RIO-1001',
      name: 'Jess Example',
      nhsNumber: '9434765919',
      status: 'open',
      version: 1,
      grouping: null,
      planComplete: false,
      leadClinicianName: 'Sam Taylor',
    });

    const cv = app.ok('currentView:record', currentViewArgs(opened.id));
    expect(cv).toMatchObject({ context: 'open', grouping: 'getting_help', recordedByName: 'Sam Taylor' });
    expect(cv.ratings.p9).toBe(2);
    expect(cv.ratings.cf12).toBe('not_known');

    const plan = app.ok('plan:save', planArgs(opened.id, { caseVersion: 2 }));
    expect(plan.endingCriteria.map((c) => c.text)).toEqual(['Attending school four days a week for a month', 'Jess says she can manage low days']);
    expect(plan).toMatchObject({ grouping: 'getting_help', reviewDate: '2026-12-08', targetDate: '2027-02-27', createdByName: 'Sam Taylor' });

    const detail = app.ok('cases:get', { caseId: opened.id });
    expect(detail.summary).toMatchObject({ grouping: 'getting_help', nextReviewDate: '2026-12-08', targetDate: '2027-02-27', planComplete: true, version: 3 });
    expect(detail.goals.map((g) => [g.position, g.description, g.ratings.map((r) => [r.ratedOn, r.score, r.context])])).toEqual([
      [1, 'Go to school without feeling sick every morning', [['2026-10-27', 3, 'plan']]],
      [2, 'Tell Mum when I feel low', [['2026-10-27', 5, 'plan']]],
    ]);
    expect(detail.flags).toEqual([]);
    expect(detail.weeksOpen).toBe(4);

    const caseload = app.ok('caseload:list', {});
    expect(caseload.clinician.id).toBe(profile.id);
    expect(caseload.rows).toHaveLength(1);
    expect(caseload.rows[0]).toMatchObject({
      caseRef: 'RIO-1001',
      name: 'Jess Example',
      grouping: 'getting_help',
      weeksOpen: 4,
      nextReviewDate: '2026-12-08',
      reviewBadge: null,
      goalScores: [
        { first: 3, latest: 3 },
        { first: 5, latest: 5 },
      ],
      flags: [],
    });

    // Every write is in the case's history, made by the profile, and the chain holds.
    expect(listCaseAudit(app.services.db, opened.id).map((e) => [e.action, e.actorId])).toEqual([
      ['case.open', profile.id],
      ['current_view.record', profile.id],
      ['plan.agree', profile.id],
    ]);
    expect(verifyAuditChain(app.services.db)).toEqual({ ok: true, entries: 6 });
  });

  it('flags the review as due soon, then overdue with its reason, as the days pass', () => {
    const app = startApp('2026-11-22');
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    app.ok('currentView:record', currentViewArgs(opened.id));
    app.ok('plan:save', planArgs(opened.id));

    app.clock.set('2026-12-03');
    const soon = app.ok('caseload:list', {}).rows[0]!;
    expect(soon.reviewBadge).toBe('soon');
    expect(soon.flags.map((f) => [f.label, f.reason])).toEqual([['Review due soon', 'Agreed review date 08/12/2026 is in 5 days.']]);

    app.clock.set('2026-12-11');
    const overdue = app.ok('caseload:list', {}).rows[0]!;
    expect(overdue.reviewBadge).toBe('overdue');
    expect(overdue.flags).toEqual([
      {
        code: 'review_overdue',
        label: 'Review overdue',
        severity: 'urgent',
        reason: 'Agreed review date 08/12/2026 passed 3 days ago; no review held since.',
      },
    ]);
    expect(app.ok('cases:get', { caseId: opened.id }).flags.map((f) => f.label)).toEqual(['Review overdue']);

    // Past the target date too, months later.
    app.clock.set('2027-03-01');
    expect(app.ok('caseload:list', {}).rows[0]!.flags.map((f) => f.code)).toEqual(['review_overdue', 'past_target_date']);
  });

  it('flags a case with no plan once it has been open longer than the setting allows', () => {
    const app = startApp('2026-11-22');
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    app.ok('cases:open', openCaseArgs(profile.id, { openDate: '2026-11-01' }));
    expect(app.ok('caseload:list', {}).rows[0]!.flags.map((f) => [f.label, f.reason])).toEqual([
      ['No plan', 'Open 21 days (since 01/11/2026) without an agreed THRIVE plan.'],
    ]);
    app.ok('settings:update', { noPlanDays: 30 });
    expect(app.ok('caseload:list', {}).rows[0]!.flags).toEqual([]);
  });
});

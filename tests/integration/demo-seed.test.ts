import { describe, expect, it } from 'vitest';
import { FLAG_CODES, type FlagCode } from '../../shared/domain/flags';
import { OPENING_GROUPINGS } from '../../shared/domain/groupings';
import { checkNhsNumber } from '../../shared/domain/nhs-number';
import { verifyAuditChain } from '../../main/db/repos/audit';
import { DEMO_CASES } from '../../main/features/demo/demo-cases';
import { DEMO_TEAM_NAME } from '../../main/features/demo/colleagues';
import { tableCounts } from '../support/temp-db';
import { startApp, type TestApp } from '../support/test-app';

/** Every open case of the team, through the caseload channel of each clinician. */
function allRows(app: TestApp) {
  return app.ok('clinicians:list', {}).flatMap((c) => app.ok('caseload:list', { clinicianId: c.id }).rows);
}

const ALL_FLAGS: readonly FlagCode[] = FLAG_CODES;

/** What each demo case shows on the caseload: its flags, or nothing when it has ended (not re-opened). */
function expectedRow(demo: (typeof DEMO_CASES)[number]): readonly FlagCode[] | 'not on the caseload' {
  if (demo.reopen) return demo.reopen.shows;
  if (demo.ending) return 'not on the caseload';
  return demo.shows;
}

describe('demo caseload', () => {
  it('creates a fictional team, makes its lead the profile, and fills every grouping and flag', () => {
    const app = startApp('2026-11-22');
    // 28 young people, one of whom was re-opened as a second episode.
    expect(app.ok('demo:seed', {})).toEqual({ clinicians: 4, cases: 29 });

    const state = app.ok('app:state', {});
    expect(state.profile).toMatchObject({ role: 'team_lead', teamName: DEMO_TEAM_NAME });
    expect(state.caseCount).toBe(29);

    const rows = allRows(app);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.grouping))).toEqual(new Set([...OPENING_GROUPINGS, null]));
    const present = new Set(rows.flatMap((r) => r.flags.map((f) => f.code)));
    expect([...present].sort()).toEqual([...ALL_FLAGS].sort());
    expect(rows.filter((r) => r.flags.length === 0).length).toBeGreaterThanOrEqual(5);

    // Each case shows exactly the flags it was written to show; ended cases are not on the caseload.
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const demo of DEMO_CASES) {
      const expected = expectedRow(demo);
      const row = byName.get(demo.name);
      if (expected === 'not on the caseload') expect(row, demo.name).toBeUndefined();
      else expect(row?.flags.map((f) => f.code).sort(), demo.name).toEqual([...expected].sort());
    }

    // The profile's own caseload has every flag too, so the first screen shows them all.
    const mine = app.ok('caseload:list', {}).rows;
    expect(mine.length).toBeGreaterThanOrEqual(6);
    expect(new Set(mine.flatMap((r) => r.flags.map((f) => f.code)))).toEqual(new Set(ALL_FLAGS));
    expect(mine[0]!.flags[0]!.severity).toBe('urgent');
  });

  it('uses only test-range NHS numbers and DEMO case references, and writes through the audited services', () => {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const cases = app.ok('cases:list', {});
    for (const c of cases) {
      expect(c.caseRef).toMatch(/^DEMO-\d{4}$/);
      if (c.nhsNumber !== null) {
        expect(c.nhsNumber).toMatch(/^999/);
        expect(checkNhsNumber(c.nhsNumber).ok).toBe(true);
      }
    }
    // One NHS number per young person (a re-opened case's episodes share theirs).
    const people = new Map(cases.map((c) => [c.youngPersonId, c.nhsNumber]));
    expect(new Set([...people.values()].filter(Boolean)).size).toBe([...people.values()].filter(Boolean).length);
    const planned = cases.filter((c) => c.planComplete);
    expect(planned.length).toBeGreaterThan(15);
    const detail = app.ok('cases:get', { caseId: planned[0]!.id });
    expect(detail.currentViews[0]!.grouping).toBe(detail.summary.grouping);
    expect(detail.plan?.endingCriteria.length).toBeGreaterThan(0);
    const audit = app.services.db.prepare('SELECT actor_id, action, count(*) AS n FROM audit_log GROUP BY actor_id, action').all();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor_id: 'system:demo', action: 'case.open', n: 28 }),
        expect.objectContaining({ actor_id: 'system:demo', action: 'case.open_episode', n: 1 }),
      ]),
    );
    expect(verifyAuditChain(app.services.db).ok).toBe(true);
  });

  it('joins the profile\'s team when a profile exists', () => {
    const app = startApp('2026-11-22');
    const me = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    expect(app.ok('demo:seed', {})).toEqual({ clinicians: 3, cases: 29 });
    expect(app.ok('app:state', {}).profile?.id).toBe(me.id);
    expect(app.ok('clinicians:list', { teamId: me.teamId })).toHaveLength(4);
    const onMyCaseload = DEMO_CASES.filter((d) => d.lead === 0 && expectedRow(d) !== 'not on the caseload');
    expect(app.ok('caseload:list', {}).rows.length).toBe(onMyCaseload.length);
  });

  it('is refused once any case exists, and then writes nothing', () => {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const before = tableCounts(app.services.db);
    expect(app.call('demo:seed', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(tableCounts(app.services.db)).toEqual(before);
  });

  it('is the same caseload every time for a given day, dated relative to it', () => {
    const snapshot = (today: string) => {
      const app = startApp(today);
      app.ok('demo:seed', {});
      return allRows(app)
        .map((r) => ({ ...r, caseId: '', leadClinicianId: '' }))
        .sort((a, b) => a.caseRef.localeCompare(b.caseRef));
    };
    const first = snapshot('2026-11-22');
    expect(snapshot('2026-11-22')).toEqual(first);
    const later = snapshot('2027-06-30');
    expect(later.map((r) => [r.caseRef, r.weeksOpen, r.flags.map((f) => f.code)])).toEqual(
      first.map((r) => [r.caseRef, r.weeksOpen, r.flags.map((f) => f.code)]),
    );
  });
});

describe('the demo shows the whole cycle', () => {
  function seeded() {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const cases = app.ok('cases:list', {});
    const detailOf = (name: string, episodeNo = 1) => {
      const found = cases.find((c) => c.name === name && c.episodeNo === episodeNo);
      if (!found) expect.fail(`no demo case for ${name} (episode ${episodeNo})`);
      return app.ok('cases:get', { caseId: found.id });
    };
    return { app, cases, detailOf };
  }

  it('has reviews: one without its Current View, one after the target date with the discussion, one changing grouping', () => {
    const { app, cases, detailOf } = seeded();
    const reviewCounts = cases.map((c) => app.ok('cases:get', { caseId: c.id }).reviews.length);
    expect(reviewCounts.filter((n) => n >= 1).length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...reviewCounts)).toBe(3);

    const ruby = detailOf('Ruby Ashdown');
    expect(ruby.reviews.map((r) => [r.reviewDate, r.currentViewId])).toEqual([['2026-10-13', null]]);
    expect(ruby.flags.find((f) => f.code === 'current_view_missing')?.reason).toBe('1 review or closure recorded without a Current View.');

    const ava = detailOf('Ava Whitfield');
    expect(ava.summary.targetDate! < '2026-11-22').toBe(true);
    expect(ava.reviews[0]!.reviewDate > ava.summary.targetDate!).toBe(true);
    expect(ava.reviews[0]!.explicitDiscussion).toMatch(/as the contingency says/);
    expect(ava.flags).toEqual([]);

    const samuel = detailOf('Samuel Achebe');
    expect(samuel.currentViews.map((v) => v.grouping)).toEqual(['getting_help', 'getting_advice']);
    expect(samuel.reviews[0]!.decision).toBe('change_grouping');
    expect(samuel.summary.grouping).toBe('getting_advice');
  });

  it('has a plan revised at a review with a reworded goal and a dropped one', () => {
    const { detailOf } = seeded();
    const kwame = detailOf('Kwame Mensah');
    expect(kwame.planVersions.map((p) => [p.versionNo, p.reviewId])).toEqual([
      [1, null],
      [2, kwame.reviews[0]!.id],
    ]);
    expect(kwame.goals.map((g) => [g.position, g.description, g.status, g.replacesGoalId !== null])).toEqual([
      [1, 'Say something in class without my heart pounding', 'dropped', false],
      [1, 'Speak in at least one seminar a week', 'active', true],
      [2, 'Eat lunch with my mates instead of in the library', 'dropped', false],
    ]);
  });

  it('has ended cases with different reasons and groupings at close, and a re-opened episode linked both ways', () => {
    const { app, cases, detailOf } = seeded();
    const closed = cases.filter((c) => c.status === 'closed').map((c) => app.ok('cases:get', { caseId: c.id }));
    expect(closed.map((d) => d.summary.name).sort()).toEqual(['Chloe Barker', 'Daniel Osei', 'Harper Singh', 'Riley Thompson']);
    expect(new Set(closed.map((d) => d.ending?.reason))).toEqual(new Set(['criteria_met', 'enough_help', 'did_not_engage']));
    expect(new Set(closed.map((d) => d.summary.grouping))).toEqual(new Set(['thriving', 'getting_advice']));
    for (const d of closed) {
      expect(d.ending?.currentViewId, d.summary.name).toBe(d.currentViews.at(-1)!.id);
      expect(d.currentViews.at(-1)!.context).toBe('close');
    }

    const first = detailOf('Harper Singh', 1);
    const second = detailOf('Harper Singh', 2);
    expect(first.nextEpisodeId).toBe(second.summary.id);
    expect(second.previousEpisodeId).toBe(first.summary.id);
    expect(second.summary).toMatchObject({ caseRef: first.summary.caseRef, status: 'open', planComplete: true, youngPersonId: first.summary.youngPersonId });

    const history = app.ok('cases:history', { caseId: first.summary.id });
    expect(history.map((h) => h.summary)).toEqual([
      'Case opened',
      'Current View at open recorded (Getting More Help)',
      'THRIVE plan agreed',
      'Review recorded (decision: Change grouping)',
      'Current View at review recorded (Getting Help)',
      'Review recorded (decision: Move to ending)',
      'Current View at review recorded (Getting Help)',
      'Current View at close recorded (Thriving)',
      'Case closed (Ending criteria met)',
      'Re-opened as episode 2',
    ]);
    expect(new Set(history.map((h) => h.actorName))).toEqual(new Set(['System (demo data)']));
  });
});


import { describe, expect, it } from 'vitest';
import { FLAG_CODES, type FlagCode } from '../../shared/domain/flags';
import { OPENING_GROUPINGS } from '../../shared/domain/groupings';
import { checkNhsNumber } from '../../shared/domain/nhs-number';
import { verifyAuditChain } from '../../main/db/repos/audit';
import { DEMO_CASES } from '../../main/features/demo/demo-cases';
import { DEMO_TEAM_NAME } from '../../main/features/demo/colleagues';
import { tableCounts } from '../db/temp-db';
import { startApp, type TestApp } from './support';

/** Every open case of the team, through the caseload channel of each clinician. */
function allRows(app: TestApp) {
  return app.ok('clinicians:list', {}).flatMap((c) => app.ok('caseload:list', { clinicianId: c.id }).rows);
}

/** Flags the data can produce with no reviews recorded (a review or closure is needed for the last one). */
const PRODUCIBLE: FlagCode[] = FLAG_CODES.filter((c) => c !== 'current_view_missing');

describe('demo caseload', () => {
  it('creates a fictional team, makes its lead the profile, and fills every grouping and flag', () => {
    const app = startApp('2026-11-22');
    expect(app.ok('demo:seed', {})).toEqual({ clinicians: 4, cases: 24 });

    const state = app.ok('app:state', {});
    expect(state.profile).toMatchObject({ role: 'team_lead', teamName: DEMO_TEAM_NAME });
    expect(state.caseCount).toBe(24);

    const rows = allRows(app);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.grouping))).toEqual(new Set([...OPENING_GROUPINGS, null]));
    const present = new Set(rows.flatMap((r) => r.flags.map((f) => f.code)));
    expect([...present].sort()).toEqual([...PRODUCIBLE].sort());
    expect(rows.filter((r) => r.flags.length === 0).length).toBeGreaterThanOrEqual(5);

    // Each case shows exactly the flags it was written to show.
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const demo of DEMO_CASES) {
      expect(byName.get(demo.name)?.flags.map((f) => f.code).sort(), demo.name).toEqual([...demo.shows].sort());
    }

    // The profile's own caseload has every producible flag too, so the first screen shows them all.
    const mine = app.ok('caseload:list', {}).rows;
    expect(mine.length).toBeGreaterThanOrEqual(6);
    expect(new Set(mine.flatMap((r) => r.flags.map((f) => f.code)))).toEqual(new Set(PRODUCIBLE));
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
    expect(new Set(cases.map((c) => c.nhsNumber).filter(Boolean)).size).toBe(cases.filter((c) => c.nhsNumber).length);
    const planned = cases.filter((c) => c.planComplete);
    expect(planned.length).toBeGreaterThan(15);
    const detail = app.ok('cases:get', { caseId: planned[0]!.id });
    expect(detail.currentViews[0]!.grouping).toBe(detail.summary.grouping);
    expect(detail.plan?.endingCriteria.length).toBeGreaterThan(0);
    const audit = app.services.db.prepare('SELECT actor_id, action, count(*) AS n FROM audit_log GROUP BY actor_id, action').all();
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ actor_id: 'system:demo', action: 'case.open', n: 24 })]));
    expect(verifyAuditChain(app.services.db).ok).toBe(true);
  });

  it('joins the profile\'s team when a profile exists', () => {
    const app = startApp('2026-11-22');
    const me = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    expect(app.ok('demo:seed', {})).toEqual({ clinicians: 3, cases: 24 });
    expect(app.ok('app:state', {}).profile?.id).toBe(me.id);
    expect(app.ok('clinicians:list', { teamId: me.teamId })).toHaveLength(4);
    expect(app.ok('caseload:list', {}).rows.length).toBe(DEMO_CASES.filter((d) => d.lead === 0).length);
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

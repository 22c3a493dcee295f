/** What each channel does beyond the journey: defaults, reuse, refusals and their messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { newId } from '../../main/db/ids';
import { listCaseAudit } from '../../main/db/repos/audit';
import { tableCounts } from '../support/temp-db';
import { appWithCase, currentViewArgs, openCaseArgs, planArgs, startApp } from '../support/test-app';

describe('profile and clinicians', () => {
  it('reuses a team whose name matches ignoring case, and lists clinicians by team', () => {
    const app = startApp();
    const lead = app.ok('profile:setup', { name: 'Dr Ana Lee', role: 'team_lead', teamName: 'CAMHS North' });
    const colleague = app.ok('clinicians:create', { name: 'Ben Ode', role: 'clinician', teamId: lead.teamId });
    const again = app.ok('profile:setup', { name: 'Cara Dunn', role: 'clinician', teamName: '  camhs north ' });
    expect(again.teamId).toBe(lead.teamId);
    expect(again.teamName).toBe('CAMHS North');
    expect(app.ok('app:state', {}).profile?.id).toBe(again.id);
    expect(app.ok('clinicians:list', { teamId: lead.teamId }).map((c) => c.name)).toEqual(['Ben Ode', 'Cara Dunn', 'Dr Ana Lee']);
    const other = app.ok('profile:setup', { name: 'Dee Fox', role: 'clinician', teamName: 'CAMHS South' });
    expect(other.teamId).not.toBe(lead.teamId);
    expect(app.ok('clinicians:list', {})).toHaveLength(4);
    expect(colleague).toMatchObject({ role: 'clinician', teamName: 'CAMHS North' });
  });

  it('refuses a clinician for a team that does not exist', () => {
    const app = startApp();
    const result = app.call('clinicians:create', { name: 'Ben Ode', role: 'clinician', teamId: newId() });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'teamId' }] } });
  });
});

describe('settings', () => {
  it('starts at the defaults and merges a partial update over them', () => {
    const app = startApp();
    expect(app.ok('settings:get', {})).toEqual({ ...DEFAULT_SETTINGS, version: 1 });
    expect(app.ok('settings:update', { dueSoonDays: 10 })).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 10, version: 2 });
    expect(app.ok('settings:update', { reviewIntervalWeeks: 8 })).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 10, reviewIntervalWeeks: 8, version: 3 });
    expect(app.ok('app:state', {}).settings.dueSoonDays).toBe(10);
  });

  it('refuses values outside their bounds with the bound in the message', () => {
    const app = startApp();
    const result = app.call('settings:update', { riskSupportMaxWeeks: 13 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'riskSupportMaxWeeks', message: 'At most 12 weeks' }] } });
    expect(app.ok('settings:get', {})).toEqual({ ...DEFAULT_SETTINGS, version: 1 });
  });
});

describe('cases', () => {
  it('lists cases by status and clinician, newest first', () => {
    const app = appWithCase();
    const other = app.ok('clinicians:create', { name: 'Ben Ode', role: 'clinician', teamId: app.profile.teamId });
    app.ok('cases:open', openCaseArgs(other.id, { caseRef: 'RIO-1002', name: 'Alex Second', nhsNumber: null, openDate: '2026-11-01' }));
    expect(app.ok('cases:list', {}).map((c) => c.caseRef)).toEqual(['RIO-1002', 'RIO-1001']);
    expect(app.ok('cases:list', { clinicianId: app.profile.id }).map((c) => c.caseRef)).toEqual(['RIO-1001']);
    expect(app.ok('cases:list', { status: 'closed' })).toEqual([]);
    expect(app.ok('app:state', {}).caseCount).toBe(2);
  });

  it('says when a case does not exist', () => {
    const app = startApp();
    expect(app.call('cases:get', { caseId: newId() })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no case with that id' } });
  });

  it('joins a known young person to a new case when name and date of birth agree, and refuses when they do not', () => {
    const app = appWithCase();
    app.services.db.prepare("UPDATE cases SET status = 'closed', closed_date = '2026-11-20'").run();
    const mismatch = app.call('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-1002', dateOfBirth: '2012-05-15' }));
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'nhsNumber' }] } });
    const again = app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-1002', name: 'jess example', openDate: '2026-11-21' }));
    expect(again.name).toBe('Jess Example');
    expect(tableCounts(app.services.db).young_people).toBe(1);
  });
});

describe('Current View at open', () => {
  it('sets the case grouping and can be recorded only once', () => {
    const app = appWithCase();
    const again = app.call('currentView:record', currentViewArgs(app.caseId, { grouping: 'getting_more_help' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.ok('cases:get', { caseId: app.caseId }).summary.grouping).toBe('getting_help');
  });

  it('refuses a completion date before the case opened', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    const result = app.call('currentView:record', currentViewArgs(opened.id, { completedDate: '2026-10-19' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'completedDate' }] } });
  });

  it('refuses a closed case', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    app.services.db.prepare("UPDATE cases SET status = 'closed', closed_date = '2026-11-20'").run();
    expect(app.call('currentView:record', currentViewArgs(opened.id))).toMatchObject({ ok: false, error: { code: 'read_only' } });
  });
});

describe('plan', () => {
  it('needs the Current View at open first', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    const result = app.call('plan:save', planArgs(opened.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && result.error.message).toMatch(/^Record the Current View at open first/);
  });

  it('is agreed once; a second plan is refused and changes nothing', () => {
    const app = appWithCase();
    app.ok('plan:save', planArgs(app.caseId));
    const before = tableCounts(app.services.db);
    expect(app.call('plan:save', planArgs(app.caseId))).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A plan is already agreed; revise it at a review' },
    });
    expect(tableCounts(app.services.db)).toEqual(before);
  });

  it('refuses a save made from a stale form', () => {
    const app = appWithCase();
    const result = app.call('plan:save', planArgs(app.caseId, { caseVersion: 1 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed elsewhere/) } });
  });

  it('lets a Getting Advice plan have no goals and no contingency, but keeps ending criteria', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    app.ok('currentView:record', currentViewArgs(opened.id, { grouping: 'getting_advice' }));
    const plan = app.ok('plan:save', planArgs(opened.id, { goals: [], contingency: null }));
    expect(plan).toMatchObject({ grouping: 'getting_advice', contingency: null });
    expect(app.ok('cases:get', { caseId: opened.id }).goals).toEqual([]);
  });

  it('holds Getting Risk Support to a risk-support summary and the maximum review interval', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    app.ok('currentView:record', currentViewArgs(opened.id, { grouping: 'getting_risk_support' }));
    const result = app.call('plan:save', planArgs(opened.id, { reviewDate: '2026-12-08' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.fields?.map((f) => f.path)).toEqual(['riskSupportSummary', 'reviewDate']);
    app.ok('plan:save', planArgs(opened.id, { reviewDate: '2026-11-24', riskSupportSummary: 'Weekly phone contact; safety plan shared.' }));
  });
});

describe('caseload', () => {
  it('needs a profile or a clinician', () => {
    const app = startApp();
    expect(app.call('caseload:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.call('caseload:list', { clinicianId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("shows another clinician's open cases when asked, never closed ones", () => {
    const app = appWithCase();
    const other = app.ok('clinicians:create', { name: 'Ben Ode', role: 'clinician', teamId: app.profile.teamId });
    app.ok('cases:open', openCaseArgs(other.id, { caseRef: 'RIO-1002', nhsNumber: null }));
    app.ok('cases:open', openCaseArgs(other.id, { caseRef: 'RIO-1003', nhsNumber: null }));
    app.services.db.prepare("UPDATE cases SET status = 'closed', closed_date = '2026-11-20' WHERE case_ref = 'RIO-1003'").run();
    const theirs = app.ok('caseload:list', { clinicianId: other.id });
    expect(theirs.clinician.name).toBe('Ben Ode');
    expect(theirs.rows.map((r) => r.caseRef)).toEqual(['RIO-1002']);
  });
});

describe('audit actor', () => {
  it('is the system actor before a profile exists', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    app.services.db.prepare("DELETE FROM settings WHERE key = 'profileClinicianId'").run();
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    expect(listCaseAudit(app.services.db, opened.id).map((e) => e.actorId)).toEqual(['system:app']);
  });
});

describe('dispatch', () => {
  it('refuses an unknown channel and arguments of the wrong shape', () => {
    const app = startApp();
    expect(app.services.invoke('cases:delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(app.services.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(app.services.invoke('app:state', undefined)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(app.services.invoke('cases:get', { caseId: 'not-an-id' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'caseId', message: 'Not a valid record id' }] },
    });
  });

  it('turns an unexpected failure into a generic internal error and logs it', () => {
    const app = startApp();
    // Any statement failing inside a handler will do: here the young people table has gone.
    app.services.db.exec('ALTER TABLE young_people RENAME TO young_people_gone');
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const before = tableCounts(app.services.db);
    const result = app.call('cases:open', openCaseArgs(profile.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/Nothing was saved/) } });
    expect(app.logs.some((l) => l.startsWith('cases:open failed'))).toBe(true);
    expect(tableCounts(app.services.db)).toEqual(before);
  });
});

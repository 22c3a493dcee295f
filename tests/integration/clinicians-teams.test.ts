/** Teams and membership: adding teams, renaming, changing role, moving team (open cases move too). */
import { describe, expect, it } from 'vitest';
import { listCaseAudit } from '../../main/db/repos/audit';
import { closeArgs, currentViewArgs, openCaseArgs, planArgs, reviewArgs, startApp } from '../support/test-app';

function leadWithTeam() {
  const app = startApp();
  const ann = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
  const ben = app.ok('clinicians:create', { name: 'Ben Carter', role: 'clinician', teamId: ann.teamId });
  return { app, ann, ben };
}

describe('teams', () => {
  it('lists teams by name and adds one, refusing a name already used in any letter case', () => {
    const { app, ann } = leadWithTeam();
    const east = app.ok('teams:create', { name: '  CAMHS East ' });
    expect(east).toEqual({ id: expect.any(String), name: 'CAMHS East' });
    expect(app.ok('teams:list', {})).toEqual([east, { id: ann.teamId, name: 'CAMHS West' }]);
    const audit = app.services.db.prepare("SELECT after FROM audit_log WHERE action = 'team.create' AND entity_id = ?").pluck().get(east.id);
    expect(JSON.parse(audit as string)).toEqual(east);

    expect(app.call('teams:create', { name: 'camhs WEST' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'There is already a team called CAMHS West', fields: [{ path: 'name', message: 'There is already a team called CAMHS West' }] },
    });
    expect(app.call('teams:create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'name', message: 'Enter the team name' }] } });
    expect(app.ok('teams:list', {})).toHaveLength(2);
  });
});

describe('clinicians:update', () => {
  it('renames and changes role, with an audit entry of before and after', () => {
    const { app, ann, ben } = leadWithTeam();
    const updated = app.ok('clinicians:update', { clinicianId: ben.id, name: ' Ben Carter-Smith ', role: 'team_lead' });
    expect(updated).toEqual({ ...ben, name: 'Ben Carter-Smith', role: 'team_lead' });
    const row = app.services.db.prepare("SELECT actor_id, before, after FROM audit_log WHERE action = 'clinician.update'").get() as {
      actor_id: string;
      before: string;
      after: string;
    };
    expect(row.actor_id).toBe(ann.id);
    expect(JSON.parse(row.before)).toEqual({ name: 'Ben Carter', role: 'clinician', teamId: ann.teamId, teamName: 'CAMHS West' });
    expect(JSON.parse(row.after)).toEqual({ name: 'Ben Carter-Smith', role: 'team_lead', teamId: ann.teamId, teamName: 'CAMHS West', openCasesMoved: 0 });
    // Nothing to change: no write, no audit entry.
    const entries = app.services.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(app.ok('clinicians:update', { clinicianId: ben.id, name: 'Ben Carter-Smith' })).toEqual(updated);
    expect(app.services.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(entries);
  });

  it('moves a clinician to another team with their open cases (closed cases stay), in one audited change', () => {
    const { app, ann, ben } = leadWithTeam();
    const east = app.ok('teams:create', { name: 'CAMHS East' });
    const open1 = app.ok('cases:open', openCaseArgs(ben.id, { caseRef: 'RIO-1', nhsNumber: null }));
    const open2 = app.ok('cases:open', openCaseArgs(ben.id, { caseRef: 'RIO-2', nhsNumber: null, name: 'Sam Jones' }));
    const closed = app.ok('cases:open', openCaseArgs(ben.id, { caseRef: 'RIO-3', nhsNumber: null, name: 'Kit Lowe' }));
    app.ok('currentView:record', currentViewArgs(closed.id));
    app.ok('plan:save', planArgs(closed.id));
    app.ok('cases:close', closeArgs(app.ok('cases:get', { caseId: closed.id }), { endingDate: '2026-11-20' }));
    const annCase = app.ok('cases:open', openCaseArgs(ann.id, { caseRef: 'RIO-4', nhsNumber: null, name: 'Alex Ray' }));
    const staleVersion = app.ok('cases:get', { caseId: open1.id }).summary.version;

    const moved = app.ok('clinicians:update', { clinicianId: ben.id, teamId: east.id });
    expect(moved).toMatchObject({ id: ben.id, teamId: east.id, teamName: 'CAMHS East' });
    const teamOf = (id: string) => app.ok('cases:get', { caseId: id }).summary.teamId;
    expect([teamOf(open1.id), teamOf(open2.id), teamOf(closed.id), teamOf(annCase.id)]).toEqual([east.id, east.id, ann.teamId, ann.teamId]);

    // The team view follows: West keeps Ann's case and Ben's ending; East has Ben's open cases.
    expect(app.ok('team:cases', {}).rows.map((r) => r.caseRef)).toEqual(['RIO-4']);
    expect(app.ok('team:overview', { closedFrom: '2026-11-01' }).closedInPeriod).toBe(1);
    // East's cases (RIO-1, RIO-2: checked by team above) are for East's lead; West's lead is refused.
    expect(app.call('team:cases', { teamId: east.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.call('team:cases', { clinicianId: ben.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const after = JSON.parse(app.services.db.prepare("SELECT after FROM audit_log WHERE action = 'clinician.update'").pluck().get() as string);
    expect(after).toMatchObject({ teamId: east.id, teamName: 'CAMHS East', openCasesMoved: 2 });
    const history = app.ok('cases:history', { caseId: open1.id });
    expect(history.at(-1)).toMatchObject({
      action: 'case.team_move',
      summary: 'Case moved to CAMHS East with its lead clinician Ben Carter',
      changes: [{ field: 'Team', before: 'CAMHS West', after: 'CAMHS East' }],
    });
    expect(listCaseAudit(app.services.db, closed.id).some((e) => e.action === 'case.team_move')).toBe(false);

    // A form opened before the move is stale: the case changed under it.
    app.ok('currentView:record', currentViewArgs(open1.id));
    app.ok('plan:save', planArgs(open1.id));
    const detail = app.ok('cases:get', { caseId: open1.id });
    expect(detail.summary.version).toBeGreaterThan(staleVersion);
    expect(app.call('review:record', reviewArgs(detail, { caseVersion: staleVersion }))).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses to leave a team with members but no team lead', () => {
    const { app, ann, ben } = leadWithTeam();
    const east = app.ok('teams:create', { name: 'CAMHS East' });
    const conflict = { ok: false, error: { code: 'conflict', message: 'A team needs at least one team lead' } };
    expect(app.call('clinicians:update', { clinicianId: ann.id, role: 'clinician' })).toEqual(conflict);
    expect(app.call('clinicians:update', { clinicianId: ann.id, teamId: east.id })).toEqual(conflict);
    expect(app.ok('clinicians:list', { teamId: ann.teamId }).map((c) => [c.name, c.role])).toEqual([
      ['Ann Lead', 'team_lead'],
      ['Ben Carter', 'clinician'],
    ]);

    // With a second lead, either change is fine.
    app.ok('clinicians:update', { clinicianId: ben.id, role: 'team_lead' });
    expect(app.ok('clinicians:update', { clinicianId: ann.id, role: 'clinician' }).role).toBe('clinician');

    // A lead alone in a team may not demote themselves (the team would have no lead), but may leave it.
    const solo = app.ok('clinicians:create', { name: 'Sol Only', role: 'team_lead', teamId: east.id });
    expect(app.call('clinicians:update', { clinicianId: solo.id, role: 'clinician' })).toEqual(conflict);
    expect(app.ok('clinicians:update', { clinicianId: solo.id, teamId: ann.teamId }).teamName).toBe('CAMHS West');
  });

  it('says which clinician or team does not exist', () => {
    const { app, ben } = leadWithTeam();
    expect(app.call('clinicians:update', { clinicianId: '01900000-0000-7000-8000-000000000000', name: 'X' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no clinician with that id' },
    });
    expect(app.call('clinicians:update', { clinicianId: ben.id, teamId: '01900000-0000-7000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Choose a team that exists', fields: [{ path: 'teamId', message: 'Choose a team that exists' }] },
    });
    expect(app.call('clinicians:update', { clinicianId: ben.id, role: 'manager' as never })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'role', message: 'Choose clinician or team lead' }] },
    });
  });
});

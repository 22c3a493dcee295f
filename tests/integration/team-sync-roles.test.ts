/**
 * Roles come from the organisation (docs/team-mode.md): in team mode no channel on the device can set a
 * role, add or move a clinician, or make a team — each is refused in words and writes nothing — and a
 * role the service admin changes on the server reaches the device on its next sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grant } from '../../server/db/admin';
import { verifyAudit } from '../../main/db/verify-audit';
import { stmt } from '../../main/db/sql';
import { startTeamWorld, EMAILS, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const IMPORT_CSV = ['Case ref,Name,Date of birth,Referral date,Open date,Lead clinician', 'IMP-1,Imported Person,14/05/2012,01/10/2026,20/10/2026,Dr Nobody Here', ''].join('\r\n');

const auditCount = (db: ReturnType<Awaited<ReturnType<TeamWorld['device']>>['db']>) => stmt<[], number>(db, 'SELECT count(*) FROM audit_log').pluck().get()!;

describe('roles in team mode', () => {
  it('refuses every self-made role, clinician, move or team, writing nothing', async () => {
    const alex = await world.device('alex');
    // Alone first: Alex made themselves a team lead, as solo mode allows.
    const solo = await alex.ok('profile:setup', { name: 'Alex Morgan', role: 'team_lead', teamName: 'My team' });
    await alex.join();
    const before = auditCount(alex.db());
    const attempts = [
      await alex.call('clinicians:update', { clinicianId: world.people.alex, role: 'team_lead' }),
      await alex.call('clinicians:update', { clinicianId: world.people.alex, teamId: solo.teamId }),
      await alex.call('clinicians:update', { clinicianId: world.people.bea, name: 'Someone else' }),
      await alex.call('clinicians:create', { name: 'New Person', role: 'team_lead', teamId: world.teams.riverside.id }),
      await alex.call('teams:create', { name: 'Shadow team' }),
      await alex.call('profile:setup', { name: 'Alex Morgan', role: 'team_lead', teamName: 'Riverside CAMHS' }),
      // An imported caseload naming a lead the server does not list would add a clinician here.
      await alex.call('import:commit', { fileName: 'caseload.csv', contentBase64: Buffer.from(IMPORT_CSV, 'utf8').toString('base64') }),
    ];
    for (const result of attempts) {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Your role is granted by your service admin on the team server') } });
    }
    expect(auditCount(alex.db())).toBe(before);
    const me = (await alex.ok('clinicians:list', { teamId: world.teams.riverside.id })).find((c) => c.id === world.people.alex);
    expect(me).toMatchObject({ role: 'clinician', name: 'Alex Morgan' });
    // The self-chosen solo role opens no team view: the server says Alex is a clinician.
    expect(await alex.call('team:overview', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await alex.call('team:overview', { teamId: solo.teamId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(verifyAudit(alex.db())).toMatchObject({ ok: true });
  });

  it('a lead whose role the service admin lowers loses the team view on the next sync', async () => {
    const lee = await world.device('lee');
    await lee.join();
    expect(await lee.call('team:overview', {})).toMatchObject({ ok: true });
    await world.server.admin((c) => grant(c, { email: EMAILS.lee, teamId: world.teams.riverside.id, role: 'clinician' }));
    expect(await lee.ok('sync:now', {})).toMatchObject({ person: { role: 'clinician' } });
    expect(await lee.call('team:overview', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // And raised again: the view comes back, granted by the server, not by the device.
    await world.server.admin((c) => grant(c, { email: EMAILS.lee, teamId: world.teams.riverside.id, role: 'team_lead' }));
    await lee.ok('sync:now', {});
    expect(await lee.call('team:overview', {})).toMatchObject({ ok: true });
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true });
  });
});

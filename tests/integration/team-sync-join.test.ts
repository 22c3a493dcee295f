/**
 * Joining (docs/team-mode.md "Joining"): a clinician who used THRIVE Plans alone signs in to their team
 * server. Their cases are not pushed silently: the joining review lists them, matched with the cases the
 * server already holds for the same young person (same NHS number or case reference), so nothing is
 * duplicated on the server. Real PostgreSQL, team server and sign-in; the demo caseload never leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { stmt } from '../../main/db/sql';
import { grant, revoke } from '../../server/db/admin';
import { verifyChains } from '../../server/db/verify-chain';
import { openCaseArgs } from '../support/test-app';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const serverCases = () =>
  world.server.admin(async (c) => (await c.query<{ id: string; case_ref: string; nhs_number: string | null }>('SELECT id, case_ref, nhs_number FROM cases ORDER BY case_ref')).rows);

describe('joining a team with cases made alone', () => {
  it('matches the two the server holds, uploads the new one, and sends no demo case', async () => {
    // The team already has two cases, opened by Bea.
    const bea = await world.device('bea');
    await bea.join();
    const s1 = await bea.ok('cases:open', openCaseArgs(world.people.bea, { caseRef: 'RIO-3001', name: 'Jess Example', nhsNumber: '943 476 5919' }));
    const s2 = await bea.ok('cases:open', openCaseArgs(world.people.bea, { caseRef: 'RIO-3002', name: 'Kai Example', nhsNumber: null }));
    expect(await bea.ok('sync:now', {})).toMatchObject({ pending: 0 });

    // Alex used the app alone: a demo caseload, then three real cases.
    const alex = await world.device('alex');
    const solo = await alex.ok('profile:setup', { name: 'Alex Morgan', role: 'clinician', teamName: 'Alex at home' });
    const demo = await alex.ok('demo:seed', {});
    expect(demo.cases).toBeGreaterThan(0);
    const byNhs = await alex.ok('cases:open', openCaseArgs(solo.id, { caseRef: 'HOME-1', name: 'Jess Example', nhsNumber: '943 476 5919' }));
    const byRef = await alex.ok('cases:open', openCaseArgs(solo.id, { caseRef: 'RIO-3002', name: 'Kai Example', nhsNumber: null }));
    const fresh = await alex.ok('cases:open', openCaseArgs(solo.id, { caseRef: 'HOME-3', name: 'Lou Example', nhsNumber: '943 476 5870' }));

    expect(await alex.ok('sync:joinPreview', {})).toMatchObject({ ready: false, cases: [] });
    expect(await alex.join()).toMatchObject({ state: 'up_to_date', pending: 0 });
    // Signing in sent nothing: the review comes first.
    expect((await serverCases()).map((c) => c.case_ref)).toEqual(['RIO-3001', 'RIO-3002']);

    const preview = await alex.ok('sync:joinPreview', {});
    expect(preview).toMatchObject({ ready: true, teamName: 'Riverside CAMHS', message: '3 cases on this computer are not on the team server yet.' });
    expect(preview.cases.map((c) => [c.caseRef, c.match && [c.match.caseRef, c.match.by], c.choices])).toEqual([
      ['HOME-1', ['RIO-3001', 'nhs_number'], ['keep_server']],
      ['HOME-3', null, ['upload']],
      ['RIO-3002', ['RIO-3002', 'case_ref'], ['keep_server']],
    ]);
    expect(preview.cases.find((c) => c.caseId === byNhs.id)!.match!.serverCaseId).toBe(s1.id);

    // A matched case cannot be uploaded as a second record, and a refusal writes nothing.
    const audit = () => stmt<[], number>(alex.db(), 'SELECT count(*) FROM audit_log').pluck().get()!;
    const before = audit();
    expect(await alex.call('sync:join', { decisions: [{ caseId: fresh.id, choice: 'upload' }, { caseId: byNhs.id, choice: 'upload' }] })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(audit()).toBe(before);

    const after = await alex.ok('sync:join', {
      decisions: [
        { caseId: byNhs.id, choice: 'keep_server' },
        { caseId: byRef.id, choice: 'keep_server' },
        { caseId: fresh.id, choice: 'upload' },
      ],
    });
    expect(after).toMatchObject({ ready: true, message: null, cases: [] });
    expect(await alex.ok('sync:status', {})).toMatchObject({ pending: 1 });
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });

    const onServer = await serverCases();
    expect(onServer.map((c) => c.case_ref)).toEqual(['HOME-3', 'RIO-3001', 'RIO-3002']);
    expect(onServer.find((c) => c.case_ref === 'HOME-3')!.id).toBe(fresh.id);
    // The server's records are here now, and Alex's copies were set aside, not deleted.
    expect((await alex.ok('cases:get', { caseId: s1.id })).summary).toMatchObject({ caseRef: 'RIO-3001' });
    expect((await alex.ok('cases:get', { caseId: s2.id })).summary).toMatchObject({ caseRef: 'RIO-3002' });
    expect((await alex.ok('cases:get', { caseId: byRef.id })).summary).toMatchObject({ caseRef: 'RIO-3002~old' });
    expect((await alex.ok('cases:get', { caseId: byNhs.id })).summary).toMatchObject({ caseRef: 'HOME-1' });
    const history = await alex.ok('cases:history', { caseId: byNhs.id });
    expect(history.map((e) => e.action)).toContain('sync.join_superseded');
    // The uploaded case is Alex's, in the team, on the lead's device too.
    expect((await alex.ok('caseload:list', {})).rows.map((r) => r.caseRef)).toEqual(['HOME-3']);
    const lee = await world.device('lee');
    await lee.join();
    const team = await lee.ok('team:cases', { teamId: world.teams.riverside.id });
    expect(team.rows.map((r) => [r.caseRef, r.leadClinicianName]).sort()).toEqual([
      ['HOME-3', 'Alex Morgan'],
      ['RIO-3001', 'Bea Okafor'],
      ['RIO-3002', 'Bea Okafor'],
    ]);

    // Nothing more to join; the demo caseload stayed here and only here.
    expect(await alex.ok('sync:joinPreview', {})).toMatchObject({ cases: [] });
    expect(onServer).toHaveLength(3);
    expect(verifyAudit(alex.db())).toMatchObject({ ok: true, records: [] });
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true, records: [] });
    const chains = await world.server.admin((c) => verifyChains(c));
    expect(chains.every((c) => c.ok)).toBe(true);

    // Moved by the service admin to another team: Riverside's cases stay on this computer, but they are
    // the team's, never offered for joining to the new one.
    await world.server.admin(async (c) => {
      await grant(c, { email: EMAILS.alex, teamId: world.teams.northfield.id, role: 'clinician' });
      await revoke(c, EMAILS.alex, world.teams.riverside.id);
    });
    await alex.ok('sync:now', {});
    expect(await alex.ok('sync:joinPreview', {})).toMatchObject({ ready: true, teamName: 'Northfield CAMHS', cases: [] });
  });
});

/**
 * Acceptance (docs/team-mode.md): a case opened offline on a clinician's laptop reaches the team lead's
 * device after both sync, through the real team server, PostgreSQL and sign-in, and shows in the lead's
 * team view and in the clinician's caseload there. Each device's audit trail and the server's change log
 * still verify.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { verifyChains } from '../../server/db/verify-chain';
import { currentViewArgs, openCaseArgs } from '../support/test-app';
import { startTeamWorld, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('a case opened offline', () => {
  it("appears on the lead's device after sync, in the team view and the clinician's caseload", async () => {
    const alex = await world.device('alex');
    const lee = await world.device('lee');
    expect(await alex.join()).toMatchObject({
      mode: 'team',
      state: 'up_to_date',
      pending: 0,
      person: { id: world.people.alex, name: 'Alex Morgan', role: 'clinician' },
      teamNames: ['Riverside CAMHS'],
    });
    expect(await lee.join()).toMatchObject({ state: 'up_to_date', person: { id: world.people.lee, role: 'team_lead' } });

    alex.net.online = false;
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-2001', name: 'Jamie Lee', nhsNumber: null }));
    await alex.ok('currentView:record', currentViewArgs(opened.id));
    const offline = await alex.ok('sync:now', {});
    expect(offline).toMatchObject({ state: 'offline', pending: 2, offlineSince: expect.any(String), oldestPendingAt: expect.any(String) });
    // Nothing reached the server, so the lead has nothing new.
    await lee.ok('sync:now', {});
    expect((await lee.ok('team:cases', { teamId: world.teams.riverside.id })).rows).toEqual([]);

    alex.net.online = true;
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0, offlineSince: null, lastSyncedAt: expect.any(String) });
    const after = await lee.ok('sync:now', {});
    expect(after).toMatchObject({ state: 'up_to_date', pending: 0, asOf: expect.any(String) });

    const team = await lee.ok('team:cases', { teamId: world.teams.riverside.id });
    expect(team.rows.map((r) => [r.caseRef, r.name, r.leadClinicianName])).toEqual([['RIO-2001', 'Jamie Lee', 'Alex Morgan']]);
    const caseload = await lee.ok('caseload:list', { clinicianId: world.people.alex });
    expect(caseload.rows.map((r) => r.caseRef)).toEqual(['RIO-2001']);
    const detail = await lee.ok('cases:get', { caseId: opened.id });
    expect(detail.currentViews).toHaveLength(1);
    // The lead's trail says who made the change: Alex, received by sync.
    const history = await lee.ok('cases:history', { caseId: opened.id });
    expect(history.filter((e) => e.action === 'sync.receive').map((e) => e.actorId)).toEqual([world.people.alex]);
    // Receiving is not local work: the lead's device sends nothing back.
    expect(await lee.ok('sync:status', {})).toMatchObject({ pending: 0 });

    expect(verifyAudit(alex.db())).toMatchObject({ ok: true, records: [] });
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true, records: [] });
    const chains = await world.server.admin((c) => verifyChains(c));
    expect(chains.every((c) => c.ok)).toBe(true);
    expect(chains.find((c) => c.teamId === world.teams.riverside.id)).toMatchObject({ entries: 1 });
  });

  it('reaches a lead who pulls a page at a time, each case once and in order, while the next page is already on its way', async () => {
    const alex = await world.device('alex');
    await alex.join();
    const refs = ['RIO-3001', 'RIO-3002', 'RIO-3003', 'RIO-3004', 'RIO-3005'];
    for (const caseRef of refs) {
      await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef, name: `Young person ${caseRef}`, nhsNumber: null }));
      // One push per case: each is its own change on the server.
      expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    }
    // Pages of two changes: three pages, each asked for before the one before it is applied.
    const lee = await world.device('lee', { pullLimit: 2 });
    expect(await lee.join()).toMatchObject({ state: 'up_to_date', pending: 0 });

    const team = await lee.ok('team:cases', { teamId: world.teams.riverside.id });
    expect(team.rows.map((r) => r.caseRef).filter((ref) => ref.startsWith('RIO-3')).sort()).toEqual(refs);
    const received = lee.db().prepare(`SELECT entity_id, json_extract(after, '$.seq') AS seq FROM audit_log WHERE action = 'sync.receive' ORDER BY seq`).all() as Array<{ entity_id: string; seq: number }>;
    const seqs = received.map((r) => r.seq);
    expect(received.length).toBeGreaterThanOrEqual(refs.length);
    expect(new Set(received.map((r) => r.entity_id)).size).toBe(received.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true, records: [] });
  });
});

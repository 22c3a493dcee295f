/**
 * Acceptance (docs/team-mode.md): the answer to a push is lost after the server committed it (the
 * connection drops on the way back). The device kept the attempt before sending it, so the retry sends
 * the same idempotency key and body: the server answers with the stored result and the change is in the
 * change log exactly once.
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

async function logOf(caseId: string): Promise<Array<{ version: number; key: string }>> {
  return world.server.admin(async (c) => {
    const { rows } = await c.query<{ version: number; idempotency_key: string }>('SELECT version, idempotency_key FROM change_log WHERE case_id = $1 ORDER BY seq', [caseId]);
    return rows.map((r) => ({ version: r.version, key: r.idempotency_key }));
  });
}

describe('a push whose answer is lost after the server committed', () => {
  it('is retried with the same key in the next round and applied once', async () => {
    const alex = await world.device('alex');
    await alex.join();
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-4001', name: 'Riley Shaw', nhsNumber: null }));
    const sent = alex.db().prepare('SELECT idempotency_key FROM sync_outbox WHERE case_id = ?').pluck().get(opened.id) as string;

    // Both the push and the client's immediate second try lose their answers: the round ends offline.
    alex.net.dropPushResponses(2);
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'offline', pending: 1 });
    expect(alex.net.dropped).toBe(2);
    // The server did commit it, once, under the device's key.
    expect(await logOf(opened.id)).toEqual([{ version: 1, key: sent }]);
    // The attempt is kept exactly as sent, ready for the retry.
    expect(alex.db().prepare('SELECT idempotency_key FROM sync_push_attempts WHERE case_id = ?').pluck().get(opened.id)).toBe(sent);

    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    expect(await logOf(opened.id)).toEqual([{ version: 1, key: sent }]);
    expect(alex.db().prepare('SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(opened.id)).toBe(1);

    // The next change goes as version 2 on top of it, never as a second "new case".
    await alex.ok('currentView:record', currentViewArgs(opened.id));
    alex.net.dropPushResponses(1);
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    expect((await logOf(opened.id)).map((e) => e.version)).toEqual([1, 2]);

    expect(verifyAudit(alex.db())).toMatchObject({ ok: true, records: [] });
    expect((await world.server.admin((c) => verifyChains(c))).every((c) => c.ok)).toBe(true);
  });

  it('the lead already sees the change while its answer is lost; the retry settles it with no second version and no conflict', async () => {
    const alex = await world.device('alex');
    const lee = await world.device('lee');
    await alex.join();
    await lee.join();
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-4002', name: 'Sam Taylor', nhsNumber: null }));
    alex.net.dropPushResponses(2);
    await alex.ok('sync:now', {});
    await lee.ok('sync:now', {});
    expect((await lee.ok('team:cases', { teamId: world.teams.riverside.id })).rows.map((r) => r.caseRef)).toContain('RIO-4002');
    const status = await alex.ok('sync:now', {});
    expect(status).toMatchObject({ state: 'up_to_date', pending: 0, conflicts: 0 });
    expect((await logOf(opened.id)).map((e) => e.version)).toEqual([1]);
  });
});

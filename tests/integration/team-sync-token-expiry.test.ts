/**
 * Acceptance (docs/team-mode.md): the access token expires while the laptop is offline. Back online,
 * the server refuses the token; the outbox waits (nothing lost, nothing sent under nobody), the header
 * says signed out, and after signing in again the change is pushed, attributed to the person who made
 * it. Someone else signing in on that laptop cannot send it as theirs or as the author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { openCaseArgs } from '../support/test-app';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

const TTL_SECONDS = 4;

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld({ accessTokenTtlSeconds: TTL_SECONDS });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serverLog(caseId: string): Promise<Array<{ version: number; author_id: string }>> {
  return world.server.admin(async (c) => (await c.query('SELECT version, author_id FROM change_log WHERE case_id = $1 ORDER BY seq', [caseId])).rows);
}

describe('a token that expires while offline', () => {
  it('leaves the outbox waiting, signed out; after signing in again the change is pushed as its author', async () => {
    const alex = await world.device('alex');
    await alex.join();
    alex.net.online = false;
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-7001', name: 'Jamie Lee', nhsNumber: null }));
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'offline', pending: 1 });

    await sleep((TTL_SECONDS + 1) * 1000);
    alex.net.online = true;
    const signedOut = await alex.ok('sync:now', {});
    expect(signedOut).toMatchObject({ state: 'signed_out', pending: 1, person: null, message: expect.stringMatching(/sign in/i) });
    expect(await serverLog(opened.id)).toEqual([]);
    // Still waiting, however often it is asked: nothing is sent without a sign-in.
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'signed_out', pending: 1 });

    // Bea signs in on Alex's laptop: Alex's change is not sent as Bea's, nor as Alex's under Bea's sign-in.
    alex.signInAs = EMAILS.bea;
    const asBea = await alex.ok('sync:signIn', {});
    expect(asBea).toMatchObject({ pending: 1, person: { id: world.people.bea } });
    expect(await serverLog(opened.id)).toEqual([]);

    alex.signInAs = EMAILS.alex;
    expect(await alex.ok('sync:signIn', {})).toMatchObject({ state: 'up_to_date', pending: 0, person: { id: world.people.alex } });
    expect(await serverLog(opened.id)).toEqual([{ version: 1, author_id: world.people.alex }]);
    expect(verifyAudit(alex.db())).toMatchObject({ ok: true, records: [] });
  });
});

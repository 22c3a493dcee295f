/**
 * Pushes the team server will not take (docs/team-mode.md), against the real server, PostgreSQL and
 * identity provider: a case of a team the person was removed from is refused and set aside with the
 * server's words while every other case is sent, and goes once the membership is back and the person
 * tries again; changes made on a shared computer by someone else wait for them, never sent under the
 * name of whoever is signed in, never dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { grant, revoke } from '../../server/db/admin';
import { openCaseArgs } from '../support/test-app';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 90_000);
afterAll(async () => {
  await world?.close();
});

async function serverLog(caseId: string): Promise<Array<{ version: number; author_id: string }>> {
  return world.server.admin(async (c) => (await c.query('SELECT version, author_id FROM change_log WHERE case_id = $1 ORDER BY seq', [caseId])).rows);
}

describe('a push the team server refuses', () => {
  it('is set aside with its words while the other case is sent; after the membership is back, try again sends it', async () => {
    const { northfield } = world.teams;
    await world.server.admin((c) => grant(c, { email: EMAILS.alex, teamId: northfield.id, role: 'clinician', name: 'Alex Morgan' }));
    const alex = await world.device('alex');
    await alex.join();
    alex.net.online = false;
    // Bea, in Riverside only, leads this one (Alex, now in two teams, may be filed under either).
    const ours = await alex.ok('cases:open', openCaseArgs(world.people.bea, { caseRef: 'RIO-8001', name: 'Robin Hart', nhsNumber: null }));
    // Sam leads Northfield's cases: this one belongs to Northfield.
    const theirs = await alex.ok('cases:open', openCaseArgs(world.people.sam, { caseRef: 'NF-8002', name: 'Casey Dunn', nhsNumber: null }));
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'offline', pending: 2 });

    await world.server.admin((c) => revoke(c, EMAILS.alex, northfield.id));
    alex.net.online = true;
    const refused = await alex.ok('sync:now', {});
    expect(refused).toMatchObject({ state: 'refused', refusedChanges: 1, pending: 1, conflicts: 0 });
    expect(await serverLog(ours.id)).toEqual([{ version: 1, author_id: world.people.alex }]);
    expect(await serverLog(theirs.id)).toEqual([]);
    const shown = await alex.ok('sync:refused', {});
    expect(shown).toEqual([
      expect.objectContaining({
        caseId: theirs.id,
        caseRef: 'NF-8002',
        youngPersonName: 'Casey Dunn',
        serverWords: expect.stringMatching(/not a member/),
        whatToDo: expect.stringContaining(`Ask your team lead to check you are in ${northfield.name}`),
      }),
    ]);
    // Asked again, still set aside (not resent each round), the local case as it was.
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'refused', refusedChanges: 1, pending: 1 });
    expect(await alex.ok('cases:get', { caseId: theirs.id })).toMatchObject({ summary: { caseRef: 'NF-8002' } });

    await world.server.admin((c) => grant(c, { email: EMAILS.alex, teamId: northfield.id, role: 'clinician', name: 'Alex Morgan' }));
    expect(await alex.ok('sync:retry', { caseId: theirs.id })).toMatchObject({ state: 'up_to_date', refusedChanges: 0, pending: 0 });
    expect(await serverLog(theirs.id)).toEqual([{ version: 1, author_id: world.people.alex }]);
    expect(await alex.ok('sync:refused', {})).toEqual([]);
    expect(verifyAudit(alex.db())).toMatchObject({ ok: true, records: [] });
  });
});

describe('changes by someone else on a shared computer', () => {
  it('wait for their author: only the signed-in person’s changes are sent, the others after their author signs in', async () => {
    const laptop = await world.device('alex');
    await laptop.join();
    await laptop.ok('sync:signOut', {});
    const alexCases = [];
    for (const [ref, name] of [['RIO-9001', 'Ash Reed'], ['RIO-9002', 'Bo Lane'], ['RIO-9003', 'Cam Frost']] as const) {
      alexCases.push(await laptop.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: ref, name, nhsNumber: null })));
    }

    laptop.signInAs = EMAILS.bea;
    const asBea = await laptop.ok('sync:signIn', {});
    expect(asBea).toMatchObject({ person: { id: world.people.bea }, pending: 3, waitingForOthers: [{ name: 'Alex Morgan', changes: 3 }] });
    const beaCase = await laptop.ok('cases:open', openCaseArgs(world.people.bea, { caseRef: 'RIO-9004', name: 'Dee Marsh', nhsNumber: null }));
    expect(await laptop.ok('sync:now', {})).toMatchObject({ state: 'pending', pending: 3, refusedChanges: 0, waitingForOthers: [{ name: 'Alex Morgan', changes: 3 }] });
    expect(await serverLog(beaCase.id)).toEqual([{ version: 1, author_id: world.people.bea }]);
    for (const c of alexCases) expect(await serverLog(c.id)).toEqual([]);

    laptop.signInAs = EMAILS.alex;
    expect(await laptop.ok('sync:signIn', {})).toMatchObject({ state: 'up_to_date', pending: 0, waitingForOthers: [], person: { id: world.people.alex } });
    for (const c of alexCases) expect(await serverLog(c.id)).toEqual([{ version: 1, author_id: world.people.alex }]);
    expect(verifyAudit(laptop.db())).toMatchObject({ ok: true, records: [] });
  });
});

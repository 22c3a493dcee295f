/**
 * Acceptance (docs/team-mode.md): a member of another team reads nothing of this team's cases and
 * writes nothing to them, whatever their device sends. Row-level security in PostgreSQL decides; the
 * device only carries the refusal's words to the person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseDocument } from '../../main/sync/case-document';
import { createSyncHttp } from '../../main/sync/http-client';
import { openCaseArgs } from '../support/test-app';
import { signInAs, TEST_PASSWORD } from '../support/team/idp';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe("a member of another team", () => {
  it("pulls none of Riverside's cases and cannot push a change to one, even a forged one", async () => {
    const alex = await world.device('alex');
    const sam = await world.device('sam');
    await alex.join();
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-5001', name: 'Jamie Lee', nhsNumber: null }));
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });

    const status = await sam.join();
    expect(status).toMatchObject({ state: 'up_to_date', teamNames: ['Northfield CAMHS'], person: { id: world.people.sam } });
    expect(sam.db().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(sam.db().prepare('SELECT count(*) FROM teams WHERE id = ?').pluck().get(world.teams.riverside.id)).toBe(0);

    // Sam's own client, with Sam's real token, asking for and writing Riverside's case directly.
    const tokens = await signInAs(world.idp, EMAILS.sam, TEST_PASSWORD);
    const http = createSyncHttp({ baseUrl: world.server.url, deviceId: 'sam-laptop' });
    expect(await http.version(tokens.access_token, opened.id, 1)).toMatchObject({ kind: 'rejected' });
    const pulled = await http.pull(tokens.access_token, null, 500);
    expect(pulled).toMatchObject({ kind: 'ok' });
    expect(pulled.kind === 'ok' && pulled.value.changes.filter((c) => c.teamId === world.teams.riverside.id)).toEqual([]);

    const document = readCaseDocument(alex.db(), opened.id);
    document.youngPerson = { ...document.youngPerson, name: 'Changed by someone else' };
    const body = { deviceId: 'sam-laptop', madeBy: world.people.sam, madeAt: alex.clock.now(), document };
    const overwrite = await http.push(tokens.access_token, opened.id, { body, baseVersion: 1, idempotencyKey: 'sam-overwrite-1' });
    expect(overwrite).toMatchObject({ kind: 'rejected', status: 403 });
    const asNew = await http.push(tokens.access_token, opened.id, { body, baseVersion: null, idempotencyKey: 'sam-overwrite-2' });
    // Not a conflict either: a 412 would carry the server's copy of a case Sam may not read.
    expect(asNew).toMatchObject({ kind: 'rejected', status: 403 });
    // Forged author: Sam claiming to be Alex.
    const forged = await http.push(tokens.access_token, opened.id, { body: { ...body, madeBy: world.people.alex }, baseVersion: 1, idempotencyKey: 'sam-overwrite-3' });
    expect(forged).toMatchObject({ kind: 'rejected', status: 403 });

    const log = await world.server.admin(async (c) => (await c.query('SELECT version, author_id FROM change_log WHERE case_id = $1', [opened.id])).rows);
    expect(log).toEqual([{ version: 1, author_id: world.people.alex }]);
    await alex.ok('sync:now', {});
    expect((await alex.ok('cases:get', { caseId: opened.id })).summary.name).toBe('Jamie Lee');
  });
});

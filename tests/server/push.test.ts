/** Pushing case versions over real HTTP to the real server on a real PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorBodySchema, meSchema, pushAcceptedSchema, pushConflictSchema, serverConfigSchema,
} from '../../shared/sync/protocol';
import { call, caseDocument, push, pushBody } from './support/api';
import { startWorld, STRANGER, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const newCaseId = () => `case-${randomUUID()}`;

describe('GET /v1/config and /v1/me', () => {
  it('says who the server is before sign-in', async () => {
    const res = await call(`${world.server.url}/v1/config`, { protocol: null });
    expect(res.status).toBe(200);
    const config = serverConfigSchema.parse(res.body);
    expect(config).toMatchObject({ serverId: world.server.serverId, protocol: 1, clientId: 'thrive-desktop' });
  });

  it('shows a member their teams with their colleagues, bound on first sign-in', async () => {
    const res = await call(`${world.server.url}/v1/me`, { token: await world.token('lee') });
    expect(res.status).toBe(200);
    const me = meSchema.parse(res.body);
    expect(me.person.id).toBe(world.ids.lee);
    expect(me.memberships).toEqual([{ teamId: 'team-a', role: 'team_lead' }]);
    expect(me.teams.map((t) => t.members.map((m) => m.name))).toEqual([['Alex Morgan', 'Bea Okafor', 'Lee Harper']]);
  });

  it('shows a signed-in person with no membership nothing', async () => {
    const token = await world.signIn(STRANGER.email);
    const me = meSchema.parse((await call(`${world.server.url}/v1/me`, { token })).body);
    expect(me.memberships).toEqual([]);
    expect(me.teams).toEqual([]);
  });
});

describe('POST /v1/cases/:caseId/versions', () => {
  it('accepts a new case (201), then a change on the version it was made on (200), and refuses a stale one with the server copy (412)', async () => {
    const alex = await world.token('alex');
    const bea = await world.token('bea');
    const caseId = newCaseId();
    const created = await push(world.server, caseId, { token: alex, base: 'new', body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) });
    expect(created.status).toBe(201);
    expect(pushAcceptedSchema.parse(created.body)).toMatchObject({ caseId, version: 1, replayed: false });

    const beaDoc = caseDocument(caseId, 'team-a', { note: 'Bea’s goal' });
    const accepted = await push(world.server, caseId, { token: bea, base: 1, body: pushBody(world.ids.bea, beaDoc) });
    expect(accepted.status).toBe(200);
    expect(pushAcceptedSchema.parse(accepted.body).version).toBe(2);

    const stale = await push(world.server, caseId, {
      token: alex, base: 1, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a', { note: 'Alex’s goal' })),
    });
    expect(stale.status).toBe(412);
    const conflict = pushConflictSchema.parse(stale.body);
    expect(conflict.server).toMatchObject({ version: 2, authorId: world.ids.bea, authorName: 'Bea Okafor', document: beaDoc });
    expect(conflict.error.message).toMatch(/Your change is kept/);

    const again = await push(world.server, caseId, { token: alex, base: 'new', body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) });
    expect(again.status).toBe(412);
  });

  it('applies a retried push once and answers the retry with the stored result', async () => {
    const alex = await world.token('alex');
    const caseId = newCaseId();
    const key = randomUUID();
    const body = pushBody(world.ids.alex, caseDocument(caseId, 'team-a'));
    const first = await push(world.server, caseId, { token: alex, base: 'new', key, body });
    const retry = await push(world.server, caseId, { token: alex, base: 'new', key, body });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    const entries = await world.server.admin((c) => c.query('SELECT count(*)::int AS n FROM change_log WHERE case_id = $1', [caseId]));
    expect(entries.rows[0].n).toBe(1);

    const different = await push(world.server, caseId, {
      token: alex, base: 'new', key, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a', { note: 'other' })),
    });
    expect(different.status).toBe(422);
    expect(errorBodySchema.parse(different.body).error.code).toBe('idempotency_mismatch');
  });

  it('refuses a change recorded as made by someone else (403)', async () => {
    const caseId = newCaseId();
    const res = await push(world.server, caseId, {
      token: await world.token('alex'), body: pushBody(world.ids.bea, caseDocument(caseId, 'team-a')),
    });
    expect(res.status).toBe(403);
    expect(errorBodySchema.parse(res.body).error.code).toBe('forbidden');
    await expectNoCase(caseId);
  });

  it('refuses a push into another team, or onto another team’s case (403), writing nothing', async () => {
    const sam = await world.token('sam');
    const caseId = newCaseId();
    const intoA = await push(world.server, caseId, { token: sam, body: pushBody(world.ids.sam, caseDocument(caseId, 'team-a')) });
    expect(intoA.status).toBe(403);
    await expectNoCase(caseId);

    await push(world.server, caseId, { token: await world.token('alex'), body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) });
    const moved = await push(world.server, caseId, { token: sam, base: 1, body: pushBody(world.ids.sam, caseDocument(caseId, 'team-b')) });
    expect(moved.status).toBe(403);
    expect(errorBodySchema.parse(moved.body).error.message).toMatch(/team you are not a member of/);
    const log = await world.server.admin((c) => c.query('SELECT version FROM change_log WHERE case_id = $1', [caseId]));
    expect(log.rows).toEqual([{ version: 1 }]);
  });

  it('refuses a body that fails the contract with the fields named (400)', async () => {
    const caseId = newCaseId();
    const doc = caseDocument(caseId, 'team-a');
    const res = await push(world.server, caseId, {
      token: await world.token('alex'),
      body: { ...pushBody(world.ids.alex, doc), madeAt: 'yesterday', document: { ...doc, tables: { ...doc.tables, goals: 'x' } } },
    });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(res.body);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['document.tables.goals', 'madeAt']);
    const notJson = await call(`${world.server.url}/v1/cases/${caseId}/versions`, {
      method: 'POST', token: await world.token('alex'), headers: { 'if-none-match': '*', 'idempotency-key': randomUUID() }, body: '{"deviceId":',
    });
    expect(notJson.status).toBe(400);
    expect(errorBodySchema.parse(notJson.body).error.code).toBe('bad_request');
    await expectNoCase(caseId);
  });

  it('refuses text PostgreSQL cannot store (a NUL or a lone surrogate) with words to act on, writing nothing', async () => {
    for (const bad of ['before\u0000after', 'half \ud800 pair']) {
      const caseId = newCaseId();
      const res = await push(world.server, caseId, {
        token: await world.token('alex'), body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a', { note: bad })),
      });
      expect(res.status).toBe(400);
      expect(errorBodySchema.parse(res.body).error.message).toMatch(/control character/);
      await expectNoCase(caseId);
    }
  });

  it('refuses an app older than the oldest protocol it reads (426), saying to update', async () => {
    const caseId = newCaseId();
    for (const protocol of [0, null]) {
      const res = await push(world.server, caseId, {
        token: await world.token('alex'), protocol, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')),
      });
      expect(res.status).toBe(426);
      const body = errorBodySchema.parse(res.body);
      expect(body.error).toMatchObject({ code: 'client_too_old', message: expect.stringMatching(/Update the app/) });
    }
    await expectNoCase(caseId);
  });

  it('answers one past version for a three-way merge, and not_found for another team', async () => {
    const caseId = newCaseId();
    const doc = caseDocument(caseId, 'team-a');
    await push(world.server, caseId, { token: await world.token('alex'), body: pushBody(world.ids.alex, doc) });
    const mine = await call(`${world.server.url}/v1/cases/${caseId}/versions/1`, { token: await world.token('bea') });
    expect(mine.status).toBe(200);
    expect(mine.body.document).toEqual(doc);
    const theirs = await call(`${world.server.url}/v1/cases/${caseId}/versions/1`, { token: await world.token('sam') });
    expect(theirs.status).toBe(404);
  });
});

async function expectNoCase(caseId: string): Promise<void> {
  const rows = await world.server.admin(async (c) => [
    ...(await c.query('SELECT id FROM cases WHERE id = $1', [caseId])).rows,
    ...(await c.query('SELECT seq FROM change_log WHERE case_id = $1', [caseId])).rows,
  ]);
  expect(rows).toEqual([]);
}

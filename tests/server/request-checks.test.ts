/** Requests refused before any data is touched, and what a team lead may see of colleagues' devices. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { call, caseDocument, pull, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

it('asks for the version a change was made on, and a usable idempotency key', async () => {
  const caseId = `case-${randomUUID()}`;
  const body = JSON.stringify(pushBody(world.ids.alex, caseDocument(caseId, 'team-a')));
  const url = `${world.server.url}/v1/cases/${caseId}/versions`;
  const token = await world.token('alex');
  const cases: [Record<string, string>, RegExp][] = [
    [{ 'idempotency-key': randomUUID() }, /If-Match/],
    [{ 'idempotency-key': randomUUID(), 'if-match': '"1"', 'if-none-match': '*' }, /not both/],
    [{ 'idempotency-key': randomUUID(), 'if-match': 'W/"1"' }, /If-Match/],
    [{ 'if-none-match': '*' }, /idempotency-key header/],
  ];
  for (const [headers, words] of cases) {
    const res = await call(url, { method: 'POST', token, headers, body });
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(res.body);
    expect(error.code).toBe('bad_request');
    expect(`${error.message} ${JSON.stringify(error.fields ?? [])}`).toMatch(words);
  }
});

it('refuses a body larger than the limit with a 413 in the error shape', async () => {
  const app = buildServer({
    pool: world.server.pool, verifyToken: async () => { throw new Error('not reached'); },
    serverId: world.server.serverId, clock: world.server.clock,
    config: { issuer: 'https://login.trust.test', clientId: 'thrive-desktop', audience: 'x' }, bodyLimit: 1_000,
  });
  const res = await app.inject({
    method: 'POST', url: '/v1/cases/c1/versions', headers: { 'content-type': 'application/json', 'thrive-protocol': '1' },
    payload: JSON.stringify({ pad: 'x'.repeat(5_000) }),
  });
  await app.close();
  expect(res.statusCode).toBe(413);
  expect(errorBodySchema.parse(res.json()).error.message).toMatch(/too large/);
});

it('answers an unknown address with not_found in the error shape', async () => {
  const res = await call(`${world.server.url}/v1/nothing-here`, { token: await world.token('alex') });
  expect(res.status).toBe(404);
  expect(errorBodySchema.parse(res.body).error.code).toBe('not_found');
});

it('lets a team lead see when a colleague’s device last synced, and no one outside the team', async () => {
  await pull(world.server, await world.token('alex'));
  const api = new pg.Client({ connectionString: world.server.apiUrl });
  await api.connect();
  const devicesSeenBy = async (personId: string) => {
    await api.query('BEGIN');
    await api.query(`SELECT set_config('thrive.person_id', $1, true)`, [personId]);
    const { rows } = await api.query('SELECT person_id FROM devices WHERE last_pull_at IS NOT NULL');
    await api.query('ROLLBACK');
    return rows.map((r: { person_id: string }) => r.person_id);
  };
  try {
    expect(await devicesSeenBy(world.ids.lee)).toEqual([world.ids.alex]);
    expect(await devicesSeenBy(world.ids.sam)).toEqual([]);
  } finally {
    await api.end();
  }
});

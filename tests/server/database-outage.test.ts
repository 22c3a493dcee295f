/**
 * PostgreSQL restarting in the middle of a push: the device gets a clear 503 `unavailable`, nothing
 * partial is on the server, and the retry with the same key applies once when it is back.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema, pushAcceptedSchema } from '../../shared/sync/protocol';
import { call, caseDocument, push, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function waitForLockWait(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await world.server.admin((c) =>
      c.query(`SELECT 1 FROM pg_stat_activity WHERE usename = 'thrive_api' AND wait_event_type = 'Lock'`),
    );
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the push never reached the chain head');
}

it('answers 503 unavailable when PostgreSQL restarts mid-transaction, writes nothing partial, and the retry applies once', async () => {
  const alex = await world.token('alex');
  await call(`${world.server.url}/v1/me`, { token: alex });
  const caseId = `case-${randomUUID()}`;
  const key = randomUUID();
  const body = pushBody(world.ids.alex, caseDocument(caseId, 'team-a'));

  // Hold the team's chain head so the push is inside its transaction when the database goes away.
  const holder = new pg.Client({ connectionString: world.server.ownerUrl });
  holder.on('error', () => {});
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(`SELECT * FROM team_heads WHERE team_id = 'team-a' FOR UPDATE`);
  const pending = push(world.server, caseId, { token: alex, key, body });
  await waitForLockWait();

  await world.postgres.restart();
  await holder.end().catch(() => {});
  const refused = await pending;
  expect(refused.status).toBe(503);
  const error = errorBodySchema.parse(refused.body).error;
  expect(error.code).toBe('unavailable');
  expect(error.message).toMatch(/kept on this computer/);

  const partial = await world.server.admin(async (c) => [
    ...(await c.query('SELECT id FROM cases WHERE id = $1', [caseId])).rows,
    ...(await c.query('SELECT seq FROM change_log WHERE case_id = $1', [caseId])).rows,
    ...(await c.query(`SELECT last_seq FROM team_heads WHERE team_id = 'team-a' AND last_seq <> 0`)).rows,
  ]);
  expect(partial).toEqual([]);

  const retry = await push(world.server, caseId, { token: alex, key, body });
  expect(retry.status).toBe(201);
  expect(pushAcceptedSchema.parse(retry.body)).toMatchObject({ version: 1, seq: 1, replayed: false });
  const again = await push(world.server, caseId, { token: alex, key, body });
  expect(pushAcceptedSchema.parse(again.body)).toMatchObject({ seq: 1, replayed: true });
});

it('answers 503 unavailable while the database is down', async () => {
  const alex = await world.token('alex');
  const stopped = new Promise<void>((resolve) => {
    // restart() stops then starts: ask while it is between the two.
    void world.postgres.restart().then(resolve);
  });
  let sawDown = false;
  for (let i = 0; i < 40 && !sawDown; i++) {
    const res = await call(`${world.server.url}/v1/me`, { token: alex });
    if (res.status === 503) {
      expect(errorBodySchema.parse(res.body).error.code).toBe('unavailable');
      sawDown = true;
    }
  }
  await stopped;
  expect((await call(`${world.server.url}/v1/me`, { token: alex })).status).toBe(200);
  expect(sawDown).toBe(true);
});

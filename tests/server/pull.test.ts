/**
 * Pulling the change log by cursor over real HTTP: commit order across concurrent pushes, pages, and
 * cursors the server did not make refused.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, pullResponseSchema, type PullResponse } from '../../shared/sync/protocol';
import { appendChange, lockTeamHead } from '../../server/db/changes';
import { encodeCursor } from '../../server/db/pull';
import { caseDocument, pull, push, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function pullOk(token: string, cursor?: string, limit?: number): Promise<PullResponse> {
  const res = await pull(world.server, token, cursor, limit);
  expect(res.status).toBe(200);
  return pullResponseSchema.parse(res.body);
}

async function waitForLockWait(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await world.server.admin((c) =>
      c.query(`SELECT 1 FROM pg_stat_activity WHERE usename = 'thrive_api' AND wait_event_type = 'Lock'`),
    );
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the second push never waited for the chain head');
}

describe('GET /v1/changes', () => {
  it('never skips a change that commits after a later one started (seq is assigned in commit order)', async () => {
    const lee = await world.token('lee');
    const first = `case-${randomUUID()}`;
    await push(world.server, first, { token: await world.token('alex'), body: pushBody(world.ids.alex, caseDocument(first, 'team-a')) });
    const start = await pullOk(lee);
    expect(start.changes.map((c) => c.caseId)).toEqual([first]);

    // Bea's push starts first and is slow: it holds the team's chain head, uncommitted.
    const slow = new pg.Client({ connectionString: world.server.apiUrl });
    await slow.connect();
    await slow.query('BEGIN');
    await slow.query(`SELECT set_config('thrive.person_id', $1, true)`, [world.ids.bea]);
    const head = await lockTeamHead(slow as pg.PoolClient, 'team-a');
    const slowCase = `case-${randomUUID()}`;
    await appendChange(slow as pg.PoolClient, head!, {
      teamId: 'team-a', caseId: slowCase, version: 1, authorId: world.ids.bea, deviceId: 'bea-laptop',
      idempotencyKey: randomUUID(), requestHash: 'x', madeAt: '2026-03-02T09:00:00.000Z', at: world.server.clock.now(),
      document: caseDocument(slowCase, 'team-a'),
    });
    // Alex's push starts later and must wait for Bea's to commit.
    const fast = `case-${randomUUID()}`;
    const fastPush = push(world.server, fast, { token: await world.token('alex'), body: pushBody(world.ids.alex, caseDocument(fast, 'team-a')) });
    await waitForLockWait();
    const during = await pullOk(lee, start.cursor);
    expect(during.changes).toEqual([]);

    await slow.query('COMMIT');
    await slow.end();
    expect((await fastPush).status).toBe(201);
    const after = await pullOk(lee, during.cursor);
    expect(after.changes.map((c) => [c.seq, c.caseId])).toEqual([[2, slowCase], [3, fast]]);
  });

  it('pages with limit and more, and shows a member of another team nothing', async () => {
    const lee = await world.token('lee');
    const all = await pullOk(lee);
    expect(all.changes.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await pullOk(lee, cursor, 1);
      seen.push(...page.changes.map((c) => c.seq));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(all.changes.map((c) => c.seq));
    const sam = await pullOk(await world.token('sam'));
    expect(sam.changes).toEqual([]);
    const { rows } = await world.server.admin((c) => c.query(`SELECT last_pull_at FROM devices WHERE person_id = $1`, [world.ids.lee]));
    expect(rows[0].last_pull_at).toBeInstanceOf(Date);
  });

  it('refuses a cursor from another server, from the future, or not made by a server (cursor_invalid)', async () => {
    const lee = await world.token('lee');
    const cursors = {
      'a different team server': encodeCursor({ s: 'another-server', t: {} }),
      'ahead of this server': encodeCursor({ s: world.server.serverId, t: { 'team-a': 10_000 } }),
      'not one this server made': 'bm90IGpzb24',
    };
    for (const [words, cursor] of Object.entries(cursors)) {
      const res = await pull(world.server, lee, cursor);
      expect(res.status).toBe(400);
      const body = errorBodySchema.parse(res.body);
      expect(body.error.code).toBe('cursor_invalid');
      expect(body.error.message).toContain(words);
    }
  });
});

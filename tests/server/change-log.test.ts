/** The change log stays append-only and its hash chain catches what a superuser changes behind it. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChains } from '../../server/db/verify-chain';
import { caseDocument, push, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
  const alex = await world.token('alex');
  for (let i = 0; i < 3; i++) {
    const caseId = `case-${randomUUID()}`;
    await push(world.server, caseId, { token: alex, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) });
    await push(world.server, caseId, { token: alex, base: 1, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a', { note: `v2 ${i}` })) });
  }
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** Runs `sql` as the superuser with the append-only triggers switched off, as an attacker with root would. */
const tamper = (sql: string) =>
  world.server.admin(async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql);
  });

describe('the change log', () => {
  it('refuses UPDATE and DELETE, for the owner and a superuser too', async () => {
    await world.server.admin(async (c) => {
      await expect(c.query(`UPDATE change_log SET device_id = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(c.query(`DELETE FROM change_log WHERE seq = 1`)).rejects.toThrow(/append-only: DELETE refused/);
    });
  });

  it('verify-chain holds on an untouched log', async () => {
    const reports = await world.server.admin((c) => verifyChains(c));
    expect(reports).toEqual([
      { teamId: 'team-a', entries: 6, ok: true, problems: [] },
      { teamId: 'team-b', entries: 0, ok: true, problems: [] },
    ]);
  });

  it('verify-chain names an entry whose document a superuser changed', async () => {
    await tamper(`UPDATE change_log SET document = jsonb_set(document, '{youngPerson,name}', '"Someone Else"') WHERE team_id = 'team-a' AND seq = 3`);
    const [report] = await world.server.admin((c) => verifyChains(c, 'team-a'));
    expect(report!.ok).toBe(false);
    expect(report!.problems).toEqual(['entry 3: its content was changed after it was written']);
  });

  it('verify-chain notices an entry removed from the end', async () => {
    await tamper(`DELETE FROM change_log WHERE team_id = 'team-a' AND seq = 6`);
    const [report] = await world.server.admin((c) => verifyChains(c, 'team-a'));
    expect(report!.problems).toContain('the chain head (entry 6) does not match the last entry (5): entries were removed or added');
  });
});

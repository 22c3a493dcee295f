/**
 * The devices' outbox reports (Thrive-Pending / Thrive-Oldest-Pending on push and pull) and the team
 * lead's GET /v1/teams/:teamId/devices, over real HTTP against a real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamDevicesSchema } from '../../shared/sync/protocol';
import { call, caseDocument, push, pushBody } from './support/api';
import { PEOPLE, startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const devicesOf = async (token: string, teamId: string) => call(`${world.server.url}/v1/teams/${teamId}/devices`, { token });
const pullFrom = (token: string, device: string, report: Record<string, string> = {}) =>
  call(`${world.server.url}/v1/changes`, { token, headers: { 'thrive-device': device, ...report } });

describe('device outbox reports and the team lead’s list of devices', () => {
  it('keeps what each device reported at its last contact, with the server’s time; a request without a report keeps the last one', async () => {
    const alex = await world.token('alex');
    const caseId = `case-${randomUUID()}`;
    const pushed = await call(`${world.server.url}/v1/cases/${caseId}/versions`, {
      method: 'POST', token: alex,
      headers: { 'idempotency-key': randomUUID(), 'if-none-match': '*', 'thrive-pending': '3', 'thrive-oldest-pending': '2026-03-01T09:10:00.000Z' },
      body: JSON.stringify(pushBody(world.ids.alex, caseDocument(caseId, 'team-a'), 'alex-laptop')),
    });
    expect(pushed.status).toBe(201);
    expect((await pullFrom(await world.token('bea'), 'bea-desk')).status).toBe(200);
    expect((await pullFrom(await world.token('sam'), 'sam-laptop', { 'thrive-pending': '7' })).status).toBe(200);
    // Alex's laptop pulls with no report (an older app): its last report stands.
    expect((await pullFrom(alex, 'alex-laptop')).status).toBe(200);

    const listed = await devicesOf(await world.token('lee'), 'team-a');
    expect(listed.status).toBe(200);
    const body = teamDevicesSchema.parse(listed.body);
    expect(body.asOf).toMatch(/^2026-03-02T12:00/);
    // Least recently in touch first; Sam (another team) is not listed.
    expect(body.devices.map((d) => [d.deviceId, d.personName, d.pending, d.oldestPendingAt])).toEqual([
      ['bea-desk', PEOPLE.bea.name, null, null],
      ['alex-laptop', PEOPLE.alex.name, 3, '2026-03-01T09:10:00.000Z'],
    ]);
    // Times of contact are the server's clock, never the device's.
    for (const d of body.devices) expect(d.lastSeenAt).toMatch(/^2026-03-02T12:00/);
  });

  it('records a pull again only when its report changed or its last pull is a minute old (last contact is accurate to a minute)', async () => {
    const bea = await world.token('bea');
    const rowOf = async () => (await world.server.admin((c) => c.query(
      `SELECT xmin::text AS xmin, last_pull_at, pending_count FROM devices WHERE id = 'bea-minute'`,
    ))).rows[0] as { xmin: string; last_pull_at: Date; pending_count: number | null };
    expect((await pullFrom(bea, 'bea-minute', { 'thrive-pending': '0' })).status).toBe(200);
    const first = await rowOf();
    // Same report within the minute: nothing is written (the row version is unchanged).
    expect((await pullFrom(bea, 'bea-minute', { 'thrive-pending': '0' })).status).toBe(200);
    expect((await rowOf()).xmin).toBe(first.xmin);
    // A changed report is recorded at once.
    expect((await pullFrom(bea, 'bea-minute', { 'thrive-pending': '2' })).status).toBe(200);
    expect((await rowOf()).pending_count).toBe(2);
    // A last pull over a minute old is recorded again with the server's time.
    await world.server.admin((c) => c.query(`UPDATE devices SET last_pull_at = last_pull_at - interval '61 seconds' WHERE id = 'bea-minute'`));
    expect((await pullFrom(bea, 'bea-minute', { 'thrive-pending': '2' })).status).toBe(200);
    // (The test clock moves a millisecond per reading, so the new time is just after the first.)
    expect((await rowOf()).last_pull_at.getTime()).toBeGreaterThanOrEqual(first.last_pull_at.getTime());
    expect((await rowOf()).last_pull_at.toISOString()).toMatch(/^2026-03-02T12:00:00/);
  });

  it('is for the team’s leads only: a clinician, another team’s member and a lead asking for another team are refused', async () => {
    expect((await devicesOf(await world.token('alex'), 'team-a')).status).toBe(403);
    expect((await devicesOf(await world.token('sam'), 'team-a')).status).toBe(403);
    const other = await devicesOf(await world.token('lee'), 'team-b');
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringMatching(/team's lead/) } } });
    expect((await devicesOf(await world.token('lee'), 'no-such-team')).status).toBe(403);
    expect((await call(`${world.server.url}/v1/teams/team-a/devices`, {})).status).toBe(401);
  });

  it('refuses a report it cannot read, and writes nothing', async () => {
    const alex = await world.token('alex');
    const caseId = `case-${randomUUID()}`;
    const first = await push(world.server, caseId, { token: alex, body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a'), 'alex-laptop') });
    expect(first.status).toBe(201);
    const badDate = await call(`${world.server.url}/v1/cases/${caseId}/versions`, {
      method: 'POST', token: alex,
      headers: { 'idempotency-key': randomUUID(), 'if-match': '"1"', 'thrive-pending': '2', 'thrive-oldest-pending': 'yesterday' },
      body: JSON.stringify(pushBody(world.ids.alex, caseDocument(caseId, 'team-a', { note: 'second' }), 'alex-laptop')),
    });
    expect(badDate).toMatchObject({ status: 400, body: { error: { code: 'bad_request', fields: [{ path: 'oldestPendingAt' }] } } });
    const versions = await world.server.admin((c) => c.query('SELECT version FROM change_log WHERE case_id = $1', [caseId]));
    expect(versions.rows).toEqual([{ version: 1 }]);
    expect((await pullFrom(alex, 'alex-laptop', { 'thrive-pending': '-1' })).status).toBe(400);
  });
});

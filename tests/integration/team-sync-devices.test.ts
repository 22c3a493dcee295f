/**
 * Acceptance (docs/team-mode.md, "Visible state"; hazards "unsynced work on a lost laptop", "stale
 * flags on the lead's view", "clock skew between devices"): each push and pull reports the device's
 * outbox; the team lead's device lists the team's devices out of touch for a day or holding unsent
 * changes, "as of" the lead's last sync, offline too. A device whose clock is a day wrong is told so,
 * and still syncs: the server orders by its own clock. Real server, PostgreSQL and sign-in throughout.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../shared/dates';
import { deviceAttentionLine } from '../../shared/domain/device-contact';
import { createSyncHttp } from '../../main/sync/http-client';
import { getSyncState } from '../../main/sync/sync-state';
import { loadTokens } from '../../main/sync/token-store';
import { currentViewArgs, openCaseArgs, planArgs, reviewArgs } from '../support/test-app';
import { startTeamWorld, WORLD_DAY, type SyncDevice, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  world.serverClock.set(WORLD_DAY);
});

async function deviceRow(d: SyncDevice) {
  const deviceId = getSyncState(d.db(), 'deviceId');
  return world.server.admin(async (c) => {
    const { rows } = await c.query('SELECT person_id, last_seen_at, pending_count, oldest_pending_at FROM devices WHERE id = $1', [deviceId]);
    return rows[0] as { person_id: string; last_seen_at: Date; pending_count: number | null; oldest_pending_at: Date | null };
  });
}

/** Alex and Bea both review a case offline; Bea syncs first, so Alex's review waits as a conflict. */
async function alexLeftWithWork(alex: SyncDevice, bea: SyncDevice): Promise<void> {
  const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-7001', name: 'Robin Vale', nhsNumber: null }));
  await alex.ok('currentView:record', currentViewArgs(opened.id));
  await alex.ok('plan:save', planArgs(opened.id));
  await alex.ok('sync:now', {});
  await bea.ok('sync:now', {});
  alex.net.online = false;
  await alex.ok('review:record', reviewArgs(await alex.ok('cases:get', { caseId: opened.id }), { reviewDate: '2026-11-20' }));
  alex.net.online = true;
  await bea.ok('review:record', reviewArgs(await bea.ok('cases:get', { caseId: opened.id }), { reviewDate: '2026-11-21', decision: 'continue' }));
  expect(await bea.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
  const alexStatus = await alex.ok('sync:now', {});
  expect(alexStatus).toMatchObject({ state: 'conflict', pending: 1 });
}

describe("the team lead's view of the team's devices", () => {
  it('lists a device with changes waiting and devices out of touch for a day, as of the last sync, offline too', async () => {
    const [alex, bea, lee] = [await world.device('alex'), await world.device('bea'), await world.device('lee')];
    for (const d of [alex, bea, lee]) await d.join();
    await alexLeftWithWork(alex, bea);

    // The server kept what Alex's device reported at its last contact, with the server's own time.
    const row = await deviceRow(alex);
    expect(row).toMatchObject({ person_id: world.people.alex, pending_count: 1 });
    expect(row.oldest_pending_at).toBeInstanceOf(Date);

    // Today, nobody is out of touch; Alex's device still holds a change.
    const today = await lee.ok('sync:now', {});
    expect(today.teamDevices?.devices.map((d) => [d.personName, d.pending, d.outOfTouch])).toEqual([['Alex Morgan', 1, false]]);
    expect(today.clockWarning).toBeNull();

    // Two days on, Lee syncs: Alex's and Bea's laptops have not been in touch since.
    const later = addDaysTo(WORLD_DAY, 2);
    world.serverClock.set(later);
    lee.clock.set(later);
    const status = await lee.ok('sync:now', {});
    expect(status.clockWarning).toBeNull();
    const notice = status.teamDevices!;
    expect(notice).toMatchObject({ outOfTouchHours: 24, asOf: expect.stringContaining(later) });
    // Longest out of touch first: Bea synced before Alex last did.
    expect(notice.devices.map((d) => [d.personName, d.pending, d.outOfTouch])).toEqual([
      ['Bea Okafor', 0, true],
      ['Alex Morgan', 1, true],
    ]);
    expect(deviceAttentionLine(notice.devices[1]!)).toMatch(/^Alex Morgan's computer: 1 change not sent, oldest 2\d\/11\/2026 \d\d:\d\d; last in touch 22\/11\/2026 12:00$/);
    // Lee's own device was in touch just now: not listed.
    expect(notice.devices.some((d) => d.personName === 'Lee Harper')).toBe(false);

    // Offline, the lead still sees the list, as of the last sync rather than now.
    lee.net.online = false;
    lee.clock.set(addDaysTo(later, 1));
    const offline = await lee.ok('sync:now', {});
    expect(offline.state).toBe('offline');
    expect(offline.teamDevices).toEqual(notice);
  });

  it('is for team leads only: a clinician and a member of another team are refused, and hold none', async () => {
    const [alex, sam] = [await world.device('alex'), await world.device('sam')];
    for (const d of [alex, sam]) {
      expect((await d.join()).teamDevices).toBeNull();
      const token = loadTokens(d.db())!.accessToken;
      const http = createSyncHttp({ baseUrl: world.server.url, deviceId: 'probe-device' });
      expect(await http.teamDevices(token, world.teams.riverside.id)).toMatchObject({ kind: 'rejected', status: 403 });
    }
    // A report the server cannot read is refused with words, not recorded as nothing waiting.
    const bad = await fetch(`${world.server.url}/v1/changes`, {
      headers: { 'thrive-protocol': '1', 'thrive-device': 'probe-device', 'thrive-pending': 'lots', authorization: `Bearer ${loadTokens(alex.db())!.accessToken}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', fields: [{ path: 'pending' }] } });
  });
});

describe('a device clock a day wrong', () => {
  it('is told in plain words, and still syncs in the server order', async () => {
    const alex = await world.device('alex', { today: addDaysTo(WORLD_DAY, -1) });
    const joined = await alex.join();
    expect(joined).toMatchObject({ state: 'up_to_date' });
    expect(joined.clockWarning).toBe(
      "This computer's clock is 1 day behind the team server's. Dates, flags and 'as of' times may be wrong: correct the computer's clock.",
    );
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-7002', name: 'Kit Ash', nhsNumber: null }));
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    // The server recorded the change at its own time, not the device's.
    const at = await world.server.admin(async (c) => (await c.query('SELECT at FROM change_log WHERE case_id = $1', [opened.id])).rows[0].at as Date);
    expect(at.toISOString().slice(0, 10)).toBe(WORLD_DAY);

    const ahead = await world.device('bea', { today: addDaysTo(WORLD_DAY, 3) });
    expect((await ahead.join()).clockWarning).toMatch(/^This computer's clock is 3 days ahead of the team server's\./);
  });
});

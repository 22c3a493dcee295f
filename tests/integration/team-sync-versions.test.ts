/**
 * Acceptance (docs/team-mode.md, "Versions"): an app older than the server is refused with words
 * saying to update it, and nothing is written on either side: never a partial sync. And connecting:
 * an address where no team server answers is refused in words, and the device stays solo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncHttp } from '../../main/sync/http-client';
import { OLDEST_ACCEPTED_PROTOCOL } from '../../shared/sync/protocol';
import { openCaseArgs } from '../support/test-app';
import { tableCounts } from '../support/temp-db';
import { signInAs, TEST_PASSWORD } from '../support/team/idp';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const OLD = OLDEST_ACCEPTED_PROTOCOL - 1;

async function changeLogSize(): Promise<number> {
  return world.server.admin(async (c) => Number((await c.query('SELECT count(*) AS n FROM change_log')).rows[0].n));
}

describe('an old app against a newer server', () => {
  it('cannot connect: the address is refused with words to update, and the device stays solo', async () => {
    const old = await world.device('alex', { protocol: OLD });
    const result = await old.call('sync:connect', { serverUrl: old.net.url });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/too old.*update/i) } });
    expect(await old.ok('sync:status', {})).toMatchObject({ mode: 'solo', serverUrl: null });
  });

  it('the server itself answers an old client 426 with words to update, on every call, writing nothing', async () => {
    const tokens = await signInAs(world.idp, EMAILS.alex, TEST_PASSWORD);
    const http = createSyncHttp({ baseUrl: world.server.url, deviceId: 'old-laptop', protocol: OLD });
    const before = await changeLogSize();
    for (const outcome of [await http.me(tokens.access_token), await http.pull(tokens.access_token, null, 10)]) {
      expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringMatching(/update/i) });
    }
    expect(await changeLogSize()).toBe(before);
  });

  it('a device whose build the server no longer accepts is refused before anything is sent or written; updated, it syncs', async () => {
    const alex = await world.device('alex');
    await alex.join();
    const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef: 'RIO-6001', name: 'Jamie Lee', nhsNumber: null }));
    const before = await changeLogSize();
    const { sync_state: _s, ...records } = tableCounts(alex.db());

    alex.protocol = OLD;
    const refused = await alex.ok('sync:now', {});
    expect(refused).toMatchObject({ state: 'refused', pending: 1, message: expect.stringMatching(/too old.*update/i) });
    expect(await changeLogSize()).toBe(before);
    const { sync_state: _t, ...after } = tableCounts(alex.db());
    expect(after).toEqual(records);
    expect(alex.db().prepare('SELECT count(*) FROM sync_push_attempts').pluck().get()).toBe(0);

    alex.protocol = undefined;
    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0, message: null });
    expect(await changeLogSize()).toBe(before + 1);
    expect((await alex.ok('cases:get', { caseId: opened.id })).summary.caseRef).toBe('RIO-6001');
  });
});

describe('connecting to a team server', () => {
  it('refuses an address where nothing answers, or something that is not a team server, and stays solo', async () => {
    const alex = await world.device('alex');
    const nothing = await alex.call('sync:connect', { serverUrl: 'http://127.0.0.1:9' });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'serverUrl', message: expect.stringMatching(/No team server answered/) }] } });
    // The identity provider is a real web server, but not a team server.
    const wrong = await alex.call('sync:connect', { serverUrl: world.idp.issuer });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/did not answer as a THRIVE Plans team server/) } });
    const plain = await alex.call('sync:connect', { serverUrl: 'http://thrive.example.nhs.uk' });
    expect(plain).toMatchObject({ ok: false, error: { code: 'validation', message: 'The team server address must start with https://' } });
    expect(await alex.ok('sync:status', {})).toMatchObject({ mode: 'solo', serverUrl: null });
    expect(await alex.call('sync:signIn', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Connect to your team server first/) } });

    const connected = await alex.ok('sync:connect', { serverUrl: `${alex.net.url}/` });
    expect(connected).toMatchObject({ mode: 'team', state: 'signed_out', serverUrl: alex.net.url, person: null });
  });
});

/**
 * The engine's loop and status without a team server: solo does nothing at all; an unreachable server
 * (a real loopback port nobody listens on) backs off, and local writes do not hammer it meanwhile.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../tests/support/test-app';
import { createSyncEngine, type SyncAuth } from './engine';
import { putSyncState } from './sync-state';
import { createSyncHttp } from './http-client';

const auth: SyncAuth = {
  getAccessToken: () => Promise.resolve('token'),
  isSignedIn: () => true,
  signIn: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
};

/** A loopback port that was free a moment ago: connecting to it is refused, as with the server down. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function manualTimers() {
  const scheduled: Array<{ ms: number; run: () => void; cleared: boolean }> = [];
  return {
    scheduled,
    pending: () => scheduled.filter((t) => !t.cleared),
    setTimeout: (run: () => void, ms: number) => {
      // A timer that has fired is done, as a real one is.
      const t = { ms, run: () => ((t.cleared = true), run()), cleared: false };
      scheduled.push(t);
      return t;
    },
    clearTimeout: (handle: unknown) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
}

describe('the sync engine', () => {
  it('in solo mode sends nothing, schedules nothing and says solo', async () => {
    const app = startApp();
    const timers = manualTimers();
    let clients = 0;
    const engine = createSyncEngine({
      db: () => app.services.db,
      clock: app.clock,
      deviceId: 'device-1',
      http: (baseUrl, signal) => (clients++, createSyncHttp({ baseUrl, deviceId: 'device-1', signal })),
      auth,
      timers,
    });
    engine.start();
    engine.noteLocalWrite();
    expect(await engine.syncOnce()).toMatchObject({ mode: 'solo', state: 'up_to_date', serverUrl: null });
    expect(engine.conflicts()).toEqual([]);
    expect(clients).toBe(0);
    expect(timers.scheduled).toEqual([]);
  });

  it('backs off while the server is unreachable, says since when, and ignores local writes meanwhile', async () => {
    const app = startApp();
    const timers = manualTimers();
    const url = `http://127.0.0.1:${await deadPort()}`;
    putSyncState(app.services.db, 'serverUrl', url, app.clock.now());
    const engine = createSyncEngine({
      db: () => app.services.db,
      clock: app.clock,
      deviceId: 'device-1',
      http: (baseUrl, signal) => createSyncHttp({ baseUrl, deviceId: 'device-1', signal, timeoutMs: 2_000 }),
      auth,
      timers,
      intervalMs: 60_000,
      debounceMs: 2_000,
    });
    engine.start();
    expect(timers.pending().map((t) => t.ms)).toEqual([2_000]);

    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      timers.pending()[0]!.run();
      await engine.syncOnce();
      await new Promise((resolve) => setImmediate(resolve));
      waits.push(timers.pending()[0]!.ms);
    }
    expect(waits).toEqual([5_000, 10_000, 20_000]);
    const status = engine.status();
    expect(status).toMatchObject({ mode: 'team', state: 'offline', serverUrl: url, message: expect.stringMatching(/could not be reached/) });
    expect(status.offlineSince).not.toBeNull();

    engine.noteLocalWrite();
    expect(timers.pending().map((t) => t.ms)).toEqual([20_000]);
    engine.stop();
    expect(timers.pending()).toEqual([]);
  });
});

/**
 * The team-mode acceptance tests' world (tests/integration/team-sync-*.test.ts): a real PostgreSQL,
 * the real team server, the real local identity provider, and devices, each its own encrypted SQLite
 * file opened as the app opens it (createAppServices) with the real sync engine, reaching the server
 * through its own network (tests/support/team/net-proxy.ts) that a test can cut. Sign-in is the app's
 * own (main/sync/sign-in.ts: code + PKCE in the browser, back to its loopback listener), with a scripted
 * person filling in the provider's real login page. Nothing is mocked: the only stand-ins are the calendar and
 * the network cable.
 *
 *   const world = await startTeamWorld();          // in beforeAll; world.close() in afterAll
 *   const a = await world.device('alex');          // closed after each test
 *   await a.join();                                // sync:connect + sync:signIn through the handlers
 */
import { afterEach, expect } from 'vitest';
import { TEST_KEY, tempDbPath } from '../temp-db';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { newId } from '../../../main/db/ids';
import type { Db } from '../../../main/db/sql';
import { createSyncEngine, type SyncEngine } from '../../../main/sync/engine';
import { signInAuth } from '../../../main/sync/engine-auth';
import { deviceIdOf } from '../../../main/sync/sync-state';
import { createSyncHttp } from '../../../main/sync/http-client';
import { createTokenVerifier } from '../../../server/auth/verify-token';
import { createTeam, grant } from '../../../server/db/admin';
import { fixedClock } from '../../../shared/clock';
import type { IsoDate } from '../../../shared/dates';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { SyncStatus } from '../../../shared/ipc/schemas/sync';
import { personAtBrowser } from './browser-driver';
import { startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from './idp';
import { startNetProxy, type NetProxy } from './net-proxy';
import { startPostgres, type TestPostgres } from './postgres';
import { startTeamServer, type TeamServer } from './team-server';

export const EMAILS = {
  alex: 'alex.clinician@thrive.test',
  bea: 'bea.clinician@thrive.test',
  lee: 'lee.lead@thrive.test',
  sam: 'sam.other-team@thrive.test',
} as const;
export type Who = keyof typeof EMAILS;

export interface TeamWorld {
  postgres: TestPostgres;
  idp: TestIdp;
  server: TeamServer;
  /** The team server's clock (WORLD_DAY until a test moves it on). */
  serverClock: ReturnType<typeof fixedClock>;
  /** Riverside (Alex and Bea clinicians, Lee its lead) and Northfield (Sam). */
  teams: { riverside: { id: string; name: string }; northfield: { id: string; name: string } };
  people: Record<Who, string>;
  device(who: Who, options?: DeviceOptions): Promise<SyncDevice>;
  close(): Promise<void>;
}

export interface DeviceOptions {
  today?: IsoDate;
  /** The protocol the device's build speaks (an old build: lower). */
  protocol?: number;
  /** Changes per pulled page (default: the engine's own, main/sync/engine-round.ts). */
  pullLimit?: number;
}

export interface SyncDevice {
  who: Who;
  personId: string;
  services: AppServices;
  db(): Db;
  engine: SyncEngine;
  /** Who signs in at the browser next time the app opens it (default: the device's person). */
  signInAs: string;
  net: NetProxy;
  clock: ReturnType<typeof fixedClock>;
  /** The protocol its build speaks, read at each round (a test makes it an old build by lowering it). */
  protocol: number | undefined;
  /** A channel through the real dispatch (sync channels are awaited). */
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<IpcResult<ResultOf<C>>>;
  ok<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
  /** sync:connect to the server through this device's network, then sync:signIn (which syncs). */
  join(): Promise<SyncStatus>;
  close(): void;
}

const openDevices: SyncDevice[] = [];
afterEach(() => {
  for (const d of openDevices.splice(0)) d.close();
});

/**
 * The devices' calendar day, and the team server's: the same, so a device's clock agrees with the
 * server's unless a test sets it wrong (a clock a day out is told so, main/sync/engine-status.ts).
 */
export const WORLD_DAY: IsoDate = '2026-11-22';

async function openDevice(world: Pick<TeamWorld, 'server' | 'people'>, who: Who, options: DeviceOptions): Promise<SyncDevice> {
  const clock = fixedClock(options.today ?? WORLD_DAY);
  const net = await startNetProxy(world.server.url);
  let engine: SyncEngine | undefined;
  // eslint-disable-next-line prefer-const -- the engine's http factory reads it after it is made
  let device: SyncDevice;
  const services = createAppServices({
    dbPath: tempDbPath(`${who}.db`),
    key: TEST_KEY,
    create: true,
    clock,
    log: () => {},
    sync: (open) => {
      const deviceId = deviceIdOf(open.db(), clock.now());
      engine = createSyncEngine({
        db: open.db,
        clock,
        deviceId,
        http: (baseUrl) => createSyncHttp({ baseUrl, deviceId, timeoutMs: 10_000, ...(device.protocol !== undefined ? { protocol: device.protocol } : {}) }),
        // The app's own sign-in (main/sync/sign-in.ts), with a scripted person at the browser filling in
        // the provider's real login page.
        auth: signInAuth({ db: open.db, clock, openBrowser: (url) => personAtBrowser({ email: device.signInAs, password: TEST_PASSWORD }).openBrowser(url) }),
        // The loop is never started: each test says when a device syncs (sync:now), as a person would.
        timers: { setTimeout: () => null, clearTimeout: () => {} },
        ...(options.pullLimit !== undefined ? { pullLimit: options.pullLimit } : {}),
      });
      return engine;
    },
  });
  const call = async <C extends Channel>(channel: C, args: ArgsOf<C>) => (await services.invoke(channel, args)) as IpcResult<ResultOf<C>>;
  const ok = async <C extends Channel>(channel: C, args: ArgsOf<C>) => {
    const result = await call(channel, args);
    if (!result.ok) expect.fail(`${who}: ${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  device = {
    who,
    personId: world.people[who],
    services,
    db: () => services.db,
    engine: engine!,
    signInAs: EMAILS[who],
    net,
    clock,
    protocol: options.protocol,
    call,
    ok,
    async join() {
      await ok('sync:connect', { serverUrl: net.url });
      return ok('sync:signIn', {});
    },
    close() {
      services.close();
      void net.close();
    },
  };
  openDevices.push(device);
  return device;
}

export async function startTeamWorld(options: { accessTokenTtlSeconds?: number; serverClock?: ReturnType<typeof fixedClock> } = {}): Promise<TeamWorld> {
  const postgres = await startPostgres();
  const idp = await startIdp(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {});
  // No clock tolerance: a token past its expiry is refused at once (the expiry test waits for it).
  const verifyToken = createTokenVerifier({ issuer: idp.issuer, audience: TEST_AUDIENCE, jwksUri: idp.jwksUri, clockToleranceSec: 0 });
  // The server's own calendar; the browser e2e shows its "as of" beside the app's today, so it may give one.
  const serverClock = options.serverClock ?? fixedClock(WORLD_DAY);
  const server = await startTeamServer({
    postgres, verifyToken, clock: serverClock, config: { issuer: idp.issuer, clientId: idp.clientId, audience: TEST_AUDIENCE },
  });
  const teams = { riverside: { id: newId(), name: 'Riverside CAMHS' }, northfield: { id: newId(), name: 'Northfield CAMHS' } };
  const people = await server.admin(async (c) => {
    await createTeam(c, teams.riverside);
    await createTeam(c, teams.northfield);
    return {
      alex: await grant(c, { email: EMAILS.alex, teamId: teams.riverside.id, role: 'clinician', name: 'Alex Morgan' }),
      bea: await grant(c, { email: EMAILS.bea, teamId: teams.riverside.id, role: 'clinician', name: 'Bea Okafor' }),
      lee: await grant(c, { email: EMAILS.lee, teamId: teams.riverside.id, role: 'team_lead', name: 'Lee Harper' }),
      sam: await grant(c, { email: EMAILS.sam, teamId: teams.northfield.id, role: 'clinician', name: 'Sam Price' }),
    };
  });
  const world: TeamWorld = {
    postgres,
    idp,
    server,
    serverClock,
    teams,
    people,
    device: (who, o = {}) => openDevice(world, who, o),
    async close() {
      await server.close();
      await idp.stop();
      await postgres.stop();
    },
  };
  return world;
}

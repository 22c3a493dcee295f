/**
 * The local trial as a person runs it (`npm run team:trial` → dist/server/trial.js): a real child
 * process on free ports with its data in a temporary folder. It must say it is ready, serve
 * /v1/config, let a demo account sign in through its own provider and see the seeded team (and the
 * app itself connect and sign in as its printed words say), stop
 * PostgreSQL when told to stop, and on a second start reuse the data without seeding again.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { meSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, serverConfigSchema } from '../../shared/sync/protocol';
import { DEMO_PASSWORD } from '../../server/idp/local-idp';
import { createAppServices } from '../../main/app-services';
import { createSyncEngine, type SyncEngine } from '../../main/sync/engine';
import { signInAuth } from '../../main/sync/engine-auth';
import { deviceIdOf } from '../../main/sync/sync-state';
import { createSyncHttp } from '../../main/sync/http-client';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { personAtBrowser } from '../support/team/browser-driver';
import { accessTokenFor, movableClock } from '../support/team/idp';
import { freeLoopbackPort } from '../support/team/postgres';

const repoRoot = path.resolve(__dirname, '..', '..');
let work: string;
let ports: { api: number; idp: number; db: number };
let trial: ChildProcess | undefined;

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist', 'server', 'trial.js'))) {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }
  work = mkdtempSync(path.join(tmpdir(), 'thrive-trial-'));
  // mkdtemp makes the folder 0700; the `postgres` OS user the cluster runs as (we are root here) must
  // be able to enter it to reach the data folder inside.
  chmodSync(work, 0o711);
  ports = { api: await freeLoopbackPort(), idp: await freeLoopbackPort(), db: await freeLoopbackPort() };
}, 120_000);

afterAll(async () => {
  if (trial && trial.exitCode === null) {
    trial.kill('SIGTERM');
    await new Promise((resolve) => trial!.once('exit', resolve));
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts the built trial; resolves with everything it printed up to its "Ready" line. */
function startTrial(args: string[]): Promise<{ child: ChildProcess; printed: string }> {
  const child = spawn(process.execPath, ['dist/server/trial.js', '--data', path.join(work, 'data'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trial = child;
  return new Promise((resolve, reject) => {
    let printed = '';
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (/^Ready: /m.test(printed)) resolve({ child, printed });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the trial exited (${code}) before it was ready:\n${printed}`)));
  });
}

function stopTrial(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function me(serverUrl: string, token: string) {
  const res = await fetch(`${serverUrl}/v1/me`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } });
  expect(res.status).toBe(200);
  return meSchema.parse(await res.json());
}

/**
 * What the trial tells a person to do, done by the app's own code: a fresh encrypted file, Settings →
 * Team server → Connect with the printed address (sync:connect), then Sign in (sync:signIn: the app's
 * PKCE sign-in, with a scripted person at the browser typing the printed password).
 */
async function appConnectsAndSignsIn(serverUrl: string, email: string): Promise<SyncStatus> {
  const clock = movableClock();
  const services = createAppServices({
    dbPath: tempDbPath('trial-device.db'), key: TEST_KEY, create: true, clock, log: () => {},
    sync: (open) => {
      const deviceId = deviceIdOf(open.db(), clock.now());
      const engine: SyncEngine = createSyncEngine({
        db: open.db, clock, deviceId,
        http: (baseUrl) => createSyncHttp({ baseUrl, deviceId, timeoutMs: 10_000 }),
        auth: signInAuth({ db: open.db, clock, openBrowser: (url) => personAtBrowser({ email, password: DEMO_PASSWORD }).openBrowser(url) }),
        timers: { setTimeout: () => null, clearTimeout: () => {} },
      });
      return engine;
    },
  });
  try {
    const connected = await services.invoke('sync:connect', { serverUrl });
    if (!connected.ok) throw new Error(JSON.stringify(connected.error));
    const signedIn = await services.invoke('sync:signIn', {});
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
    return signedIn.value as SyncStatus;
  } finally {
    services.close();
  }
}

it('starts everything, lets demo accounts sign in (the app too) and see their team, stops cleanly, and reuses its data', async () => {
  const first = await startTrial(['--port', String(ports.api), '--idp-port', String(ports.idp), '--db-port', String(ports.db)]);
  const serverUrl = `http://127.0.0.1:${ports.api}`;
  expect(first.printed).toContain(`paste:\n  ${serverUrl}`);
  expect(first.printed).toContain(`password for all: ${DEMO_PASSWORD}`);
  expect(first.printed).toMatch(/Made the fictional demo teams \(demo-north, demo-south\)/);

  const config = serverConfigSchema.parse(await (await fetch(`${serverUrl}/v1/config`)).json());
  expect(config.issuer).toBe(`http://127.0.0.1:${ports.idp}`);
  const token = await accessTokenFor({ issuer: config.issuer, clientId: config.clientId }, 'jordan.lead@thrive.test', DEMO_PASSWORD);
  const lead = await me(serverUrl, token);
  expect(lead.person.name).toBe('Jordan Vale (demo)');
  expect(lead.memberships).toEqual([{ teamId: 'demo-north', role: 'team_lead' }]);
  expect(lead.teams.map((t) => t.name)).toEqual(['CAMHS North (demo)']);
  expect(lead.teams[0]!.members.filter((m) => m.role === 'clinician')).toHaveLength(3);
  expect(await appConnectsAndSignsIn(serverUrl, 'robin.clinician@thrive.test')).toMatchObject({
    mode: 'team', state: 'up_to_date', serverUrl, teamNames: ['CAMHS North (demo)'], person: { name: 'Robin Ashby (demo)', role: 'clinician' },
  });

  expect(await stopTrial(first.child)).toBe(0);
  expect(await portOpen(ports.db)).toBe(false);
  expect(await portOpen(ports.api)).toBe(false);

  // No ports given: the ones kept from the first start, so the app's saved address still works.
  const second = await startTrial([]);
  expect(second.printed).toMatch(/Reusing the data from an earlier start/);
  const again = await accessTokenFor({ issuer: config.issuer, clientId: config.clientId }, 'alex.south@thrive.test', DEMO_PASSWORD);
  const south = await me(serverUrl, again);
  expect(south.teams.map((t) => [t.name, t.members.length])).toEqual([['CAMHS South (demo)', 1]]);
  // The team lead signed in before the restart is still the one person, in one team: nothing seeded twice.
  const leadAgain = await me(serverUrl, await accessTokenFor({ issuer: config.issuer, clientId: config.clientId }, 'jordan.lead@thrive.test', DEMO_PASSWORD));
  expect(leadAgain.person.id).toBe(lead.person.id);
  expect(leadAgain.teams[0]!.members).toEqual(lead.teams[0]!.members);
  expect(await stopTrial(second.child)).toBe(0);
  expect(await portOpen(ports.db)).toBe(false);
}, 120_000);

it.runIf(process.getuid?.() === 0)('as root, refuses a data folder the postgres user cannot enter, and says what to do', async () => {
  const closed = mkdtempSync(path.join(tmpdir(), 'thrive-trial-closed-'));
  try {
    const child = spawn(process.execPath, ['dist/server/trial.js', '--data', path.join(closed, 'data'), '--db-port', String(await freeLoopbackPort())], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(printed).toContain(`cannot enter ${closed}`);
    expect(printed).toContain('--data /var/lib/thrive-team-trial');
  } finally {
    rmSync(closed, { recursive: true, force: true });
  }
}, 60_000);

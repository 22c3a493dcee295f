/**
 * Team mode for the component tests, below the network: the device joined to a team the way a sign-in
 * leaves it (the directory a server's GET /v1/me sends, applied by the real device store,
 * main/sync/directory.ts), and a colleague's change arriving the way a pull brings it (the real
 * applyPulled, main/sync/pull.ts), so pending counts and conflicts are the device's own, made by real
 * writes through the channels. Nothing here restates a rule of main's.
 */
import { newId } from '../../../main/db/ids';
import { readCaseDocument } from '../../../main/sync/case-document';
import { applyDirectory, applyPulled, type PullApplied } from '../../../main/sync/store';
import { createSyncEngine, type SyncAuth } from '../../../main/sync/engine';
import { signInAuth } from '../../../main/sync/engine-auth';
import { nextPush } from '../../../main/sync/push';
import { pushRefused } from '../../../main/sync/refused';
import { deviceIdOf, putSyncState } from '../../../main/sync/sync-state';
import { createSyncHttp, MESSAGES } from '../../../main/sync/http-client';
import {
  OLDEST_ACCEPTED_PROTOCOL,
  PROTOCOL_VERSION,
  type CaseDocument,
  type Change,
  type Me,
  type RoleOnServer,
  type ServerConfig,
  type TeamDevices,
} from '../../../shared/sync/protocol';
import { createTestBackend, type TestBackend } from './backend';

/** A colleague on the same team server, who makes the server's side of a conflict. */
export const COLLEAGUE = { id: newId(), name: 'Ben Okafor' } as const;

/** The directory the server sends for the backend's profile: the profile's team, with the role given. */
export function directoryFor(backend: TestBackend, role: RoleOnServer = 'clinician'): Me {
  const me = backend.profile;
  return {
    serverId: 'server-riverside',
    person: { id: me.id, name: me.name },
    memberships: [{ teamId: backend.teamId, role }],
    teams: [
      {
        id: backend.teamId,
        name: me.teamName,
        members: [
          { personId: me.id, name: me.name, role },
          { personId: COLLEAGUE.id, name: COLLEAGUE.name, role: 'clinician' },
        ],
      },
    ],
  };
}

/** Signs the device in to its team as far as the local file knows: every later write of a team case waits in the outbox. */
export function joinTeam(backend: TestBackend, role: RoleOnServer = 'clinician'): void {
  applyDirectory(backend.db(), backend.clock, directoryFor(backend, role));
}

/**
 * The colleague's version of a case as the server would send it: the case as this device holds it
 * with `edit` applied, at server version `version`.
 */
export function colleagueChange(backend: TestBackend, caseId: string, edit: (doc: CaseDocument) => void, version = 1): Change {
  const document = readCaseDocument(backend.db(), caseId);
  edit(document);
  return {
    seq: version,
    teamId: backend.teamId,
    caseId,
    version,
    authorId: COLLEAGUE.id,
    authorName: COLLEAGUE.name,
    deviceId: newId(),
    at: '2027-01-11T10:15:00.000Z',
    document,
  };
}

/** A pull bringing these changes, applied by the device store in one transaction. */
export function pull(backend: TestBackend, changes: Change[]): PullApplied {
  const cursor = Buffer.from(JSON.stringify({ s: 'server-riverside', t: { [backend.teamId]: changes.length } })).toString('base64url');
  return applyPulled(backend.db(), backend.clock, changes, cursor, '2027-01-11T10:20:00.000Z');
}

/**
 * Where the component tests' team server is: a loopback port nothing listens on, so every request the
 * real engine makes finds it unreachable at once, as a laptop with no signal would. (The browser e2e
 * and tests/integration/team-*.test.ts run against the real server.)
 */
export const UNREACHABLE_SERVER = 'http://127.0.0.1:9';

const SERVER_CONFIG: ServerConfig = {
  serverId: 'server-riverside',
  protocol: PROTOCOL_VERSION,
  oldestAcceptedProtocol: OLDEST_ACCEPTED_PROTOCOL,
  issuer: 'http://127.0.0.1:9/idp',
  clientId: 'thrive-desktop',
  audience: 'thrive-team-server',
};

/**
 * Sign-in as the engine asks for it (SyncAuth). The real one opens the system browser, which jsdom has
 * not got: here "signing in in the browser" finishes when the test calls `finishInBrowser()`, like
 * `hold` on a channel. Until then, and after signing out, there is no token and the outbox waits.
 */
export function browserSignIn() {
  let token: string | null = null;
  let finish: (() => void) | null = null;
  const auth: SyncAuth = {
    getAccessToken: () => Promise.resolve(token),
    isSignedIn: () => token !== null,
    signIn: () =>
      new Promise<void>((resolve) => {
        finish = () => {
          token = 'access-token-from-the-browser';
          resolve();
        };
      }),
    signOut: () => {
      token = null;
      return Promise.resolve();
    },
    tokenRefused: () => {
      token = null;
    },
  };
  return {
    auth,
    finishInBrowser: () => {
      finish?.();
      finish = null;
    },
  };
}

/**
 * A backend in team mode: the real sync engine on the app services, the device joined to its team as
 * a sign-in leaves it and connected to a server that cannot be reached. Signed out: with the app's
 * own sign-in (main/sync/engine-auth.ts, its issuer unreachable too) by default, or with `browser:
 * true` one the test finishes through `signIn.finishInBrowser()`. `connected: false`: the engine is
 * there but no server has been set up yet (solo until Connect).
 */
export function teamBackend(options: { role?: RoleOnServer; connected?: boolean; browser?: boolean } = {}) {
  const signIn = browserSignIn();
  const backend = createTestBackend({
    sync: ({ db, clock, log }) => {
      // As the app makes it (main/sync/engine-app.ts): the device id read when first needed.
      const deviceId = () => deviceIdOf(db(), clock.now());
      return createSyncEngine({
        db,
        clock,
        deviceId,
        http: (baseUrl, signal) => createSyncHttp({ baseUrl, deviceId: deviceId(), timeoutMs: 5_000, signal }),
        // The browser is never opened: the issuer cannot be reached, so the real sign-in stops before it.
        auth: options.browser ? signIn.auth : signInAuth({ db, clock, openBrowser: () => {} }),
        // Never started: rounds run only when a channel asks (sync:now, sign in, keep mine), so tests decide.
        timers: { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
        log,
      });
    },
  });
  if (options.connected === false) return { backend, signIn };
  joinTeam(backend, options.role);
  // What sync:connect stores once the server has answered /v1/config (main/sync/engine.ts connect).
  const at = backend.clock.now();
  putSyncState(backend.db(), 'serverUrl', UNREACHABLE_SERVER, at);
  putSyncState(backend.db(), 'serverConfig', SERVER_CONFIG, at);
  return { backend, signIn };
}

/** The words the engine keeps when the server refuses this build (HTTP 426, client_too_old). */
export const TOO_OLD = MESSAGES.tooOld;

/** The server has refused this build, as the engine records it after a round (main/sync/engine.ts). */
export function refusedByServer(backend: TestBackend): void {
  putSyncState(backend.db(), 'refused', TOO_OLD, backend.clock.now());
}

/**
 * The team server refused the push of this case (403 by default), as the device store records it
 * after a round; the refusal against the real server: tests/integration/team-sync-refused.test.ts.
 */
export function refusedPush(backend: TestBackend, caseId: string, message: string, status = 403): void {
  const db = backend.db();
  const push = nextPush(db, backend.clock, deviceIdOf(db, backend.clock.now()), backend.profile.id);
  if (push?.caseId !== caseId) throw new Error(`the next push is not of case ${caseId}`);
  pushRefused(db, backend.clock, caseId, push.idempotencyKey, { status, code: 'forbidden', message });
}

/** A lead's device after a round fetched GET /v1/teams/:teamId/devices (main/sync/team-devices.ts). */
export function teamDevicesReported(backend: TestBackend, reports: TeamDevices[]): void {
  putSyncState(backend.db(), 'teamDevices', reports, backend.clock.now());
}

/** The last pull found this computer's clock `skewMs` off the server's (main/sync/engine-round.ts). */
export function clockOffBy(backend: TestBackend, skewMs: number): void {
  putSyncState(backend.db(), 'clockSkewMs', skewMs, backend.clock.now());
}

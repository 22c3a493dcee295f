/**
 * The component tests' backend: the real handlers, through the real `dispatch`, on an in-memory
 * database (or, for the lock screens, the app's real SecureSession on a temporary file), exposed to the
 * renderer as the very `window.api` object the preload builds (shared/ipc/build-api.ts). Nothing here
 * restates a rule of main's: a form meets main's own validation errors, conflicts and read-only refusals.
 *
 * The only stand-ins are for what a test must control and main does not own: the calendar (a fixed
 * clock), the renderer's timers (draft autosave runs when a test says), and `failNext`, a typed override
 * that makes one call fail the way a transport or disk fault would.
 */
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, expect } from 'vitest';
import { createAppServices, type AppServicesOptions } from '../../../main/app-services';
import { fixedClock } from '../../../shared/clock';
import type { IsoDate } from '../../../shared/dates';
import type { DraftKind } from '../../../shared/domain/lifecycle';
import type { Settings } from '../../../shared/domain/settings';
import { buildApi } from '../../../shared/ipc/build-api';
import type { Api, ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { LockState } from '../../../shared/ipc/security-types';
import type { CaseDetail, Clinician, DraftRecord, Team } from '../../../shared/ipc/types';
import { createManualScheduler, setSchedulerForTests, type ManualScheduler } from '../../../renderer/lib/scheduler';
import { join } from 'node:path';
import { TEST_KEY, tempDir } from '../temp-db';
import { writeTx, type Db } from '../../../main/db/sql';
import { caseNow, sessionRating } from '../../../main/features/demo/seed-case';
import { seedCase, seedClosure, seedReview, type SeedCaseOptions, type SeedClosureOptions, type SeedReviewOptions, type SeedWorld } from './seed';
import { startLockedSession, type LockedSession } from './session';
import { inNodeRealm } from './node-realm';
import { generateCaseload, type GenerateOptions, type GeneratedCaseload } from '../synthetic-caseload';

/** The component tests' "today": every date in them is relative to this, never the wall clock. */
export const TEST_TODAY: IsoDate = '2027-01-11';

export interface TestBackendOptions {
  today?: IsoDate;
  /** Set up the profile (Alex Morgan, Riverside CAMHS) first; default true. */
  withProfile?: boolean;
  /** The profile's role: 'team_lead' opens the team view (default 'clinician'). */
  role?: Clinician['role'];
  settings?: Partial<Settings>;
  /**
   * Run the app's SecureSession (main/session/) on a temporary file, starting in this state, instead of
   * headless services: for the lock screens, which need a real passphrase, recovery code and backups.
   */
  lock?: LockState;
  /** Headless services on a temporary file rather than in memory: for backups, which copy a file. */
  onDisk?: boolean;
  /**
   * Keep it for the whole test file (closed after all its tests), for a large generated caseload that
   * the tests only read: made once in beforeAll instead of once per test.
   */
  forFile?: boolean;
  /** Team sync for the app services (main/sync/engine.ts), as the app makes it: tests/support/app-api/team-mode.ts. */
  sync?: AppServicesOptions['sync'];
}

export type Invoke = (channel: string, args: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>;

const open: Array<() => void> = [];
const openForFile: Array<() => void> = [];

export function createTestBackend(options: TestBackendOptions = {}) {
  const today = options.today ?? TEST_TODAY;
  const clock = fixedClock(today);
  const timers: ManualScheduler = createManualScheduler();
  setSchedulerForTests(timers);

  let session: LockedSession | null = null;
  let invoke: Invoke;
  let db: () => Db;
  if (options.lock) {
    session = startLockedSession(clock);
    invoke = session.invoke;
    db = () => {
      throw new Error('set-up that writes past the handlers needs the headless backend (no `lock` option)');
    };
    open.push(session.close);
  } else {
    const dbPath = options.onDisk ? join(tempDir(), 'thrive.db') : ':memory:';
    const services = createAppServices({ dbPath, key: TEST_KEY, create: true, clock, ...(options.sync ? { sync: options.sync } : {}) });
    invoke = (channel, args) => inNodeRealm(() => services.invoke(channel, args));
    db = () => services.db;
    (options.forFile ? openForFile : open).push(() => services.close());
  }

  /** Test set-up through the real handlers: the value, or the test fails with main's own error. */
  const ok = async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const result = (await invoke(channel, args)) as IpcResult<ResultOf<C>>;
    if (!result.ok) expect.fail(`${channel} failed in test set-up: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  /** Synchronous set-up (headless services answer at once; the session does too once unlocked). */
  const okNow = <C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C> => {
    const result = invoke(channel, args);
    if (result instanceof Promise) throw new Error(`${channel}: use the async form in set-up`);
    if (!result.ok) expect.fail(`${channel} failed in test set-up: ${JSON.stringify(result.error)}`);
    return result.value as ResultOf<C>;
  };

  const calls: Array<{ channel: Channel; args: unknown }> = [];
  const failures = new Map<Channel, IpcError>();
  const held = new Map<Channel, Promise<void>>();
  const api = buildApi(async (channel, args) => {
    calls.push({ channel: channel as Channel, args: structuredClone(args) });
    await held.get(channel as Channel);
    const failure = failures.get(channel as Channel);
    if (failure) {
      failures.delete(channel as Channel);
      return { ok: false, error: failure };
    }
    // As over IPC: what crosses is a copy (structured clone), never main's own objects.
    return structuredClone(await (session ? session.invokeWhenChecked(channel, args) : invoke(channel, args)));
  }) as unknown as Api;

  if (session) session.start(options.lock as LockState, okNow);
  let profile: Clinician | null = null;
  if (options.withProfile !== false && options.lock !== 'setup') {
    profile = okNow('profile:setup', { name: 'Alex Morgan', role: options.role ?? 'clinician', teamName: 'Riverside CAMHS' });
  }
  if (options.settings) okNow('settings:update', options.settings);
  if (session && options.lock === 'locked') session.lockNow();

  const teamId = profile?.teamId ?? '';
  const me = (): Clinician => {
    if (!profile) throw new Error('this backend was made without a profile');
    return profile;
  };
  const world: SeedWorld = {
    today,
    okNow,
    me,
    sessionRating: (caseId, goalDescription, ratedOn, score) => {
      const w = { db: db(), clock, actor: me().id };
      writeTx(w.db, () => sessionRating(w, caseNow(w, caseId, {}), goalDescription, ratedOn, score));
    },
  };

  return {
    api,
    today,
    clock,
    calls,
    /** Calls made on one channel, with the arguments as sent. */
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.args),
    /** The next call on `channel` fails with this error (a transport, disk or server fault). */
    failNext: (channel: Channel, error: IpcError) => void failures.set(channel, error),
    /**
     * Holds main's answers on `channel` back (a slow disk or a large file) until the returned release is
     * called, so a test can see the busy state; main answers from the records as they are at release.
     */
    hold: (channel: Channel): (() => void) => {
      let release = () => {};
      held.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(channel);
        release();
      };
    },
    /** Calls a channel as set-up, expecting success. */
    ok,
    okNow,
    /** A case opened through `cases:open`, with its Current View at open and plan when asked. */
    seedCase: (o: SeedCaseOptions): string => seedCase(world, o),
    /** A review recorded through `review:record`; scores are for the active goals in plan order. */
    seedReview: (caseId: string, o: SeedReviewOptions): string => seedReview(world, caseId, o),
    /** A case closed through `cases:close`: criteria met, final ratings as the latest, a Current View. */
    seedClosure: (caseId: string, o: SeedClosureOptions): void => seedClosure(world, caseId, o),
    /**
     * Thousands of realistic cases in seconds, written through the repos (tests/support/synthetic-caseload.ts)
     * as of the backend's today. It sets the profile itself: make the backend with `withProfile: false`.
     */
    generate: (o: Omit<GenerateOptions, 'today'>): GeneratedCaseload => generateCaseload(db(), { ...o, today }),
    addClinician: (name: string, role: Clinician['role'] = 'clinician', inTeam = teamId): Clinician =>
      okNow('clinicians:create', { name, role, teamId: inTeam }),
    addTeam: (name: string): Team => okNow('teams:create', { name }),
    /** The team the profile is in (Riverside CAMHS). */
    teamId,
    getCase: (id: string): CaseDetail => okNow('cases:get', { caseId: id }),
    /**
     * Another window (or person) saves the case: its version moves on, as any save does, so a form
     * loaded before now is stale. Its content is left alone so a test sees only the conflict.
     */
    changeElsewhere: (caseId: string) => {
      writeTx(db(), () => db().prepare('UPDATE cases SET version = version + 1 WHERE id = ?').run(caseId));
    },
    /** A draft as the form would have saved it, e.g. one left from before the app was closed. */
    seedDraft: (kind: DraftKind, caseId: string | null, payload: unknown): DraftRecord =>
      okNow('drafts:save', { kind, caseId, payload } as ArgsOf<'drafts:save'>),
    draft: (kind: DraftKind, caseId: string | null): DraftRecord | null => okNow('drafts:get', { kind, caseId }),
    /** The renderer's timers (draft autosave): `backend.timers.advance(800)` inside act(). */
    timers,
    /** The open database, for set-up no channel offers (e.g. holding a transaction so a backup fails). */
    db: () => db(),
    /** The app lock (session mode only). */
    get session(): LockedSession {
      if (!session) throw new Error('createTestBackend({ lock }) runs the app lock; this backend has none');
      return session;
    },
    get profile(): Clinician {
      return me();
    },
    get settings() {
      return okNow('settings:get', {});
    },
  };
}

export type TestBackend = ReturnType<typeof createTestBackend>;

afterEach(() => {
  // Unmount first: a form's last draft save on unmount must reach a database that is still open.
  cleanup();
  for (const close of open.splice(0)) close();
  setSchedulerForTests(null);
});

afterAll(() => {
  for (const close of openForFile.splice(0)) close();
});

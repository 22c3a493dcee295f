/**
 * The fake API's state and plumbing: the people, teams, cases and drafts it holds, the instant and
 * settings it runs with, the lookups every channel shares (the profile, a clinician, a case), and the
 * `handler` wrapper that records each call and parses it with the contract's zod schemas as main's
 * dispatch does. Creating the state installs a manual scheduler (`timers`) for the renderer.
 */
import type { IsoDate } from '../../shared/dates';
import type { DraftKind } from '../../shared/domain/lifecycle';
import { DEFAULT_SETTINGS, type Settings, type VersionedSettings } from '../../shared/domain/settings';
import { contract, type ArgsOf, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/ipc/contract';
import { AppError, validationError, type FieldError, type IpcError, type IpcResult } from '../../shared/ipc/result';
import type { LockState } from '../../shared/ipc/security-types';
import type { Clinician, DraftRecord, Team } from '../../shared/ipc/types';
import { issuesToFields } from '../../shared/ipc/validate';
import { createManualScheduler, setSchedulerForTests, type ManualScheduler } from '../components/scheduler';
import { createFakeLock, LOCKED_MESSAGE, type FakeLock } from './fake-lock';
import type { FakeWorld } from './fake-lifecycle';
import { copy, fakeId, type FakeCase } from './fake-records';
import type { FakeTeamWorld } from './fake-team';

/** The fake's "today": every date in the component tests is relative to this, never the wall clock. */
export const FAKE_TODAY: IsoDate = '2027-01-11';

export interface FakeApiOptions {
  today?: IsoDate;
  now?: string;
  withProfile?: boolean;
  /** The profile's role: 'team_lead' opens the team view (default 'clinician'). */
  role?: Clinician['role'];
  settings?: Partial<Settings>;
  /** Where the app lock starts: 'unlocked' (default, so screens load), 'locked' or 'setup'. */
  lock?: LockState;
}

export interface FakeState {
  readonly today: IsoDate;
  /** The instant writes and drafts are stamped with (09:30 in London on the fake's today, in winter). */
  now: string;
  settings: VersionedSettings;
  profile: Clinician | null;
  /** The team the profile starts in (Riverside CAMHS). */
  readonly teamId: string;
  readonly teams: Team[];
  readonly clinicians: Clinician[];
  readonly cases: Map<string, FakeCase>;
  readonly drafts: Map<string, DraftRecord>;
  readonly calls: Array<{ channel: Channel; args: unknown }>;
  readonly failures: Map<Channel, IpcError>;
  readonly timers: ManualScheduler;
  readonly world: FakeWorld;
  readonly teamWorld: FakeTeamWorld;
  /** The app lock and backups (fake-lock.ts); while not unlocked only lock:* channels answer. */
  readonly lock: FakeLock;
  addClinician(name: string, role?: Clinician['role'], inTeam?: string): Clinician;
  /** The profile; forbidden until it is set up. */
  me(): Clinician;
  clinician(id: string): Clinician;
  getCase(id: string): FakeCase;
  /** Saving a record deletes that form's draft, as main does in the same transaction. */
  dropDraft(kind: DraftKind, caseId: string | null): void;
  /** One channel: record the call, parse like main's dispatch, run the handler, copy the result. */
  handler<C extends Channel>(channel: C, run: (args: ParsedArgsOf<C>) => ResultOf<C>): (raw: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
}

export const draftKey = (kind: DraftKind, caseId: string | null) => `${kind}:${caseId ?? ''}`;

/** Fails with main's validation error when the cross-field rules found anything. */
export function invalid(fields: FieldError[]): void {
  if (fields.length > 0) throw validationError(fields);
}

export function createFakeState(options: FakeApiOptions): FakeState {
  const today = options.today ?? FAKE_TODAY;
  const timers = createManualScheduler();
  setSchedulerForTests(timers);
  const drafts = new Map<string, DraftRecord>();
  const teamId = fakeId();
  const teams: Team[] = [{ id: teamId, name: 'Riverside CAMHS' }];
  const clinicians: Clinician[] = [];
  const cases = new Map<string, FakeCase>();
  const failures = new Map<Channel, IpcError>();
  const calls: Array<{ channel: Channel; args: unknown }> = [];

  const s: FakeState = {
    today,
    now: options.now ?? `${today}T09:30:00.000Z`,
    settings: { ...DEFAULT_SETTINGS, ...options.settings, version: 1 },
    profile: null,
    teamId,
    teams,
    clinicians,
    cases,
    drafts,
    calls,
    failures,
    timers,
    world: { today, now: () => s.now, author: () => s.me(), settings: () => s.settings },
    teamWorld: { today, settings: () => s.settings, me: () => s.me(), clinicians, teams, cases },
    lock: createFakeLock(options.lock ?? 'unlocked'),
    addClinician(name, role = 'clinician', inTeam = teamId) {
      const team = teams.find((t) => t.id === inTeam);
      if (!team) throw new AppError('not_found', 'That team was not found', [{ path: 'teamId', message: 'Choose a team' }]);
      const c: Clinician = { id: fakeId(), name, role, teamId: team.id, teamName: team.name };
      clinicians.push(c);
      return c;
    },
    me() {
      if (!s.profile) throw new AppError('forbidden', 'Set up your profile first');
      return s.profile;
    },
    clinician(id) {
      const c = clinicians.find((x) => x.id === id);
      if (!c) throw new AppError('not_found', 'That clinician was not found', [{ path: 'leadClinicianId', message: 'Choose the lead clinician' }]);
      return c;
    },
    getCase(id) {
      const c = cases.get(id);
      if (!c) throw new AppError('not_found', 'That case was not found');
      return c;
    },
    dropDraft(kind, caseId) {
      drafts.delete(draftKey(kind, caseId));
    },
    handler<C extends Channel>(channel: C, run: (args: ParsedArgsOf<C>) => ResultOf<C>) {
      return async (raw: ArgsOf<C>): Promise<IpcResult<ResultOf<C>>> => {
        calls.push({ channel, args: copy(raw) });
        const failure = failures.get(channel);
        if (failure) {
          failures.delete(channel);
          return { ok: false, error: failure };
        }
        // Main's SecureSession: with the database closed, nothing but the lock itself answers.
        if (s.lock.state !== 'unlocked' && !channel.startsWith('lock:')) return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
        const parsed = contract[channel].args.safeParse(raw);
        if (!parsed.success) {
          const fields = issuesToFields(parsed.error.issues);
          return { ok: false, error: validationError(fields).toIpcError() };
        }
        try {
          return { ok: true, value: copy(run(parsed.data as ParsedArgsOf<C>)) };
        } catch (error) {
          if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
          throw error;
        }
      };
    },
  };
  if (options.withProfile !== false) s.profile = s.addClinician('Alex Morgan', options.role ?? 'clinician');
  return s;
}

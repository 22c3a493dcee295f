/**
 * A typed, in-memory stand-in for main behind `window.api`: it parses every call with the contract's
 * zod schemas and runs the same cross-field rules as main, so forms meet the same validation errors
 * (and `conflict`s such as a duplicate case reference or a stale case version, and `read_only` for a
 * closed case) that the real handlers return. It also stands in for the passing of time: creating a
 * fake installs a manual scheduler (`fake.timers`) so draft autosave runs only when a test says so.
 *
 * This file puts the fake together and holds the app, profile, people, team, settings, drafts,
 * caseload and demo channels; the state and call plumbing are in fake-state.ts, the case channels in
 * fake-case-channels.ts, the export and import channels in fake-exports.ts (and fake-import.ts), the
 * records made at open in fake-opening.ts and the seeding helpers in fake-seed.ts.
 */
import { addWeeksTo } from '../../shared/dates';
import type { DraftKind } from '../../shared/domain/lifecycle';
import type { Api, Channel } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcError } from '../../shared/ipc/result';
import type { DraftRecord, Team } from '../../shared/ipc/types';
import { caseChannels } from './fake-case-channels';
import { exportChannels } from './fake-exports';
import { fakeBackup, lockChannels } from './fake-lock';
import { assertWritable } from './fake-lifecycle';
import { copy, rowOf } from './fake-records';
import { seedCase, seedClosure, seedReview, type SeedCaseOptions, type SeedClosureOptions, type SeedReviewOptions } from './fake-seed';
import { createFakeState, draftKey, type FakeApiOptions } from './fake-state';

/** The words of main/features/settings/update-settings.ts (the renderer cannot import main). */
export const FAKE_STALE_SETTINGS_MESSAGE =
  'Settings were changed elsewhere (another window or person) since you opened them. Nothing was saved: reload to see the changes.';
import { createTeam, supervisionPack, teamCases, teamCsv, teamOverview, updateClinician } from './fake-team';

export { FAKE_TODAY } from './fake-state';
export { FAKE_PASSPHRASE, FAKE_RECOVERY_CODE } from './fake-lock';
export type { SeedCaseOptions, SeedReviewOptions } from './fake-seed';

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi(options: FakeApiOptions = {}) {
  const s = createFakeState(options);
  const { today, teamId, teams, clinicians, cases, drafts, calls, failures, timers, teamWorld } = s;

  const api: Api = {
    app: {
      state: s.handler('app:state', () => ({ profile: s.profile, settings: s.settings, today, caseCount: cases.size })),
    },
    profile: {
      setup: s.handler('profile:setup', (a) => {
        const team = teams.find((t) => t.name.toLowerCase() === a.teamName.toLowerCase()) ?? createTeam(teamWorld, a.teamName);
        const created = s.addClinician(a.name, a.role, team.id);
        s.profile = created;
        return created;
      }),
    },
    clinicians: {
      create: s.handler('clinicians:create', (a) => s.addClinician(a.name, a.role, a.teamId)),
      list: s.handler('clinicians:list', (a) => clinicians.filter((c) => !a.teamId || c.teamId === a.teamId)),
      update: s.handler('clinicians:update', (a) => updateClinician(teamWorld, a)),
    },
    teams: {
      list: s.handler('teams:list', () => teams),
      create: s.handler('teams:create', (a) => createTeam(teamWorld, a.name)),
    },
    team: {
      cases: s.handler('team:cases', (a) => teamCases(teamWorld, a)),
      overview: s.handler('team:overview', (a) => teamOverview(teamWorld, a)),
      exportCsv: s.handler('team:exportCsv', (a) => teamCsv(teamWorld, a)),
      supervisionPack: s.handler('team:supervisionPack', (a) => supervisionPack(teamWorld, a)),
    },
    settings: {
      get: s.handler('settings:get', () => s.settings),
      update: s.handler('settings:update', ({ settingsVersion, ...change }) => {
        // As main/features/settings/update-settings.ts: a save from a stale form changes nothing.
        if (settingsVersion !== undefined && settingsVersion !== s.settings.version) throw new AppError('conflict', FAKE_STALE_SETTINGS_MESSAGE);
        return (s.settings = { ...s.settings, ...change, version: s.settings.version + 1 });
      }),
    },
    ...caseChannels(s),
    ...exportChannels(s),
    ...lockChannels(s),
    drafts: {
      save: s.handler('drafts:save', (a) => {
        // "Open a case" has no case yet; every other form belongs to one.
        if ((a.kind === 'open_case') !== (a.caseId === null)) {
          throw validationError([{ path: 'caseId', message: a.caseId ? 'A draft of a new case does not belong to a case yet' : 'Say which case this draft belongs to' }]);
        }
        if (a.caseId) {
          const c = s.getCase(a.caseId);
          // The re-open form's draft belongs to the closed case it re-opens; every other form needs it open.
          if (a.kind !== 'reopen') assertWritable(c);
          else if (c.summary.status === 'open') throw new AppError('conflict', 'Only a closed case can be re-opened');
        }
        const record: DraftRecord = { kind: a.kind, caseId: a.caseId, payload: a.payload, savedAt: s.now };
        drafts.set(draftKey(a.kind, a.caseId), record);
        return record;
      }),
      get: s.handler('drafts:get', (a) => drafts.get(draftKey(a.kind, a.caseId)) ?? null),
      discard: s.handler('drafts:discard', (a) => ({ discarded: drafts.delete(draftKey(a.kind, a.caseId)) })),
    },
    caseload: {
      list: s.handler('caseload:list', (a) => {
        const who = a.clinicianId ? s.clinician(a.clinicianId) : s.me();
        const rows = [...cases.values()]
          .filter((c) => c.summary.status === 'open' && c.summary.leadClinicianId === who.id)
          .map((c) => rowOf(c, s.settings, today));
        return { today, clinician: who, rows };
      }),
    },
    demo: {
      seed: s.handler('demo:seed', () => {
        if (cases.size > 0) throw new AppError('conflict', 'The demo caseload can only be loaded into an empty database');
        seedCase(s, { name: 'Demo: Riley Shaw', caseRef: 'DEMO-1', grouping: 'getting_help', plan: { agreedDate: '2026-11-09', reviewDate: '2026-12-21' } });
        seedCase(s, { name: 'Demo: Sam Patel', caseRef: 'DEMO-2', openDate: '2026-12-01' });
        seedCase(s, { name: 'Demo: Jo Okafor', caseRef: 'DEMO-3', grouping: 'getting_advice', plan: { agreedDate: today, reviewDate: addWeeksTo(today, 6) } });
        return { clinicians: clinicians.length, cases: cases.size };
      }),
    },
  };

  return {
    api,
    today,
    calls,
    /** Calls made on one channel, with the arguments as sent. */
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.args),
    /** The next call on `channel` fails with this error (e.g. a transport or server problem). */
    failNext: (channel: Channel, error: IpcError) => failures.set(channel, error),
    /** Adds a case directly (test set-up), optionally with its opening Current View and a plan. */
    seedCase: (o: SeedCaseOptions): string => seedCase(s, o),
    /** A review added directly, with its effects (ratings, Current View, grouping, next review date). */
    seedReview: (caseId: string, o: SeedReviewOptions): string => seedReview(s, caseId, o),
    /**
     * Closes a case directly: criteria met (or `reason`), final ratings as the latest (or `finalScores`
     * for the active goals in plan order), a Current View at close.
     */
    seedClosure: (caseId: string, o: SeedClosureOptions): void => seedClosure(s, caseId, o),
    addClinician: s.addClinician,
    /** A team (test set-up), e.g. to move a clinician into. */
    addTeam: (name: string): Team => createTeam(teamWorld, name),
    /** The team the profile starts in (Riverside CAMHS). */
    teamId,
    getCase: (id: string) => copy(s.getCase(id)),
    /** Another window (or person) saves the case: forms loaded before now are stale. */
    changeElsewhere: (caseId: string) => {
      s.getCase(caseId).summary.version += 1;
    },
    /** A saved draft as stored (test set-up), e.g. one left from before the app was closed. */
    seedDraft: (kind: DraftKind, caseId: string | null, payload: unknown, savedAt = s.now) => {
      drafts.set(draftKey(kind, caseId), { kind, caseId, payload: copy(payload), savedAt });
    },
    draft: (kind: DraftKind, caseId: string | null): DraftRecord | null => copy(drafts.get(draftKey(kind, caseId)) ?? null),
    /** The renderer's timers (draft autosave): `fake.timers.advance(800)` inside act(). */
    timers,
    setNow: (instant: string) => {
      s.now = instant;
    },
    /** The app lock and backups as main holds them (state, passphrase, backups, failure). */
    lock: s.lock,
    /** Main locks on its own (its idle backstop): the next call from the renderer answers 'locked'. */
    lockFromMain: () => {
      if (s.lock.state === 'unlocked') s.lock.state = 'locked';
    },
    /** A verified backup in the list (test set-up). */
    seedBackup: (takenAt: string, reason?: string) => {
      s.lock.backups.push(fakeBackup(takenAt, reason));
    },
    get profile() {
      return s.profile;
    },
    get settings() {
      return s.settings;
    },
  };
}

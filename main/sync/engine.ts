/**
 * The device's sync engine (docs/team-mode.md): rounds of push-then-pull against the team server
 * (main/sync/engine-round.ts), run on an interval, soon after each local write, and when the person
 * asks, one at a time. Nothing here decides what is written: the store does, one transaction per step.
 * With no team server set up the engine does nothing at all (solo, exactly as before team mode).
 */
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/ipc/result';
import type { ConflictView, RefusedChangeView, SyncStatus } from '../../shared/ipc/schemas/sync';
import type { ServerConfig } from '../../shared/sync/protocol';
import type { Db } from '../db/sql';
import type { SyncService } from '../features/sync/sync-service';
import { conflictViews } from './engine-conflicts';
import { refusedViews } from './engine-refused';
import { DEFAULT_PULL_LIMIT, runRound, type RoundEnd } from './engine-round';
import { computeStatus } from './engine-status';
import { MESSAGES, protocolProblem, type SyncHttp } from './http-client';
import { retryRefused } from './refused';
import { resolveConflict } from './store';
import { getSyncState, putSyncState } from './sync-state';

/** Sign-in as the engine needs it (main/sync/sign-in.ts); tokens never leave main. */
export interface SyncAuth {
  /** A token the server will take (refreshed if need be), or null: signed out, the outbox waits. */
  getAccessToken(): Promise<string | null>;
  isSignedIn(): boolean;
  signIn(config: ServerConfig): Promise<void>;
  signOut(): Promise<void>;
  /** The server refused this token (401): forget it, so the next round refreshes or reports signed out. */
  tokenRefused?(token: string): void;
}

export interface SyncTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  /** The open database; a getter because a restored backup replaces the connection. */
  db: Db | (() => Db);
  clock: Clock;
  /** This device's id on the server; a getter when it is made on first use (main/sync/sync-state.ts deviceIdOf). */
  deviceId: string | (() => string);
  /**
   * The protocol client for a server address (main/sync/http-client.ts createSyncHttp); `signal` aborts
   * its requests when the engine stops (the app locking or quitting).
   */
  http: (baseUrl: string, signal: AbortSignal) => SyncHttp;
  auth: SyncAuth;
  timers: SyncTimers;
  log?: (message: string) => void;
  /** Between rounds when all is well. */
  intervalMs?: number;
  /** After a local write, so a burst of saves goes in one round. */
  debounceMs?: number;
  pullLimit?: number;
}

export interface SyncEngine extends SyncService {
  /** One round now (or the one already running); resolves with the status after it. */
  syncOnce(): Promise<SyncStatus>;
  /** Starts the loop (a first round soon). */
  start(): void;
}

export const DEFAULT_INTERVAL_MS = 60_000;
export const DEFAULT_DEBOUNCE_MS = 2_000;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  return new Engine(opts);
}

class Engine implements SyncEngine {
  private readonly db: () => Db;
  private readonly log: (message: string) => void;
  private running: Promise<SyncStatus> | null = null;
  /** Words from the last round for the person (a push the server would not take, the network down). */
  private message: string | null = null;
  private failures = 0;
  private retryAfterMs: number | null = null;
  private timer: unknown = null;
  private started = false;
  private stopped = false;
  private aborter = new AbortController();

  constructor(private readonly opts: SyncEngineOptions) {
    this.db = typeof opts.db === 'function' ? opts.db : ((d: Db) => () => d)(opts.db);
    this.log = opts.log ?? (() => {});
  }

  private serverUrl(): string | null {
    return this.db().open ? getSyncState(this.db(), 'serverUrl') : null;
  }

  status(): SyncStatus {
    return computeStatus(this.db(), { syncing: this.running !== null, signedIn: this.opts.auth.isSignedIn(), message: this.message });
  }

  syncOnce(): Promise<SyncStatus> {
    if (this.running) return this.running;
    // The status is read once the round is over, so it never says "syncing" about a finished round.
    this.running = this.round()
      .finally(() => {
        this.running = null;
      })
      .then(() => this.status());
    return this.running;
  }

  syncNow(): Promise<SyncStatus> {
    return this.syncOnce();
  }

  private async round(): Promise<void> {
    let end: RoundEnd | null;
    try {
      end = await this.attempt();
    } catch (error) {
      // The database closed under the round (the app locked), writes held while it is checked, or a
      // store step refused: the file is as the last finished step left it; the next round carries on.
      this.log(`sync round failed: ${error instanceof Error ? error.message : String(error)}`);
      end = { kind: 'unavailable', message: 'Syncing stopped part-way; it will carry on shortly. Nothing saved here was lost.', retryAfterMs: null };
    }
    try {
      if (end) this.record(end);
    } catch (error) {
      // Keeping what the round came to could not be written (writes held at unlock): the next round says it again.
      this.log(`sync round not recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One round, or null when there is nothing to do (solo, or signed out: the outbox waits). */
  private async attempt(): Promise<RoundEnd | null> {
    const url = this.serverUrl();
    if (url === null) return null;
    const token = await this.opts.auth.getAccessToken();
    if (token === null) {
      this.message = null;
      return null;
    }
    const deviceId = typeof this.opts.deviceId === 'function' ? this.opts.deviceId() : this.opts.deviceId;
    const http = this.opts.http(url, this.aborter.signal);
    const deps = { db: this.db, clock: this.opts.clock, deviceId, http, token, pullLimit: this.opts.pullLimit ?? DEFAULT_PULL_LIMIT };
    return runRound(deps, getSyncState(this.db(), 'serverConfig'));
  }

  private record(end: RoundEnd): void {
    const d = this.db();
    if (!d.open) return;
    const at = this.opts.clock.now();
    if (end.kind === 'done') {
      this.message = null;
      this.failures = 0;
      this.retryAfterMs = null;
      putSyncState(d, 'offlineSince', null, at);
      putSyncState(d, 'refused', null, at);
      putSyncState(d, 'lastSyncedAt', at, at);
      return;
    }
    this.log(`sync round ended: ${end.kind}`);
    this.message = end.message;
    if (end.kind === 'offline' || end.kind === 'unavailable') {
      this.failures++;
      this.retryAfterMs = end.kind === 'unavailable' ? end.retryAfterMs : null;
      if (getSyncState(d, 'offlineSince') === null) putSyncState(d, 'offlineSince', at, at);
    } else if (end.kind === 'signed_out') {
      if (end.token) this.opts.auth.tokenRefused?.(end.token);
    } else {
      putSyncState(d, 'refused', end.message, at);
    }
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.opts.intervalMs ?? DEFAULT_INTERVAL_MS;
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(this.failures - 1, 10));
    return Math.max(backoff, this.retryAfterMs ?? 0);
  }

  private schedule(ms: number): void {
    if (this.stopped || !this.started) return;
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer);
    this.timer = this.opts.timers.setTimeout(() => {
      this.timer = null;
      // The loop never stops on a failed round: the next one is scheduled whatever happened.
      void this.syncOnce()
        .catch((error: unknown) => this.log(`sync failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.schedule(this.nextDelay()));
    }, ms);
  }

  async connect(url: string): Promise<SyncStatus> {
    const http = this.opts.http(url, this.aborter.signal);
    const answer = await http.config();
    const refuse = (words: string) => new AppError('validation', words, [{ path: 'serverUrl', message: words }]);
    if (answer.kind === 'offline') throw refuse('No team server answered at this address. Check the address and that this computer is online.');
    // A server that refuses this build says why in its own words (426: update the app).
    if (answer.kind === 'refused' && answer.message !== MESSAGES.unreadable) throw refuse(answer.message);
    if (answer.kind !== 'ok') throw refuse('This address did not answer as a THRIVE Plans team server. Check the address with your IT team.');
    const problem = protocolProblem(answer.value, http.protocol);
    if (problem) throw refuse(problem);
    const held = getSyncState(this.db(), 'serverConfig');
    if (held && held.serverId !== answer.value.serverId && getSyncState(this.db(), 'cursor') !== null) {
      throw new AppError('conflict', 'This computer already syncs with a different team server. Ask your IT team before moving it to another.');
    }
    const at = this.opts.clock.now();
    putSyncState(this.db(), 'serverUrl', url, at);
    putSyncState(this.db(), 'serverConfig', answer.value, at);
    putSyncState(this.db(), 'refused', null, at);
    this.schedule(0);
    return this.status();
  }

  async signIn(): Promise<SyncStatus> {
    const config = this.serverUrl() === null ? null : getSyncState(this.db(), 'serverConfig');
    if (!config) throw new AppError('validation', 'Connect to your team server first: enter its address in Settings.');
    await this.opts.auth.signIn(config);
    return this.syncOnce();
  }

  async signOut(): Promise<SyncStatus> {
    await this.opts.auth.signOut();
    this.message = null;
    return this.status();
  }

  conflicts(): ConflictView[] {
    return this.serverUrl() === null ? [] : conflictViews(this.db());
  }

  async resolve(conflictId: string, choice: 'mine' | 'theirs'): Promise<SyncStatus> {
    const person = getSyncState(this.db(), 'person');
    if (!person) throw new AppError('forbidden', 'Sign in to the team server to settle a conflict.');
    resolveConflict(this.db(), this.opts.clock, conflictId, choice, person.id);
    // "mine" is sent at once when it can be; "theirs" needs nothing sent.
    return choice === 'mine' ? this.syncOnce() : this.status();
  }

  refused(): RefusedChangeView[] {
    return this.serverUrl() === null ? [] : refusedViews(this.db());
  }

  async retry(caseId: string): Promise<SyncStatus> {
    if (!retryRefused(this.db(), this.opts.clock, caseId)) throw new AppError('not_found', 'This case is no longer waiting after a refusal: it may have been sent already.');
    return this.syncOnce();
  }

  noteLocalWrite(): void {
    // While the server is unreachable the backoff decides when to try again, not each save.
    if (this.serverUrl() !== null && this.failures === 0) this.schedule(this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  start(): void {
    this.started = true;
    this.stopped = false;
    if (this.aborter.signal.aborted) this.aborter = new AbortController();
    if (this.serverUrl() !== null) this.schedule(this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  stop(): void {
    this.stopped = true;
    this.aborter.abort();
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

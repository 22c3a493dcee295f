/**
 * One sync round against the team server (docs/team-mode.md): the directory (GET /v1/me), then the
 * outbox pushed in order, then the change log pulled until there is no more. Each step's answer is
 * written by the store (main/sync/store.ts) in its own SQLite transaction, so a round cut short at any
 * await (network gone, app locked) leaves the file consistent and the next round carries on from it.
 */
import type { Clock } from '../../shared/clock';
import type { ServerConfig } from '../../shared/sync/protocol';
import type { Db } from '../db/sql';
import { MESSAGES, protocolProblem, type HttpOutcome, type SyncHttp } from './http-client';
import { applyDirectory, applyPulled, conflictsNeedingBase, nextPush, pushAccepted, pushConflicted, setConflictBase } from './store';
import { pushRefused } from './refused';
import { getSyncState, putSyncState } from './sync-state';
import { outboxReport, refreshTeamDevices } from './team-devices';

/** How a round ended. A push the server would not take is set aside (main/sync/refused.ts): the round goes on. */
export type RoundEnd =
  | { kind: 'done' }
  | { kind: 'offline'; message: string }
  | { kind: 'unavailable'; message: string; retryAfterMs: number | null }
  | { kind: 'signed_out'; message: string; token: string | null }
  | { kind: 'refused'; message: string };

export interface RoundDeps {
  db: () => Db;
  clock: Clock;
  deviceId: string;
  http: SyncHttp;
  token: string;
  pullLimit: number;
}

/**
 * Changes per pull request; the server may send fewer. The most the server gives (its read routes'
 * limit): a first sync of thousands of cases then takes a few requests and commits, not dozens.
 */
export const DEFAULT_PULL_LIMIT = 1000;
/** A guard against a server that always says `more`: the rest is pulled next round. */
const MAX_BATCHES_PER_ROUND = 1_000;

const DIFFERENT_SERVER =
  'The team server at this address is not the one this device was set up with. Nothing was sent or changed. Ask your IT team before connecting it again.';

/** An answer that ends the round (anything but ok, a conflict or a one-off rejection). */
function ending(outcome: HttpOutcome<unknown>, token: string): RoundEnd | null {
  switch (outcome.kind) {
    case 'offline':
      return { kind: 'offline', message: outcome.message };
    case 'unavailable':
      return { kind: 'unavailable', message: outcome.message, retryAfterMs: outcome.retryAfterMs };
    case 'signed_out':
      return { kind: 'signed_out', message: outcome.message, token };
    case 'refused':
      return { kind: 'refused', message: outcome.message };
    default:
      return null;
  }
}

export async function runRound(d: RoundDeps, expected: ServerConfig | null): Promise<RoundEnd> {
  // The server's protocol first: a build that cannot read it must not write a single row.
  const config = await d.http.config();
  if (config.kind !== 'ok') return ending(config, d.token) ?? { kind: 'refused', message: MESSAGES.unreadable };
  const problem = protocolProblem(config.value, d.http.protocol);
  if (problem) return { kind: 'refused', message: problem };
  if (expected && expected.serverId !== config.value.serverId) return { kind: 'refused', message: DIFFERENT_SERVER };

  const me = await d.http.me(d.token);
  if (me.kind !== 'ok') return ending(me, d.token) ?? { kind: 'refused', message: me.kind === 'rejected' ? me.message : MESSAGES.unreadable };
  if (me.value.serverId !== config.value.serverId) return { kind: 'refused', message: DIFFERENT_SERVER };
  applyDirectory(d.db(), d.clock, me.value);

  const pushed = await pushOutbox(d, me.value.person.id);
  if (pushed.kind !== 'done') return pushed;
  const pulled = await pullChanges(d, config.value.serverId);
  if (pulled) return pulled;
  await refreshTeamDevices(d, me.value);
  // Conflicts found by the push or the pull need the version the local work was made on (a three-way merge).
  const bases = await fetchBases(d);
  return bases ?? pushed;
}

/**
 * Pushes until no case of the signed-in person's is left to send. A conflict is recorded (the case then
 * waits for the person) and the next case goes; so does a push the server refuses outright (not a
 * member, a document it cannot store): that case is set aside with the server's words, its local work
 * kept, and every other case is still sent. Changes by someone else wait for them (store nextPush).
 */
async function pushOutbox(d: RoundDeps, personId: string): Promise<RoundEnd> {
  const sent = new Set<string>();
  for (;;) {
    const push = nextPush(d.db(), d.clock, d.deviceId, personId);
    if (!push) return { kind: 'done' };
    // The store settles an answered attempt; the same key twice in a round means it did not (never loop).
    if (sent.has(push.idempotencyKey)) return { kind: 'done' };
    sent.add(push.idempotencyKey);
    const answer = await d.http.push(d.token, push.caseId, {
      body: push.body, baseVersion: push.baseVersion, idempotencyKey: push.idempotencyKey, report: outboxReport(d.db()),
    });
    if (answer.kind === 'ok') {
      pushAccepted(d.db(), d.clock, push.caseId, push.idempotencyKey, answer.value);
    } else if (answer.kind === 'conflict') {
      const base = push.baseVersion === null ? null : await d.http.version(d.token, push.caseId, push.baseVersion);
      pushConflicted(d.db(), d.clock, push.caseId, push.idempotencyKey, answer.conflict.server, base?.kind === 'ok' ? base.value.document : null);
    } else if (answer.kind === 'rejected') {
      pushRefused(d.db(), d.clock, push.caseId, push.idempotencyKey, { status: answer.status, code: answer.code, message: answer.message });
    } else {
      return ending(answer, d.token)!;
    }
  }
}

/**
 * Pulls batch after batch until the server has no more; each batch is applied in one transaction.
 * The next batch is asked for before this one is applied, so the server reads and sends it while the
 * device writes (a first sync of a whole team is thousands of cases). Only the local cursor moves with
 * an applied batch: a batch fetched and never applied is fetched again next round.
 */
async function pullChanges(d: RoundDeps, serverId: string): Promise<RoundEnd | null> {
  let cursor = getSyncState(d.db(), 'cursor');
  let restarted = false;
  const fetchPage = (from: string | null) => d.http.pull(d.token, from, d.pullLimit, outboxReport(d.db()));
  let next: ReturnType<typeof fetchPage> | null = null;
  for (let i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
    const page = await (next ?? fetchPage(cursor));
    next = null;
    if (page.kind === 'rejected' && page.code === 'cursor_invalid' && !restarted) {
      // A cursor this server never gave (a restored server, a restored device): start again from the
      // beginning; versions this device already holds are skipped, so nothing is applied twice.
      cursor = null;
      restarted = true;
      continue;
    }
    if (page.kind !== 'ok') return ending(page, d.token) ?? { kind: 'refused', message: page.kind === 'rejected' ? page.message : MESSAGES.unreadable };
    if (page.value.serverId !== serverId) return { kind: 'refused', message: DIFFERENT_SERVER };
    if (page.value.more && i + 1 < MAX_BATCHES_PER_ROUND) {
      next = fetchPage(page.value.cursor);
      // Settled when awaited next turn; a round that ends first (an apply that throws) drops it unread.
      next.catch(() => undefined);
      // The request leaves on a later turn of the event loop: let it go before the apply below holds
      // the thread, or the server would not even start on the next page until this one is written.
      await new Promise((resolve) => setImmediate(resolve));
    }
    applyPulled(d.db(), d.clock, page.value.changes, page.value.cursor, page.value.asOf);
    // The server's clock against ours, taken as the answer arrives: only to warn the person; nothing is
    // ordered by the device's clock (the server orders by its own).
    putSyncState(d.db(), 'clockSkewMs', Date.parse(d.clock.now()) - Date.parse(page.value.asOf), d.clock.now());
    cursor = page.value.cursor;
    if (!page.value.more) return null;
  }
  return null;
}

async function fetchBases(d: RoundDeps): Promise<RoundEnd | null> {
  for (const c of conflictsNeedingBase(d.db())) {
    const version = await d.http.version(d.token, c.caseId, c.baseVersion);
    if (version.kind === 'ok') setConflictBase(d.db(), c.conflictId, version.value.document);
    // A version the server cannot find leaves the conflict without a base: "mine" then keeps every local row.
    else if (version.kind !== 'rejected') return ending(version, d.token);
  }
  return null;
}

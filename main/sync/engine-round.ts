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
import { getSyncState } from './sync-state';

/** How a round ended. `rejected` is one push the server would not take: the round still pulls. */
export type RoundEnd =
  | { kind: 'done'; rejected: string | null }
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

  const pushed = await pushOutbox(d);
  if (pushed.kind !== 'done') return pushed;
  const pulled = await pullChanges(d, config.value.serverId);
  if (pulled) return pulled;
  // Conflicts found by the push or the pull need the version the local work was made on (a three-way merge).
  const bases = await fetchBases(d);
  return bases ?? pushed;
}

/**
 * Pushes until the outbox is empty. A conflict is recorded (the case then waits for the person) and
 * the next case goes; a push the server refuses outright stops the pushing, since the store resends the
 * same attempt until it is settled, and its words are shown.
 */
async function pushOutbox(d: RoundDeps): Promise<RoundEnd> {
  const sent = new Set<string>();
  for (;;) {
    const push = nextPush(d.db(), d.clock, d.deviceId);
    if (!push) return { kind: 'done', rejected: null };
    // The store settles an answered attempt; the same key twice in a round means it did not (never loop).
    if (sent.has(push.idempotencyKey)) return { kind: 'done', rejected: null };
    sent.add(push.idempotencyKey);
    const answer = await d.http.push(d.token, push.caseId, { body: push.body, baseVersion: push.baseVersion, idempotencyKey: push.idempotencyKey });
    if (answer.kind === 'ok') {
      pushAccepted(d.db(), d.clock, push.caseId, push.idempotencyKey, answer.value);
    } else if (answer.kind === 'conflict') {
      const base = push.baseVersion === null ? null : await d.http.version(d.token, push.caseId, push.baseVersion);
      pushConflicted(d.db(), d.clock, push.caseId, push.idempotencyKey, answer.conflict.server, base?.kind === 'ok' ? base.value.document : null);
    } else if (answer.kind === 'rejected') {
      return { kind: 'done', rejected: answer.message };
    } else {
      return ending(answer, d.token)!;
    }
  }
}

/** Pulls batch after batch until the server has no more; each batch is applied in one transaction. */
async function pullChanges(d: RoundDeps, serverId: string): Promise<RoundEnd | null> {
  let cursor = getSyncState(d.db(), 'cursor');
  let restarted = false;
  for (let i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
    const page = await d.http.pull(d.token, cursor, d.pullLimit);
    if (page.kind === 'rejected' && page.code === 'cursor_invalid' && !restarted) {
      // A cursor this server never gave (a restored server, a restored device): start again from the
      // beginning; versions this device already holds are skipped, so nothing is applied twice.
      cursor = null;
      restarted = true;
      continue;
    }
    if (page.kind !== 'ok') return ending(page, d.token) ?? { kind: 'refused', message: page.kind === 'rejected' ? page.message : MESSAGES.unreadable };
    if (page.value.serverId !== serverId) return { kind: 'refused', message: DIFFERENT_SERVER };
    applyPulled(d.db(), d.clock, page.value.changes, page.value.cursor, page.value.asOf);
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

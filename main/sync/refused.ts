/**
 * Pushes the team server refused outright (403 not a member, 400 a document it cannot store, 422 a
 * reused key): the case is set aside like a conflict, so one refusal never blocks every other case's
 * push. Its local work and outbox entries stay exactly as they are (nothing dropped); the server's words
 * are kept in sync_state (main/sync/sync-state.ts refusedPushes) until the person tries again or saves
 * the case again, when it is sent once more. Also: the outbox entries made by someone other than the
 * person signed in, which wait for their author (the server refuses a change sent under another name).
 */
import type { Clock } from '../../shared/clock';
import { stmt, writeTx, type Db } from '../db/sql';
import { getSyncState, putSyncState, type RefusedPush } from './sync-state';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The refused attempt is settled: the case waits, set aside, with the server's words. */
export function pushRefused(db: Db, clock: Clock, caseId: string, idempotencyKey: string, refusal: Refusal): void {
  writeTx(db, () => {
    const attempt = stmt<[string], { idempotency_key: string; outbox_seq: number; body: string }>(
      db,
      'SELECT idempotency_key, outbox_seq, body FROM sync_push_attempts WHERE case_id = ?',
    ).get(caseId);
    // An answer for an attempt already settled (a late duplicate) changes nothing.
    if (!attempt || attempt.idempotency_key !== idempotencyKey) return;
    const madeBy = (JSON.parse(attempt.body) as { madeBy: string }).madeBy;
    const at = clock.now();
    const held = getSyncState(db, 'refusedPushes') ?? {};
    held[caseId] = { outboxSeq: attempt.outbox_seq, madeBy, ...refusal, refusedAt: at };
    putSyncState(db, 'refusedPushes', held, at);
    // The attempt goes: a later push of the case is made afresh from the case as it then stands.
    stmt(db, 'DELETE FROM sync_push_attempts WHERE case_id = ?').run(caseId);
  });
}

/** The case id → newest outbox seq a refusal covered, as JSON for nextPush's query. */
export function refusedSeqsJson(db: Db): string {
  const held = getSyncState(db, 'refusedPushes') ?? {};
  return JSON.stringify(Object.fromEntries(Object.entries(held).map(([caseId, r]) => [caseId, r.outboxSeq])));
}

/** A case accepted by the server is no longer refused. */
export function clearRefusal(db: Db, caseId: string, at: string): boolean {
  const held = getSyncState(db, 'refusedPushes');
  if (!held || !(caseId in held)) return false;
  delete held[caseId];
  putSyncState(db, 'refusedPushes', Object.keys(held).length > 0 ? held : null, at);
  return true;
}

/** "Try again" (after a membership is fixed): the case goes back into the outbox's turn. */
export function retryRefused(db: Db, clock: Clock, caseId: string): boolean {
  return writeTx(db, () => clearRefusal(db, caseId, clock.now()));
}

export interface RefusedCase extends RefusedPush {
  caseId: string;
  caseRef: string;
  youngPersonName: string;
  teamName: string | null;
}

/** Refusals still setting their case aside: a case saved again since is back in turn (nextPush). */
function setAside(db: Db): Array<[string, RefusedPush]> {
  const held = getSyncState(db, 'refusedPushes') ?? {};
  const newest = stmt<[string], number | null>(db, 'SELECT max(seq) FROM sync_outbox WHERE case_id = ?').pluck();
  return Object.entries(held).filter(([caseId, r]) => (newest.get(caseId) ?? 0) <= r.outboxSeq);
}

export function listRefused(db: Db): RefusedCase[] {
  const about = stmt<[string], { case_ref: string; name: string; team: string | null }>(
    db,
    `SELECT c.case_ref, yp.name, t.name AS team FROM cases c JOIN young_people yp ON yp.id = c.young_person_id
     LEFT JOIN teams t ON t.id = c.team_id WHERE c.id = ?`,
  );
  return setAside(db)
    .map(([caseId, r]) => {
      const row = about.get(caseId);
      return { caseId, caseRef: row?.case_ref ?? '', youngPersonName: row?.name ?? '', teamName: row?.team ?? null, ...r };
    })
    .sort((a, b) => a.refusedAt.localeCompare(b.refusedAt));
}

/** Cases set aside after a refusal. */
export function refusedCount(db: Db): number {
  return setAside(db).length;
}

export interface HeldForAuthor {
  personId: string;
  /** As the team directory names them; null when this device has never been told. */
  name: string | null;
  changes: number;
}

/** Outbox entries made by someone other than the signed-in person: they wait for their author. */
export function heldForOthers(db: Db, personId: string): HeldForAuthor[] {
  return stmt<[string], { made_by: string; name: string | null; n: number }>(
    db,
    `SELECT o.made_by, c.name, count(*) AS n FROM sync_outbox o LEFT JOIN clinicians c ON c.id = o.made_by
     WHERE o.made_by <> ? GROUP BY o.made_by ORDER BY min(o.seq)`,
  )
    .all(personId)
    .map((r) => ({ personId: r.made_by, name: r.name, changes: r.n }));
}

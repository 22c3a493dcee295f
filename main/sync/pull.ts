/**
 * Applying pulled changes: one transaction per batch, so the cursor moves only with the changes it
 * covers (a crash mid-batch leaves both as they were and the batch is pulled again). A change is
 * applied only to a case with no unpushed work; otherwise it becomes a conflict and the local rows are
 * left exactly as they are.
 */
import type { Clock } from '../../shared/clock';
import { sameDocument } from '../../shared/sync/merge';
import type { Change, PushBody } from '../../shared/sync/protocol';
import { appendAudit } from '../db/repos/audit';
import { stmt, writeTx, type Db } from '../db/sql';
import { applyCaseDocument } from './case-document';
import { recordConflict } from './conflicts';
import { clashesHere, holdForJoin } from './join-held';
import { attemptFor, heldVersion, setHeldVersion, settleAccepted } from './push';
import { putSyncState } from './sync-state';

export interface PullApplied {
  applied: number;
  skipped: number;
  conflicts: number;
}

function hasPendingWork(db: Db, caseId: string): boolean {
  return stmt<[string], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE case_id = ?) AS n').get(caseId)!.n === 1;
}

/**
 * Our own push coming back: the attempt was committed but its answer never arrived (the pull sees it
 * first). Same device, same document: it is settled as accepted instead of being taken for a conflict.
 */
function isOwnEcho(db: Db, change: Change): ReturnType<typeof attemptFor> {
  const attempt = attemptFor(db, change.caseId);
  if (!attempt) return undefined;
  const body = JSON.parse(attempt.body) as PushBody;
  return body.deviceId === change.deviceId && sameDocument(body.document, change.document) ? attempt : undefined;
}

export function applyOne(db: Db, clock: Clock, change: Change): keyof PullApplied {
  const held = heldVersion(db, change.caseId);
  if (held !== null && change.version <= held) return 'skipped';
  const echo = isOwnEcho(db, change);
  if (echo) {
    settleAccepted(db, clock, echo, change.version);
    return 'skipped';
  }
  if (hasPendingWork(db, change.caseId) || attemptFor(db, change.caseId)) {
    return recordConflict(db, clock, { caseId: change.caseId, baseVersion: held, base: null, server: change }) ? 'conflicts' : 'skipped';
  }
  // The same young person or case reference as a case made here before joining: held for the joining
  // review (main/sync/join-held.ts), never merged silently and never stopping the rest of the pull.
  if (clashesHere(db, change.document)) {
    holdForJoin(db, change, clock.now());
    return 'skipped';
  }
  applyCaseDocument(db, change.document);
  setHeldVersion(db, change.caseId, change.version);
  // The author's person id is the actor: on every device the trail says who made the change.
  appendAudit(db, {
    at: clock.now(),
    actorId: change.authorId,
    caseId: change.caseId,
    youngPersonId: String(change.document.youngPerson.id),
    action: 'sync.receive',
    entity: 'case',
    entityId: change.caseId,
    after: { version: change.version, seq: change.seq, author: change.authorName, deviceId: change.deviceId, at: change.at },
  });
  return 'applied';
}

export function applyPulled(db: Db, clock: Clock, changes: Change[], cursor: string, asOf: string): PullApplied {
  return writeTx(db, () => {
    const counts: PullApplied = { applied: 0, skipped: 0, conflicts: 0 };
    for (const change of changes) counts[applyOne(db, clock, change)]++;
    const at = clock.now();
    putSyncState(db, 'cursor', cursor, at);
    putSyncState(db, 'asOf', asOf, at);
    putSyncState(db, 'lastPullAt', at, at);
    return counts;
  });
}

/**
 * The outbox: every audited write of a case of a server team leaves a row here in the same transaction
 * (called from appendAudit, main/db/repos/audit.ts), so a saved change is either on the server or still
 * waiting, whatever happens to the app or the network. A row only marks the case as changed: the push
 * sends the whole case as it then stands (main/sync/store.ts nextPush).
 */
import { newId } from '../db/ids';
import { stmt, type Db } from '../db/sql';

/** The demo seed's audit actor (main/features/demo/seed.ts): its cases are fictional and stay here. */
const DEMO_ACTOR = 'system:demo';

/**
 * Writes that sync makes itself: a pulled change and "use theirs" bring the case to the server's
 * version (sending it back would be an echo); "keep mine" adds its own outbox entry.
 */
export const SYNC_WRITE_ACTIONS: ReadonlySet<string> = new Set(['sync.receive', 'sync.conflict_theirs', 'sync.conflict_mine']);

function serverTeamIds(db: Db): string[] {
  let read;
  try {
    read = stmt<[], { value: string }>(db, "SELECT value FROM sync_state WHERE key = 'teams'");
  } catch (error) {
    // A file at a schema before 0060 (a test of an older schema, an upgrade's earlier steps) has no server teams.
    if (/no such table/.test((error as Error).message)) return [];
    throw error;
  }
  const row = read.get();
  return row ? (JSON.parse(row.value) as string[]) : [];
}

/** A demo case is one the demo seed opened; writes made to it later by a clinician still stay here. */
export function isDemoCase(db: Db, caseId: string): boolean {
  const first = stmt<[string], { actor_id: string }>(db, 'SELECT actor_id FROM audit_log WHERE case_id = ? ORDER BY seq LIMIT 1').get(caseId);
  return first?.actor_id === DEMO_ACTOR;
}

/** Whether the case belongs to a team on the server (not a local or demo team). */
export function isServerCase(db: Db, caseId: string): boolean {
  const teams = serverTeamIds(db);
  if (teams.length === 0) return false;
  const teamId = stmt<[string], string>(db, 'SELECT team_id FROM cases WHERE id = ?').pluck().get(caseId);
  return teamId !== undefined && teams.includes(teamId) && !isDemoCase(db, caseId);
}

export function enqueue(db: Db, caseId: string, madeBy: string, madeAt: string): void {
  stmt(db, 'INSERT INTO sync_outbox (case_id, idempotency_key, made_by, made_at) VALUES (?, ?, ?, ?)').run(caseId, newId(), madeBy, madeAt);
}

/**
 * Entries that name a case without changing it (an export made). Every other entry
 * with a case counts as a change to it even when the rows it wrote were taken by an earlier entry of
 * the same write: re-opening a case audits the old episode first, with the new episode's rows
 * (main/features/cases/reopen-case.ts), and the new episode must still be sent. Erring this way costs
 * at most a push of an unchanged case; erring the other way would lose one.
 */
const NOT_A_CHANGE: ReadonlySet<string> = new Set(['export.create']);

/**
 * One save writes several entries (a plan revision: the plan, each goal and criterion), all with the
 * save's instant and actor: one outbox entry stands for them, so "N changes waiting" counts saves. An
 * entry an in-flight push already covers is not reused: the push after it must carry a new key.
 */
function sameWriteQueued(db: Db, entry: AuditedWrite): boolean {
  return (
    stmt<[string, string, string], { n: number }>(
      db,
      `SELECT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.case_id = ? AND o.made_by = ? AND o.made_at = ?
         AND o.seq > coalesce((SELECT a.outbox_seq FROM sync_push_attempts a WHERE a.case_id = o.case_id), 0)) AS n`,
    ).get(entry.caseId!, entry.actorId, entry.at)!.n === 1
  );
}

export interface AuditedWrite {
  caseId?: string | null;
  actorId: string;
  action: string;
  at: string;
}

/** Called for each audit entry as it is appended; `wroteRows`: the entry accounts for rows its write changed. */
export function noteAuditedWrite(db: Db, entry: AuditedWrite, wroteRows: boolean): void {
  if (!entry.caseId || SYNC_WRITE_ACTIONS.has(entry.action) || entry.actorId === DEMO_ACTOR) return;
  if (!wroteRows && NOT_A_CHANGE.has(entry.action)) return;
  if (!isServerCase(db, entry.caseId)) return;
  if (sameWriteQueued(db, entry)) return;
  enqueue(db, entry.caseId, entry.actorId, entry.at);
}

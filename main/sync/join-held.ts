/**
 * Joining a team (docs/team-mode.md "Joining"): cases made on this computer before it joined may be
 * the same young people as cases already on the team server. One young person per NHS number and one
 * case per reference and episode hold across this file (main/db/migrations/0010-initial.sql), so such a
 * server case cannot land beside the local one. Rather than stopping every pull on it, or merging two
 * records silently, the pulled change is held here until the person decides on the joining review
 * (main/sync/join.ts): keep the server's record, or keep theirs apart. Held in sync_state (not a
 * record: what the person chooses is audited when they choose it).
 */
import type { CaseDocument, Change } from '../../shared/sync/protocol';
import { stmt, type Db } from '../db/sql';
import { getSyncState, putSyncState, type Superseded } from './sync-state';

export type { Superseded } from './sync-state';

/** Whether a pulled document names an NHS number or a case reference and episode another case here holds. */
export function clashesHere(db: Db, doc: CaseDocument): boolean {
  const yp = doc.youngPerson;
  if (yp.nhs_number !== null && yp.nhs_number !== undefined) {
    const other = stmt<[unknown, unknown], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM young_people WHERE nhs_number = ? AND id <> ?) AS n');
    if (other.get(yp.nhs_number, yp.id)!.n === 1) return true;
  }
  const c = doc.tables.cases[0];
  if (!c) return false;
  const sameRef = stmt<[unknown, unknown, unknown], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM cases WHERE case_ref = ? AND episode_no = ? AND id <> ?) AS n');
  return sameRef.get(c.case_ref, c.episode_no, c.id)!.n === 1;
}

export function heldChanges(db: Db): Change[] {
  return Object.values(getSyncState(db, 'join.held') ?? {});
}

/** Keeps the newest version of each held case: the one applied if the person keeps the server's record. */
export function holdForJoin(db: Db, change: Change, at: string): void {
  const held = getSyncState(db, 'join.held') ?? {};
  const was = held[change.caseId];
  if (was && was.version >= change.version) return;
  held[change.caseId] = change;
  putSyncState(db, 'join.held', held, at);
}

export function releaseHeld(db: Db, caseId: string, at: string): void {
  const held = getSyncState(db, 'join.held') ?? {};
  delete held[caseId];
  putSyncState(db, 'join.held', held, at);
}

/** Local cases set aside for the server's record of the same young person (never deleted). */
export function supersededCases(db: Db): Record<string, Superseded> {
  return getSyncState(db, 'join.superseded') ?? {};
}

export function markSuperseded(db: Db, localCaseId: string, s: Superseded): void {
  putSyncState(db, 'join.superseded', { ...supersededCases(db), [localCaseId]: s }, s.at);
}

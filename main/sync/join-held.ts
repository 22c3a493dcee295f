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

const HELD_KEY = 'join.held';
const SUPERSEDED_KEY = 'join.superseded';

export interface Superseded {
  serverCaseId: string;
  by: 'nhs_number' | 'case_ref';
  at: string;
  personId: string;
}

function getJson<T>(db: Db, key: string, empty: T): T {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as T) : empty;
}

function putJson(db: Db, key: string, value: unknown, at: string): void {
  stmt(
    db,
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

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
  return Object.values(getJson<Record<string, Change>>(db, HELD_KEY, {}));
}

/** Keeps the newest version of each held case: the one applied if the person keeps the server's record. */
export function holdForJoin(db: Db, change: Change, at: string): void {
  const held = getJson<Record<string, Change>>(db, HELD_KEY, {});
  const was = held[change.caseId];
  if (was && was.version >= change.version) return;
  held[change.caseId] = change;
  putJson(db, HELD_KEY, held, at);
}

export function releaseHeld(db: Db, caseId: string, at: string): void {
  const held = getJson<Record<string, Change>>(db, HELD_KEY, {});
  delete held[caseId];
  putJson(db, HELD_KEY, held, at);
}

/** Local cases set aside for the server's record of the same young person (never deleted). */
export function supersededCases(db: Db): Record<string, Superseded> {
  return getJson<Record<string, Superseded>>(db, SUPERSEDED_KEY, {});
}

export function markSuperseded(db: Db, localCaseId: string, s: Superseded): void {
  putJson(db, SUPERSEDED_KEY, { ...supersededCases(db), [localCaseId]: s }, s.at);
}

/**
 * A case document points at a team and clinicians (its lead, and the copies in its outcomes) that live
 * outside the document. The directory from the server (main/sync/directory.ts) normally holds them all,
 * but a lead who has left the team is no longer a member, and a pulled case must never be refused for
 * it: a row standing in for them is made, named plainly, and the next directory names them properly if
 * they come back. Written in the applying transaction, so the same audit entry accounts for it.
 */
import type { CaseDocument } from '../../shared/sync/protocol';
import { stmt, type Db } from '../db/sql';

function exists(db: Db, table: 'teams' | 'clinicians', id: unknown): boolean {
  return stmt<[unknown], { n: number }>(db, `SELECT EXISTS (SELECT 1 FROM ${table} WHERE id = ?) AS n`).get(id)!.n === 1;
}

function ensureTeam(db: Db, teamId: string, at: string): void {
  if (exists(db, 'teams', teamId)) return;
  // Team names are unique here (case-insensitively): number the stand-in's until it is free.
  const base = `Team ${teamId.slice(0, 8)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const taken = stmt<[string], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM teams WHERE name = ?) AS n').get(name)!.n === 1;
    if (!taken) {
      stmt(db, 'INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)').run(teamId, name, at);
      return;
    }
  }
}

function ensureClinician(db: Db, clinicianId: string, teamId: string, at: string): void {
  if (exists(db, 'clinicians', clinicianId)) return;
  stmt(db, "INSERT INTO clinicians (id, name, role, team_id, created_at) VALUES (?, 'Former team member', 'clinician', ?, ?)").run(
    clinicianId,
    teamId,
    at,
  );
}

/** Makes sure every team and clinician the document points at exists here. */
export function ensureReferencedDirectory(db: Db, doc: CaseDocument): void {
  const theCase = doc.tables.cases[0];
  if (!theCase || theCase.id !== doc.caseId) throw new Error(`the document of case ${doc.caseId} does not hold that case`);
  const at = String(theCase.created_at);
  const refs = [theCase, ...doc.tables.ending_outcomes, ...doc.tables.goal_outcomes];
  for (const row of refs) ensureTeam(db, String(row.team_id), at);
  for (const row of refs) ensureClinician(db, String(row.lead_clinician_id), String(row.team_id), at);
}

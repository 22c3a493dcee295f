/**
 * What the caseload import compares a file with, read in one query each (never a query per row): every
 * case reference in the database (any episode, any team: a reference is unique in the app), every NHS
 * number with its young person's latest case, and the clinicians of the importing team.
 */
import { stmt, type Db } from '../sql';

/** Lower-cased case reference → the reference as stored. */
export function allCaseRefs(db: Db): Map<string, string> {
  const rows = stmt<[], { case_ref: string }>(db, 'SELECT DISTINCT case_ref FROM cases').all();
  return new Map(rows.map((r) => [r.case_ref.toLowerCase(), r.case_ref]));
}

/** NHS number → the case reference of that young person's latest case (or '' if they have none). */
export function allNhsNumbers(db: Db): Map<string, string> {
  const rows = stmt<[], { nhs_number: string; case_ref: string | null }>(
    db,
    `SELECT yp.nhs_number,
       (SELECT c.case_ref FROM cases c WHERE c.young_person_id = yp.id ORDER BY c.open_date DESC, c.episode_no DESC LIMIT 1) AS case_ref
     FROM young_people yp WHERE yp.nhs_number IS NOT NULL`,
  ).all();
  return new Map(rows.map((r) => [r.nhs_number, r.case_ref ?? '']));
}

/** The team's clinicians as (id, name). */
export function teamClinicianNames(db: Db, teamId: string): Array<{ id: string; name: string }> {
  return stmt<[string], { id: string; name: string }>(db, 'SELECT id, name FROM clinicians WHERE team_id = ? ORDER BY created_at, id').all(teamId);
}

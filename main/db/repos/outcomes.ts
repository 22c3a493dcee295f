/**
 * Each ending's outcome, written once when the case closes (migration 0040): the grouping at open and at
 * close, the ending reason, and every goal rated at the ending with its first and final score, each row
 * carrying the case's team, lead clinician and closing date. The team view's figures for a closing period
 * read these rows by one index range (team.ts) instead of working them out from every closed case.
 *
 * Why a copy is safe: everything copied is fixed once the case is closed. Every write handler refuses a
 * closed case (features/cases/writable-case.ts), nothing updates or deletes Current Views, goal ratings or
 * endings, and moving a clinician's cases to another team moves open cases only. The statements derive
 * the values from the source rows inside the closing transaction, after the case is marked closed, so the
 * copy is exactly what the old per-case queries read. Hazard H31: tests/integration/team-outcomes.test.ts
 * keeps the figures equal to those queries.
 */
import { stmt, type Db } from '../sql';

// The same statements as migration 0040's backfill, narrowed to one ending (`AND e.id = ?`). A Current
// View's grouping is never NULL, so NULL here means the case has no Current View in that context; a case
// has at most one of each (the opening is unique; the closing one is written once, with its one ending).
const ENDING_OUTCOME_SQL = `INSERT INTO ending_outcomes (ending_id, team_id, lead_clinician_id, closed_date, reason, grouping_at_open, grouping_at_close, goals_rated)
  SELECT e.id, c.team_id, c.lead_clinician_id, c.closed_date, e.reason,
    (SELECT v.grouping FROM current_views v WHERE v.case_id = c.id AND v.context = 'open'),
    (SELECT v.grouping FROM current_views v WHERE v.case_id = c.id AND v.context = 'close'),
    (SELECT count(*) FROM goal_ratings r WHERE r.ending_id = e.id)
  FROM endings e JOIN cases c ON c.id = e.case_id
  WHERE c.status = 'closed' AND e.id = ?`;

const GOAL_OUTCOMES_SQL = `INSERT INTO goal_outcomes (rating_id, ending_id, team_id, lead_clinician_id, closed_date, first_score, final_score)
  SELECT r.id, e.id, c.team_id, c.lead_clinician_id, c.closed_date,
    (SELECT f.score FROM goal_ratings f WHERE f.goal_id = r.goal_id ORDER BY f.rated_on, f.created_at, f.id LIMIT 1),
    r.score
  FROM endings e JOIN cases c ON c.id = e.case_id JOIN goal_ratings r ON r.ending_id = e.id
  WHERE c.status = 'closed' AND e.id = ?`;

/**
 * Writes the outcome of one ending, in the caller's transaction, once its Current View at close, its
 * final ratings and the case's closed status are written. False (nothing written) if the ending's case is
 * not closed: the caller must not commit an ending without its outcome.
 */
export function recordEndingOutcome(db: Db, endingId: string): boolean {
  if (stmt(db, ENDING_OUTCOME_SQL).run(endingId).changes !== 1) return false;
  stmt(db, GOAL_OUTCOMES_SQL).run(endingId);
  return true;
}

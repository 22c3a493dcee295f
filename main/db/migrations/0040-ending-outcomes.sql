-- 0040: ending outcomes. Frozen once landed. Two new tables, filled from the rows already held; no
-- existing row is changed.
--
-- The team view's figures for cases closed in a period (grouping at open against grouping at close, ending
-- reasons, each goal's first and final GBO rating) were worked out from the source rows on every call:
-- per closed case two Current View lookups, its ending, its ratings at close and each goal's first rating.
-- On a 100,000-case database that was most of the team view's time (bench/trust-scale.ts; about 5,000
-- cases closed in a team's year). A closed case is read-only (every write handler refuses it; a re-opened
-- case is a new case row), so what those figures read from it can no longer change once it is closed:
-- each ending's outcome is written once, in the closing transaction (main/db/repos/outcomes.ts), and the
-- period figures become one index range over these rows.
--
-- The scope and the closing date (team, lead clinician, closed date) are copies of the case's, which are
-- fixed once it is closed (moving a clinician's cases to another team moves open cases only), so a range
-- of a team's or a clinician's endings by date needs no case lookup at all. Hazard H31 in
-- docs/clinical-safety/hazard-log.md: a summary that drifted from its source would misreport outcomes.

-- One row per ending. grouping_at_open / grouping_at_close: the grouping of the case's Current View at
-- open and at close, NULL where there is none (a Current View's grouping is never NULL, so NULL can only
-- mean "not recorded"). goals_rated: how many goal ratings were given at the ending.
CREATE TABLE ending_outcomes (
  ending_id          TEXT PRIMARY KEY REFERENCES endings(id),
  team_id            TEXT NOT NULL REFERENCES teams(id),
  lead_clinician_id  TEXT NOT NULL REFERENCES clinicians(id),
  closed_date        TEXT NOT NULL CHECK (closed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reason             TEXT NOT NULL,
  grouping_at_open   TEXT CHECK (grouping_at_open IS NULL OR grouping_at_open IN
                       ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')),
  grouping_at_close  TEXT CHECK (grouping_at_close IS NULL OR grouping_at_close IN
                       ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')),
  goals_rated        INTEGER NOT NULL CHECK (goals_rated >= 0)
);
-- Every column the period figures read, so the range is answered from the index alone (every page read
-- from the file is decrypted). One index per scope shape: a team, or one clinician (within a team).
CREATE INDEX ending_outcomes_team ON ending_outcomes (team_id, closed_date, reason, grouping_at_open, grouping_at_close, goals_rated);
CREATE INDEX ending_outcomes_clinician ON ending_outcomes
  (lead_clinician_id, closed_date, team_id, reason, grouping_at_open, grouping_at_close, goals_rated);

-- One row per goal rating given at an ending: that final score and the goal's first rating (its earliest;
-- same-day ratings in the order recorded), the pair the GBO change at close is classified from.
CREATE TABLE goal_outcomes (
  rating_id          TEXT PRIMARY KEY REFERENCES goal_ratings(id),
  ending_id          TEXT NOT NULL REFERENCES endings(id),
  team_id            TEXT NOT NULL REFERENCES teams(id),
  lead_clinician_id  TEXT NOT NULL REFERENCES clinicians(id),
  closed_date        TEXT NOT NULL CHECK (closed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  first_score        INTEGER NOT NULL CHECK (first_score BETWEEN 0 AND 10),
  final_score        INTEGER NOT NULL CHECK (final_score BETWEEN 0 AND 10)
);
CREATE INDEX goal_outcomes_team ON goal_outcomes (team_id, closed_date, first_score, final_score);
CREATE INDEX goal_outcomes_clinician ON goal_outcomes (lead_clinician_id, closed_date, team_id, first_score, final_score);
CREATE INDEX goal_outcomes_ending ON goal_outcomes (ending_id);

-- The backfill: every ending of a closed case, by the same statements the closing transaction runs for
-- one ending (main/db/repos/outcomes.ts, there with `AND e.id = ?`);
-- tests/integration/team-outcomes.test.ts checks the two give the same rows.
INSERT INTO ending_outcomes (ending_id, team_id, lead_clinician_id, closed_date, reason, grouping_at_open, grouping_at_close, goals_rated)
  SELECT e.id, c.team_id, c.lead_clinician_id, c.closed_date, e.reason,
    (SELECT v.grouping FROM current_views v WHERE v.case_id = c.id AND v.context = 'open'),
    (SELECT v.grouping FROM current_views v WHERE v.case_id = c.id AND v.context = 'close'),
    (SELECT count(*) FROM goal_ratings r WHERE r.ending_id = e.id)
  FROM endings e JOIN cases c ON c.id = e.case_id
  WHERE c.status = 'closed';

INSERT INTO goal_outcomes (rating_id, ending_id, team_id, lead_clinician_id, closed_date, first_score, final_score)
  SELECT r.id, e.id, c.team_id, c.lead_clinician_id, c.closed_date,
    (SELECT f.score FROM goal_ratings f WHERE f.goal_id = r.goal_id ORDER BY f.rated_on, f.created_at, f.id LIMIT 1),
    r.score
  FROM endings e JOIN cases c ON c.id = e.case_id JOIN goal_ratings r ON r.ending_id = e.id
  WHERE c.status = 'closed';

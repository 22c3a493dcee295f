-- 0020: the team view (docs/team-view.md). Frozen once landed.
--
-- "Endings in the period" reads a team's (or a clinician's) cases closed between two dates. The case
-- indexes gain closed_date after status, so that range is a search of the index rather than a walk
-- over every closed case the team has ever had; open-case lookups (status = 'open') use the same
-- prefix as before, so one index serves both and writes pay for no extra index.
DROP INDEX cases_team;
CREATE INDEX cases_team ON cases (team_id, status, closed_date);

DROP INDEX cases_caseload;
CREATE INDEX cases_caseload ON cases (lead_clinician_id, status, closed_date);

-- The grouping transitions (at open → now, at open → at close) read each case's Current View grouping.
-- A Current View row carries all 50 ratings, so reading the row for one column costs a page each; with
-- grouping in the index the transition queries can read it from the index instead.
DROP INDEX current_views_case;
CREATE INDEX current_views_case ON current_views (case_id, context, completed_date, grouping);

-- Each goal's ratings in date order are read for every open case (flags, goal movement) and for every
-- goal rated at close (its first rating): with the columns those reads need in the index, they are
-- answered from the index alone rather than one table lookup per rating.
DROP INDEX goal_ratings_goal;
CREATE INDEX goal_ratings_goal ON goal_ratings (goal_id, rated_on, created_at, id, score);

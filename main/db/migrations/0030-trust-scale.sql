-- 0030: trust scale (the indexes bench/trust-scale.ts showed a 100,000-case database needs). Frozen once landed. Indexes only: no row is changed.
--
-- bench/trust-scale.ts measured the team view on a 100,000-case database (10 teams; about 5,000 cases
-- per team closed in the last 12 months). Its figures read thousands of rows whose pages are spread
-- through a 1.7 GB file, and every page read from the file is decrypted: what a query need not read
-- from a table row is what makes it fast. Each index below lets a hot query answer from the index alone.

-- Cases of a scope in a closing period: the queries need only each case's id, which a rowid table's
-- index does not hold. With id at the end, they never read the (wide) case rows at all.
DROP INDEX cases_team;
CREATE INDEX cases_team ON cases (team_id, status, closed_date, id);
DROP INDEX cases_caseload;
CREATE INDEX cases_caseload ON cases (lead_clinician_id, status, closed_date, id);

-- The flag facts of every open case: the latest review and the reviews recorded without their Current
-- View, from the index instead of one table row per review.
DROP INDEX reviews_case;
CREATE INDEX reviews_case ON reviews (case_id, review_date, current_view_id);

-- GBO change at close: the goal and score of each rating given at an ending.
DROP INDEX goal_ratings_ending;
CREATE INDEX goal_ratings_ending ON goal_ratings (ending_id, goal_id, score) WHERE ending_id IS NOT NULL;

-- Endings in the period (reason, whether its Current View is missing, its id for the GBO pairs).
CREATE INDEX endings_case_summary ON endings (case_id, id, reason, current_view_id);

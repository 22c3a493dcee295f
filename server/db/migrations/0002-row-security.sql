-- Up Migration
-- Team scope enforced by the database: row-level security, FORCED on every table, and thrive_api
-- granted only what the API does. The person is set per transaction by server/db/with-person.ts.

CREATE FUNCTION thrive_person() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('thrive.person_id', true), '') $$;

-- SECURITY DEFINER so a policy that asks "which teams is this person in" does not run the memberships
-- policy again (policy recursion). It reads only the current person's own rows.
CREATE FUNCTION thrive_member_teams() RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT team_id FROM memberships WHERE person_id = thrive_person() $$;

-- Which team a case is in, whoever may read it: a push for another team's case is refused as such
-- (403) rather than looking like a new case. Case ids are client-made UUIDv7s; the answer is a team id.
CREATE FUNCTION thrive_case_team(p_case_id text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT team_id FROM cases WHERE id = p_case_id $$;

-- Sign-in: find the person by issuer+subject, else bind the one a service admin granted by email, else
-- create a person with no memberships (who therefore sees nothing). Returns NULL when the email is
-- already bound to another sign-in: that is someone else's account.
CREATE FUNCTION thrive_sign_in(p_issuer text, p_subject text, p_email text, p_name text, p_new_id text)
  RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  found_id text;
BEGIN
  SELECT id INTO found_id FROM people WHERE issuer = p_issuer AND subject = p_subject;
  IF found_id IS NOT NULL THEN
    UPDATE people SET name = p_name WHERE id = found_id AND name IS DISTINCT FROM p_name;
    RETURN found_id;
  END IF;
  SELECT id INTO found_id FROM people WHERE email = lower(p_email) FOR UPDATE;
  IF found_id IS NOT NULL THEN
    UPDATE people SET issuer = p_issuer, subject = p_subject, name = p_name
      WHERE id = found_id AND issuer IS NULL;
    IF NOT FOUND THEN RETURN NULL; END IF;
    RETURN found_id;
  END IF;
  INSERT INTO people (id, issuer, subject, email, name) VALUES (p_new_id, p_issuer, p_subject, lower(p_email), p_name);
  RETURN p_new_id;
END
$$;

REVOKE ALL ON FUNCTION thrive_person(), thrive_member_teams(), thrive_case_team(text),
  thrive_sign_in(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thrive_person(), thrive_member_teams(), thrive_case_team(text),
  thrive_sign_in(text, text, text, text, text) TO thrive_api;

ALTER TABLE server_meta ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE teams ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE people ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE cases ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE team_heads ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE devices ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The definer functions run as the owner, which FORCE subjects to row security too: let the owner read
-- memberships and read/write people (all the functions touch), and nothing else. The admin CLI needs a
-- role that bypasses row security (superuser or BYPASSRLS) and checks that it has one.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_reads ON memberships FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY owner_signs_in ON people TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_reads ON cases FOR SELECT TO %I USING (true)', current_user);
  -- Later migrations record their schema version as the owner.
  EXECUTE format('CREATE POLICY owner_versions ON server_meta TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;

GRANT SELECT ON server_meta TO thrive_api;
CREATE POLICY api_reads ON server_meta FOR SELECT TO thrive_api USING (true);

GRANT SELECT ON teams TO thrive_api;
CREATE POLICY member_reads ON teams FOR SELECT TO thrive_api USING (id IN (SELECT thrive_member_teams()));

GRANT SELECT ON memberships TO thrive_api;
CREATE POLICY member_reads ON memberships FOR SELECT TO thrive_api
  USING (person_id = thrive_person() OR team_id IN (SELECT thrive_member_teams()));

GRANT SELECT ON people TO thrive_api;
CREATE POLICY member_reads ON people FOR SELECT TO thrive_api
  USING (id = thrive_person() OR id IN (SELECT person_id FROM memberships));

GRANT SELECT, INSERT, UPDATE ON cases TO thrive_api;
CREATE POLICY member_reads ON cases FOR SELECT TO thrive_api USING (team_id IN (SELECT thrive_member_teams()));
CREATE POLICY member_inserts ON cases FOR INSERT TO thrive_api WITH CHECK (team_id IN (SELECT thrive_member_teams()));
CREATE POLICY member_updates ON cases FOR UPDATE TO thrive_api
  USING (team_id IN (SELECT thrive_member_teams())) WITH CHECK (team_id IN (SELECT thrive_member_teams()));

GRANT SELECT, UPDATE (last_seq, last_hash) ON team_heads TO thrive_api;
CREATE POLICY member_reads ON team_heads FOR SELECT TO thrive_api USING (team_id IN (SELECT thrive_member_teams()));
CREATE POLICY member_updates ON team_heads FOR UPDATE TO thrive_api
  USING (team_id IN (SELECT thrive_member_teams())) WITH CHECK (team_id IN (SELECT thrive_member_teams()));

GRANT SELECT, INSERT ON change_log TO thrive_api;
CREATE POLICY member_reads ON change_log FOR SELECT TO thrive_api USING (team_id IN (SELECT thrive_member_teams()));
CREATE POLICY author_appends ON change_log FOR INSERT TO thrive_api
  WITH CHECK (team_id IN (SELECT thrive_member_teams()) AND author_id = thrive_person());

GRANT SELECT, INSERT, UPDATE (last_seen_at, last_push_at, last_pull_at) ON devices TO thrive_api;
CREATE POLICY member_reads ON devices FOR SELECT TO thrive_api
  USING (person_id = thrive_person() OR person_id IN (SELECT person_id FROM memberships));
CREATE POLICY own_inserts ON devices FOR INSERT TO thrive_api WITH CHECK (person_id = thrive_person());
CREATE POLICY own_updates ON devices FOR UPDATE TO thrive_api
  USING (person_id = thrive_person()) WITH CHECK (person_id = thrive_person());

UPDATE server_meta SET schema_version = 2;

-- Down Migration
DROP POLICY api_reads ON server_meta;
DROP POLICY owner_versions ON server_meta;
DROP POLICY member_reads ON teams;
DROP POLICY member_reads ON memberships;
DROP POLICY owner_reads ON memberships;
DROP POLICY member_reads ON people;
DROP POLICY owner_signs_in ON people;
DROP POLICY member_reads ON cases;
DROP POLICY member_inserts ON cases;
DROP POLICY member_updates ON cases;
DROP POLICY owner_reads ON cases;
DROP POLICY member_reads ON team_heads;
DROP POLICY member_updates ON team_heads;
DROP POLICY member_reads ON change_log;
DROP POLICY author_appends ON change_log;
DROP POLICY member_reads ON devices;
DROP POLICY own_inserts ON devices;
DROP POLICY own_updates ON devices;
REVOKE ALL ON server_meta, teams, memberships, people, cases, team_heads, change_log, devices FROM thrive_api;
ALTER TABLE server_meta NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE teams NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE people NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE cases NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE team_heads NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE change_log NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
ALTER TABLE devices NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
DROP FUNCTION thrive_sign_in(text, text, text, text, text), thrive_case_team(text), thrive_member_teams(), thrive_person();
UPDATE server_meta SET schema_version = 1;

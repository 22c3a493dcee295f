-- Up Migration
-- The team server's tables (server/README.md). Run as the owner: the role that owns every
-- object here. The API logs in as thrive_api, which owns nothing and cannot bypass row-level security.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'thrive_api') THEN
    CREATE ROLE thrive_api LOGIN;
  END IF;
END
$$;
-- Whatever someone did to the role since, it never gets more than this.
ALTER ROLE thrive_api LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;

CREATE TABLE server_meta (
  singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  server_id       text NOT NULL,
  schema_version  integer NOT NULL
);
INSERT INTO server_meta (server_id, schema_version) VALUES (gen_random_uuid()::text, 1);

CREATE TABLE teams (
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9:_-]{1,64}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A person is created by a grant (email only) or on first sign-in; issuer+subject bind on first sign-in.
CREATE TABLE people (
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9:_-]{1,64}$'),
  issuer      text,
  subject     text,
  email       text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, subject),
  CHECK ((issuer IS NULL) = (subject IS NULL))
);

CREATE TABLE memberships (
  person_id   text NOT NULL REFERENCES people(id),
  team_id     text NOT NULL REFERENCES teams(id),
  role        text NOT NULL CHECK (role IN ('clinician', 'team_lead', 'service_admin')),
  granted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, team_id)
);
CREATE INDEX memberships_team ON memberships (team_id);

-- The latest version of each case; every version is also in change_log.
CREATE TABLE cases (
  id              text PRIMARY KEY,
  team_id         text NOT NULL REFERENCES teams(id),
  version         integer NOT NULL CHECK (version >= 1),
  case_ref        text NOT NULL,
  nhs_number      text,
  lead_person_id  text,
  status          text NOT NULL,
  document        jsonb NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX cases_team ON cases (team_id);
CREATE INDEX cases_nhs_number ON cases (nhs_number) WHERE nhs_number IS NOT NULL;

-- The chain head per team: appending locks this row, so seq is assigned in commit order.
CREATE TABLE team_heads (
  team_id    text PRIMARY KEY REFERENCES teams(id),
  last_seq   bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  last_hash  text NOT NULL
);

-- Append-only: every accepted version of every case, hash-chained per team.
CREATE TABLE change_log (
  team_id          text NOT NULL REFERENCES teams(id),
  seq              bigint NOT NULL CHECK (seq >= 1),
  case_id          text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  author_id        text NOT NULL REFERENCES people(id),
  device_id        text NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  -- sha256 of the request that made this entry: a retry under the same key must be the same request.
  request_hash     text NOT NULL,
  made_at          text NOT NULL,
  at               timestamptz NOT NULL,
  document         jsonb NOT NULL,
  prev_hash        text NOT NULL,
  hash             text NOT NULL,
  PRIMARY KEY (team_id, seq),
  UNIQUE (case_id, version)
);

-- Which devices sync, for whom, and when last: a team lead sees a device unsynced too long.
CREATE TABLE devices (
  id             text NOT NULL,
  person_id      text NOT NULL REFERENCES people(id),
  first_seen_at  timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  last_push_at   timestamptz,
  last_pull_at   timestamptz,
  PRIMARY KEY (id, person_id)
);
CREATE INDEX devices_person ON devices (person_id);

-- Down Migration
DROP TABLE devices, change_log, team_heads, cases, memberships, people, teams, server_meta;

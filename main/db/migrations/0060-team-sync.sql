-- 0060: team sync (docs/team-mode.md). Frozen once landed. New tables only: no existing row is changed.
--
-- The device's side of syncing with a team server (main/sync/). None of these rows is a clinical record:
-- they say what is waiting to be sent and what the server last said, so they are left out of the audit
-- trail's row digests (NOT_AUDITED in main/db/row-digests.ts). What sync does to the records (a pulled
-- change applied, a conflict resolved) is audited like any other write.

-- Key → JSON value: the server's URL and id, this device's id, the signed-in person, the server's team
-- ids, the pull cursor and "as of", the sign-in tokens (main/sync/sign-in.ts).
CREATE TABLE sync_state (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
);

-- One row per audited write of a case of a server team, written in that write's transaction, so a
-- saved change is always either pushed or still waiting here. The idempotency key is made once, here,
-- and sent with the push that covers the entry (main/sync/store.ts nextPush).
CREATE TABLE sync_outbox (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id          TEXT NOT NULL REFERENCES cases(id),
  idempotency_key  TEXT NOT NULL UNIQUE,
  made_by          TEXT NOT NULL,
  made_at          TEXT NOT NULL
);
CREATE INDEX sync_outbox_case ON sync_outbox (case_id, seq);

-- The server version each synced case is at on this device (the If-Match of its next push).
CREATE TABLE sync_cases (
  case_id         TEXT PRIMARY KEY REFERENCES cases(id),
  server_version  INTEGER NOT NULL CHECK (server_version >= 1)
);

-- The push in flight, at most one per case, written BEFORE it is sent: after a lost response or a
-- crash the retry resends exactly this key and body, so the server applies it once.
CREATE TABLE sync_push_attempts (
  case_id          TEXT PRIMARY KEY REFERENCES cases(id),
  idempotency_key  TEXT NOT NULL UNIQUE,
  base_version     INTEGER CHECK (base_version IS NULL OR base_version >= 1),
  -- The newest outbox entry the push covers: entries up to it are done once it is accepted.
  outbox_seq       INTEGER NOT NULL,
  body             TEXT NOT NULL CHECK (json_valid(body)),
  created_at       TEXT NOT NULL
);

-- A case the server moved on while this device had unpushed work: both versions kept until the person
-- chooses. base_document is the server version the local work was made on (NULL until fetched, or for a
-- case new to the server); resolution NULL while open.
CREATE TABLE sync_conflicts (
  id                  TEXT PRIMARY KEY,
  case_id             TEXT NOT NULL REFERENCES cases(id),
  local_document      TEXT NOT NULL CHECK (json_valid(local_document)),
  base_version        INTEGER,
  base_document       TEXT CHECK (base_document IS NULL OR json_valid(base_document)),
  server_version      INTEGER NOT NULL CHECK (server_version >= 1),
  server_author_id    TEXT NOT NULL,
  server_author_name  TEXT NOT NULL,
  server_document     TEXT NOT NULL CHECK (json_valid(server_document)),
  detected_at         TEXT NOT NULL,
  resolution          TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs')),
  resolved_at         TEXT,
  resolved_by         TEXT,
  CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
-- One open conflict per case: a later server version updates it rather than stacking another.
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (case_id) WHERE resolution IS NULL;
CREATE INDEX sync_conflicts_case ON sync_conflicts (case_id, detected_at);

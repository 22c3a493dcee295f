-- Up Migration
-- What each device's outbox held at its last contact (shared/sync/protocol.ts PENDING_HEADER), so a
-- team lead can see work waiting on a colleague's laptop that has stopped syncing. The device reports
-- them; the time of contact stays the server's own (last_seen_at).

ALTER TABLE devices ADD COLUMN pending_count integer CHECK (pending_count >= 0),
                    ADD COLUMN oldest_pending_at timestamptz;
GRANT UPDATE (pending_count, oldest_pending_at) ON devices TO thrive_api;

UPDATE server_meta SET schema_version = 4;

-- Down Migration
REVOKE UPDATE (pending_count, oldest_pending_at) ON devices FROM thrive_api;
ALTER TABLE devices DROP COLUMN pending_count, DROP COLUMN oldest_pending_at;
UPDATE server_meta SET schema_version = 3;

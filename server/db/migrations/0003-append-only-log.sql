-- Up Migration
-- The change log is append-only for everyone, the owner and superusers included: the grants never
-- allowed thrive_api to change it, and this trigger refuses UPDATE, DELETE and TRUNCATE outright.
-- (A superuser can still disable the trigger; the hash chain, checked by `verify-chain`, catches that.)

REVOKE UPDATE, DELETE, TRUNCATE ON change_log FROM PUBLIC, thrive_api;

CREATE FUNCTION thrive_refuse_change_log_edit() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'change_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log
  FOR EACH ROW EXECUTE FUNCTION thrive_refuse_change_log_edit();
CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
  FOR EACH STATEMENT EXECUTE FUNCTION thrive_refuse_change_log_edit();

UPDATE server_meta SET schema_version = 3;

-- Down Migration
DROP TRIGGER change_log_no_truncate ON change_log;
DROP TRIGGER change_log_append_only ON change_log;
DROP FUNCTION thrive_refuse_change_log_edit();
UPDATE server_meta SET schema_version = 2;

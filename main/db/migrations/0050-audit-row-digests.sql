-- 0050: audit row digests. Frozen once landed.
--
-- Each audit entry gains the digests of the rows its write left (main/db/row-digests.ts), inside the
-- entry's hash, so `thrive verify-audit` can check the records as they stand against the trail and name
-- a row changed, removed or added behind the app's back. Entries written before this have none: the
-- migration's code step (main/db/audit-baseline.ts) appends baseline entries digesting every row as it
-- is at the upgrade, in the same transaction, so an upgraded database verifies clean from then on.
ALTER TABLE audit_log ADD COLUMN row_digests TEXT CHECK (row_digests IS NULL OR json_valid(row_digests));

/**
 * The baseline of migration 0050: every record row as it stands at the upgrade, digested into audit
 * entries (a few hundred rows each, so no entry grows with the caseload), so verify-audit has a digest
 * for each row written before entries carried them. It cannot tell whether those older rows had been
 * edited before the upgrade: that is what the baseline vouches for, and docs/security-hardening.md says so.
 */
import { appendAudit } from './repos/audit';
import { auditedTables, liveRows, type RowDigest } from './row-digests';
import type { Db } from './sql';

const ROWS_PER_ENTRY = 500;
export const BASELINE_ACTION = 'audit.baseline';

export function appendAuditBaseline(db: Db, at: string): void {
  for (const t of auditedTables(db)) {
    let chunk: RowDigest[] = [];
    const flush = () => {
      if (chunk.length === 0) return;
      appendAudit(db, { at, actorId: 'system:upgrade', action: BASELINE_ACTION, entity: 'table', entityId: t.name, after: { rows: chunk.length } }, chunk);
      chunk = [];
    };
    for (const { key, digests } of liveRows(db, t)) {
      chunk.push([t.name, key, digests]);
      if (chunk.length === ROWS_PER_ENTRY) flush();
    }
    flush();
  }
}

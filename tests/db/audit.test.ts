import { describe, expect, it } from 'vitest';
import { appendAudit, countAudit, verifyAuditChain } from '../../main/db/repos/audit';
import { openDatabase } from '../../main/db/open';
import { writeTx } from '../../main/db/sql';
import { verifyRecords } from '../../main/db/verify-audit';
import { TEST_KEY, tempDbPath } from '../support/temp-db';

function withEntries(n: number) {
  const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
  for (let i = 0; i < n; i++) {
    appendAudit(db, {
      at: `2026-11-22T12:00:0${i}.000Z`,
      actorId: 'clinician-1',
      caseId: 'case-1',
      action: 'case.open',
      entity: 'case',
      entityId: `case-${i}`,
      after: { n: i },
    });
  }
  return db;
}

describe('audit trail', () => {
  it('refuses to change or remove an entry', () => {
    const db = withEntries(2);
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor_id = 'someone-else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(countAudit(db)).toBe(2);
    } finally {
      db.close();
    }
  });

  it('chains each entry to the one before, and the chain verifies', () => {
    const db = withEntries(3);
    try {
      const rows = db.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY seq').all() as Array<{ prev_hash: string; hash: string }>;
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
      expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
      expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
      expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
    } finally {
      db.close();
    }
  });

  it('shows where the chain breaks when an entry is edited behind the triggers', () => {
    const db = withEntries(3);
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare('UPDATE audit_log SET after = ? WHERE seq = 2').run(JSON.stringify({ n: 99 }));
      expect(verifyAuditChain(db)).toEqual({ ok: false, seq: 2, problem: 'was changed after it was written' });
    } finally {
      db.close();
    }
  });

  it('shows where the chain breaks when an entry is removed behind the triggers', () => {
    const db = withEntries(3);
    try {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
      expect(verifyAuditChain(db)).toEqual({ ok: false, seq: 3, problem: 'does not follow the entry before it' });
    } finally {
      db.close();
    }
  });
});

describe('a bulk write in the audit trail', () => {
  it('spreads its rows over entries of at most 500, in the same transaction, and the records still verify', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    try {
      const before = countAudit(db);
      writeTx(db, () => {
        const insert = db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)');
        for (let i = 0; i < 1201; i++) insert.run(`team-${i}`, `Team ${i}`, '2026-11-22T12:00:00.000Z');
        appendAudit(db, { at: '2026-11-22T12:00:00.000Z', actorId: 'clinician-1', action: 'import.commit', entity: 'import', entityId: 'file-1' });
      });
      const entries = db
        .prepare('SELECT action, json_array_length(row_digests) AS rows FROM audit_log WHERE seq > ? ORDER BY seq')
        .all(before) as Array<{ action: string; rows: number }>;
      expect(entries).toEqual([
        { action: 'records.write', rows: 500 },
        { action: 'records.write', rows: 500 },
        { action: 'import.commit', rows: 201 },
      ]);
      expect(verifyAuditChain(db).ok).toBe(true);
      expect(verifyRecords(db)).toMatchObject({ records: [] });
    } finally {
      db.close();
    }
  });
});

/**
 * `thrive verify-audit` checks the records against the audit trail and the trail against its anchor
 * outside the file: edits made with the key through another SQLite tool (bypassing the app) are
 * reported row by row (table, id, fields, case), and so are a shortened or recomputed trail.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { readKeyFile } from '../../main/db/key-file';
import { auditHash, type AuditRow } from '../../main/db/repos/audit';
import { sqlString, type Db } from '../../main/db/sql';
import { tempDbPath } from '../support/temp-db';

async function thrive(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

/** The demo caseload in a fresh database, as a person would make it. */
async function demoDatabase(): Promise<string> {
  const db = tempDbPath();
  expect((await thrive(['--db', db, 'init'])).code).toBe(0);
  expect((await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo'])).code).toBe(0);
  return db;
}

/** Another SQLite tool holding the key: no app, no triggers of the app's connection, no foreign keys. */
function tamper<T>(dbPath: string, edit: (db: Db) => T): T {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma(`hexkey=${sqlString(readKeyFile(`${dbPath}.key`))}`);
    return edit(db);
  } finally {
    db.close();
  }
}

async function verify(dbPath: string) {
  return thrive(['--db', dbPath, 'verify-audit']);
}

describe('thrive verify-audit', () => {
  it('verifies the untouched demo database clean: chain, anchor and every record', async () => {
    const db = await demoDatabase();
    const r = await verify(db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Audit trail intact: \d+ entries, chain verified$/m);
    expect(r.out).toMatch(/the trail holds entry \d+ as anchored/);
    expect(r.out).toMatch(/Records: \d{3,} rows checked, every one as the audit trail says it was written\./);
  });

  it("reports a young person's name and NHS number changed behind the app, with the case", async () => {
    const db = await demoDatabase();
    const { id, caseRef } = tamper(db, (d) => {
      const row = d.prepare('SELECT y.id, c.case_ref AS caseRef FROM young_people y JOIN cases c ON c.young_person_id = y.id ORDER BY c.case_ref LIMIT 1').get() as { id: string; caseRef: string };
      d.prepare("UPDATE young_people SET name = 'Someone Else', nhs_number = '9434765870' WHERE id = ?").run(row.id);
      return row;
    });
    const r = await verify(db);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Records: 1 of ');
    expect(r.out).toMatch(new RegExp(`  young_people ${id}: changed outside THRIVE Plans \\(name, nhs_number\\); last written by audit entry \\d+; case ${caseRef}`));
    // The report names fields, never their values.
    expect(r.out).not.toContain('Someone Else');
    expect(r.out).not.toContain('9434765870');
  });

  it('reports a GBO score changed behind the app', async () => {
    const db = await demoDatabase();
    const { id, caseRef } = tamper(db, (d) => {
      const row = d
        .prepare('SELECT r.id, c.case_ref AS caseRef FROM goal_ratings r JOIN goals g ON g.id = r.goal_id JOIN cases c ON c.id = g.case_id LIMIT 1')
        .get() as { id: string; caseRef: string };
      d.prepare('UPDATE goal_ratings SET score = CASE WHEN score = 10 THEN 0 ELSE score + 1 END WHERE id = ?').run(row.id);
      return row;
    });
    const r = await verify(db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`  goal_ratings ${id}: changed outside THRIVE Plans \\(score\\); last written by audit entry \\d+; case ${caseRef}`));
  });

  it("reports a review's ratings deleted, and a rating no audit entry wrote", async () => {
    const db = await demoDatabase();
    const { removed, caseRef, added } = tamper(db, (d) => {
      const review = d.prepare('SELECT r.id, c.case_ref AS caseRef FROM reviews r JOIN cases c ON c.id = r.case_id WHERE EXISTS (SELECT 1 FROM goal_ratings g WHERE g.review_id = r.id) LIMIT 1').get() as { id: string; caseRef: string };
      const ids = d.prepare('SELECT id FROM goal_ratings WHERE review_id = ? ORDER BY id').pluck().all(review.id) as string[];
      d.prepare('DELETE FROM goal_ratings WHERE review_id = ?').run(review.id);
      const goal = d.prepare('SELECT g.id FROM goals g JOIN cases c ON c.id = g.case_id WHERE c.case_ref = ? LIMIT 1').pluck().get(review.caseRef) as string;
      d.prepare("INSERT INTO goal_ratings (id, goal_id, rated_on, score, context, created_at, created_by) VALUES ('forged-rating', ?, '2026-11-01', 9, 'session', '2026-11-01T10:00:00.000Z', 'x')").run(goal);
      return { removed: ids, caseRef: review.caseRef, added: 'forged-rating' };
    });
    expect(removed.length).toBeGreaterThan(0);
    const r = await verify(db);
    expect(r.code).toBe(1);
    for (const id of removed) expect(r.out).toMatch(new RegExp(`  goal_ratings ${id}: removed outside THRIVE Plans; last written by audit entry \\d+; case ${caseRef}`));
    expect(r.out).toContain(`  goal_ratings ${added}: not written by THRIVE Plans (no audit entry accounts for it); case ${caseRef}`);
  });

  it('detects the last entries of the trail removed (the chain alone still verifies)', async () => {
    const db = await demoDatabase();
    tamper(db, (d) => {
      d.exec('DROP TRIGGER audit_log_no_delete');
      d.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)');
    });
    const r = await verify(db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Audit trail intact/m);
    expect(r.out).toMatch(/disagrees with the trail: the trail ends at entry (\d+), but it held at least \d+ entries: entries were removed from its end\./);
    // And the anchor is kept as the evidence: a second look says the same.
    expect((await verify(db)).out).toMatch(/entries were removed from its end/);
  });

  it('detects an entry edited and every later hash recomputed', async () => {
    const db = await demoDatabase();
    tamper(db, (d) => {
      d.exec('DROP TRIGGER audit_log_no_update');
      const rows = d.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
      const target = Math.floor(rows.length / 2);
      let prev = rows[target - 1]!.hash;
      const update = d.prepare('UPDATE audit_log SET actor_id = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      for (const row of rows.slice(target)) {
        const edited = { ...row, actor_id: row.seq === rows[target]!.seq ? 'someone-else' : row.actor_id, prev_hash: prev };
        const hash = auditHash(edited);
        update.run(edited.actor_id, prev, hash, row.seq);
        prev = hash;
      }
    });
    const r = await verify(db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Audit trail intact/m);
    expect(r.out).toMatch(/disagrees with the trail: entry \d+ is not the entry the trail held: the trail was rewritten/);
  });

  it('raises no false alarm when the process died between a commit and the anchor update', async () => {
    const db = await demoDatabase();
    const anchor = `${db}.audit-anchor`;
    const before = readFileSync(anchor);
    // A save, then the anchor as a crash before its rename would leave it: one write behind.
    expect((await thrive(['--db', db, 'call', 'settings:update', '{"dueSoonDays": 10}'])).code).toBe(0);
    expect(readFileSync(anchor).equals(before)).toBe(false);
    writeFileSync(anchor, before);
    const r = await verify(db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Records: \d+ rows checked, every one as the audit trail says/);
  });

  it('raises no false alarm when a crash tore the anchor slot being written: the other slot holds the one before', async () => {
    const db = await demoDatabase();
    const anchor = `${db}.audit-anchor`;
    expect((await thrive(['--db', db, 'call', 'settings:update', '{"dueSoonDays": 10}'])).code).toBe(0);
    expect((await thrive(['--db', db, 'call', 'settings:update', '{"dueSoonDays": 11}'])).code).toBe(0);
    const bytes = readFileSync(anchor);
    expect(bytes.length).toBe(1024);
    // Whichever slot holds the newer anchor, torn half way.
    const newer = JSON.parse(bytes.subarray(0, 512).toString()).seq > JSON.parse(bytes.subarray(512).toString()).seq ? 0 : 512;
    bytes.fill(0, newer + 100, newer + 512);
    writeFileSync(anchor, bytes);
    const r = await verify(db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/the trail holds entry \d+ as anchored/);
  });

  it('refuses an anchor not written with the key (edited by hand, or another database\'s)', async () => {
    const db = await demoDatabase();
    const other = await demoDatabase();
    copyFileSync(`${other}.audit-anchor`, `${db}.audit-anchor`);
    const r = await verify(db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/was not written with this database's key/);
  });
});

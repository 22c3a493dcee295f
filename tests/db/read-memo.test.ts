/** A read reused only while SQLite says nothing changed (main/db/read-memo.ts). */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { memoUntilChanged } from '../../main/db/read-memo';
import { TEST_KEY, tempDbPath } from '../support/temp-db';

function counted(db: ReturnType<typeof openDatabase>) {
  let computed = 0;
  const read = (key = 'k') =>
    memoUntilChanged(db, 'teams', key, () => {
      computed++;
      return db.prepare('SELECT name FROM teams ORDER BY name').pluck().all();
    });
  return { read, computed: () => computed };
}

describe('memoUntilChanged', () => {
  it('answers a repeated read from the first result while nothing is written', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    const { read, computed } = counted(db);
    const first = read();
    expect(read()).toBe(first);
    expect(computed()).toBe(1);
    expect(read('other key')).toEqual(first);
    expect(computed()).toBe(2);
    db.close();
  });

  it('reads again after any write on the same connection, even to another table', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    const { read, computed } = counted(db);
    expect(read()).toEqual([]);
    db.prepare("INSERT INTO teams VALUES ('t1', 'North', 'x')").run();
    expect(read()).toEqual(['North']);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('dueSoonDays', '9', 'x')").run();
    read();
    expect(computed()).toBe(3);
    db.close();
  });

  it('reads again after another connection (the CLI, a scheduled job) commits', () => {
    const path = tempDbPath();
    const app = openDatabase({ path, key: TEST_KEY, create: true });
    const cli = openDatabase({ path, key: TEST_KEY });
    const { read } = counted(app);
    expect(read()).toEqual([]);
    cli.prepare("INSERT INTO teams VALUES ('t1', 'South', 'x')").run();
    expect(read()).toEqual(['South']);
    cli.close();
    app.close();
  });

  it('never reuses inside a transaction, whose writes may be rolled back', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    const { read, computed } = counted(db);
    expect(() =>
      db.transaction(() => {
        db.prepare("INSERT INTO teams VALUES ('t1', 'Doomed', 'x')").run();
        expect(read()).toEqual(['Doomed']);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(read()).toEqual([]);
    expect(computed()).toBe(2);
    db.close();
  });
});

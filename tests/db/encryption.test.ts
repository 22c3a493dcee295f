import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { WRONG_KEY_MESSAGE } from '../../main/db/errors';
import { generateDatabaseKey } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { openErrorReason, TEST_KEY, tempDbPath } from '../support/temp-db';

const NAME = 'Zebedee Quillfeather';

describe('encryption at rest', () => {
  it('holds no plaintext in the database file or its WAL', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    db.prepare("INSERT INTO young_people VALUES ('y1', ?, '2012-01-01', NULL, 'x', 'x')").run(NAME);
    // Still open: the row is in the WAL, not yet checkpointed into the main file.
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    for (const file of [path, `${path}-wal`]) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(NAME)), file).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), file).toBe(false);
      expect(bytes.includes(Buffer.from('young_people')), file).toBe(false);
    }
    db.close();
    expect(readFileSync(path).includes(Buffer.from(NAME))).toBe(false);
  });

  it('is refused with a clear message when the key is wrong', () => {
    const path = tempDbPath();
    openDatabase({ path, key: TEST_KEY, create: true }).close();
    const wrong = generateDatabaseKey();
    expect(() => openDatabase({ path, key: wrong })).toThrow(WRONG_KEY_MESSAGE);
    expect(openErrorReason(() => openDatabase({ path, key: wrong }))).toBe('wrong_key');
  });

  it('is refused with the same message for a plain, unencrypted SQLite file', () => {
    const path = tempDbPath();
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(() => openDatabase({ path, key: TEST_KEY })).toThrow(WRONG_KEY_MESSAGE);
  });

  it('refuses a key that is not 64 hex characters before touching the file', () => {
    const path = tempDbPath();
    expect(openErrorReason(() => openDatabase({ path, key: 'password123' }))).toBe('bad_key_format');
    expect(existsSync(path)).toBe(false);
  });
});

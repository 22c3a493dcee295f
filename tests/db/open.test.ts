import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { createAppServices } from '../../main/app-services';
import { loadOrCreateKeyFile, readKeyFile } from '../../main/db/key-file';
import { LATEST_VERSION, MIGRATIONS } from '../../main/db/migrate';
import { isNetworkPath, openDatabase } from '../../main/db/open';
import { openErrorReason, TEST_KEY, tempDbPath } from '../support/temp-db';

describe('opening', () => {
  it('sets the pragmas the reliability bar asks for', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
      expect(db.pragma('cache_size', { simple: true })).toBe(-131072); // 128 MB of decrypted pages
    } finally {
      db.close();
    }
  });

  it.each(['\\\\server\\share\\thrive.db', '//server/share/thrive.db', '\\\\?\\UNC\\server\\share\\thrive.db'])(
    'refuses the network path %s',
    (path) => {
      expect(isNetworkPath(path)).toBe(true);
      expect(openErrorReason(() => openDatabase({ path, key: TEST_KEY }))).toBe('network_path');
    },
  );

  it('accepts local paths', () => {
    expect(isNetworkPath('C:\\Users\\sam\\AppData\\Local\\THRIVE Plans\\thrive.db')).toBe(false);
    expect(isNetworkPath('/home/sam/.local/share/thrive.db')).toBe(false);
    expect(isNetworkPath('\\\\?\\C:\\Users\\sam\\thrive.db')).toBe(false);
  });

  it('opens read-only without changing anything, and refuses a read-only open that would need an upgrade', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    db.exec("INSERT INTO teams VALUES ('t1', 'Team', 'x')");
    db.close();
    const reader = openDatabase({ path, key: TEST_KEY, readonly: true });
    expect(reader.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Team']);
    expect(() => reader.exec("INSERT INTO teams VALUES ('t2', 'Other', 'x')")).toThrow(/readonly/);
    reader.close();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 10, name: 'test-extra', sql: 'CREATE TABLE extra (id TEXT);' }];
    expect(openErrorReason(() => openDatabase({ path, key: TEST_KEY, readonly: true, migrations: next }))).toBe('needs_migration');
  });

  it('reports a damaged file as damaged rather than opening it', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    const insert = db.prepare("INSERT INTO young_people VALUES (?, 'Name', '2012-01-01', NULL, 'x', 'x')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`y${i}`);
    })();
    db.close();
    const bytes = readFileSync(path);
    // Overwrite pages in the middle of the file (past the header page, so the key still verifies).
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    expect(openErrorReason(() => openDatabase({ path, key: TEST_KEY }))).toBe('corrupt');
  });
});

describe('key files', () => {
  it('creates a random 256-bit key readable only by its owner, and reads the same key back', () => {
    const file = `${tempDbPath()}.key`;
    const key = loadOrCreateKeyFile(file);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(file)).toBe(key);
    expect(readKeyFile(file)).toBe(key);
    expect(loadOrCreateKeyFile(`${tempDbPath()}.key`)).not.toBe(key);
  });

  it('refuses a malformed key file rather than replacing it', () => {
    const file = `${tempDbPath()}.key`;
    writeFileSync(file, 'not a key\n', { mode: 0o600 });
    expect(openErrorReason(() => loadOrCreateKeyFile(file))).toBe('bad_key_format');
    expect(readFileSync(file, 'utf8')).toBe('not a key\n');
  });

  it('gives a new database a key file beside it, and refuses an existing database whose key file is missing', () => {
    const dbPath = tempDbPath();
    const services = createAppServices({ dbPath, create: true, clock: fixedClock('2026-11-22'), log: () => {} });
    services.close();
    expect(readKeyFile(`${dbPath}.key`)).toMatch(/^[0-9a-f]{64}$/);
    const reopened = createAppServices({ dbPath, clock: fixedClock('2026-11-22'), log: () => {} });
    reopened.close();
    expect(openErrorReason(() => createAppServices({ dbPath, keyFile: `${dbPath}.other-key`, clock: fixedClock('2026-11-22') }))).toBe('key_file_missing');
  });
});

/**
 * Backups from several processes at once (docs/clinical-safety/hazard-log.md H34): the app's backup on
 * closing or in its worker thread can coincide with a scheduled `thrive backup`. Four `thrive backup`
 * processes start together, ten rounds running: none may fail, every backup each one reports must be
 * there afterwards and open with the key and pass quick_check, and status.json must read as JSON
 * whenever it is looked at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyFile } from '../../main/db/key-file';
import { checkBackupFile } from '../../main/backup/verify';
import { tempDir } from '../support/temp-db';
import { spawnThrive as thrive } from '../support/cli-bundle';

const ROUNDS = 10;
const AT_ONCE = 4;

describe('concurrent backups', () => {
  it(`${AT_ONCE} thrive backup processes at once, ${ROUNDS} rounds: no failure, every backup kept and valid`, { timeout: 240_000 }, async () => {
    const dbPath = join(tempDir(), 'thrive.db');
    expect((await thrive(['--db', dbPath, 'init'])).code).toBe(0);
    const seeded = await thrive(['--db', dbPath, '--today', '2026-11-22', 'seed-demo']);
    expect(seeded.code, seeded.err).toBe(0);
    const key = readKeyFile(`${dbPath}.key`);
    const folder = join(dirname(dbPath), 'backups');
    const status = join(folder, 'status.json');

    const failures: string[] = [];
    const invalid: string[] = [];
    let tornStatus = 0;
    let statusReads = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      let running = true;
      // status.json read while the four run: it must always be whole JSON.
      const watcher = (async () => {
        while (running) {
          if (existsSync(status)) {
            statusReads++;
            try {
              JSON.parse(readFileSync(status, 'utf8'));
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOENT') tornStatus++;
            }
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const runs = await Promise.all(Array.from({ length: AT_ONCE }, () => thrive(['--db', dbPath, 'backup'])));
      running = false;
      await watcher;
      for (const run of runs) {
        if (run.code !== 0) {
          failures.push(`round ${round}: exit ${run.code}: ${run.err.trim()}`);
          continue;
        }
        const file = /: (\S+thrive-backup-[\d-]+\.db) \(/.exec(run.out)?.[1];
        if (!file || !existsSync(file)) {
          invalid.push(`round ${round}: ${file ?? run.out.trim()} is gone`);
          continue;
        }
        try {
          checkBackupFile(file, key, { full: false });
        } catch (error) {
          invalid.push(`round ${round}: ${file}: ${(error as Error).message}`);
        }
      }
      expect(() => JSON.parse(readFileSync(status, 'utf8')), `round ${round}: status.json`).not.toThrow();
    }
    console.info(
      `concurrent backups: ${failures.length} of ${ROUNDS * AT_ONCE} runs failed, ${invalid.length} reported backups missing or invalid, ` +
        `${tornStatus} of ${statusReads} status.json reads not JSON`,
    );
    expect(failures).toEqual([]);
    expect(invalid).toEqual([]);
    expect(tornStatus).toBe(0);
  });
});

/**
 * The daily backup off the main thread. At 100k cases a backup is VACUUM INTO of 1.7 GB and then
 * quick_check, integrity_check and foreign_key_check of the copy: tens of seconds that held the whole
 * app at unlock (docs/performance.md). In the worker it runs on a read-only connection of its own —
 * VACUUM INTO copies one consistent snapshot, and in WAL mode the app goes on saving meanwhile; what is
 * saved after the snapshot is in the next backup.
 */
import { performance } from 'node:perf_hooks';
import type { BackupInfo } from '../../shared/ipc/security-types';
import { openDatabase } from '../db/open';
import { runJob } from '../workers/run-job';
import { createBackup, type BackupReason } from './backup';
import { copyKeystoreBeside } from './service';

export interface BackupRequest {
  /** The database file and its data key (the copy is encrypted with the same key). */
  path: string;
  key: string;
  /** The backups folder. */
  dir: string;
  /** The time the backup is named and recorded by (the session's clock, read when it starts). */
  now: string;
  reason: BackupReason;
}

export type BackupOutcome =
  | { ok: true; info: BackupInfo; ms: number; logs: string[] }
  /** `started` false: the worker never ran the backup (the session then takes it on the main thread). */
  | { ok: false; started: boolean; message: string; logs: string[] };

export type BackgroundBackup = (request: BackupRequest) => Promise<BackupOutcome>;

/** The backup as the worker runs it. A failure is recorded in status.json by createBackup, as on the main thread. */
export function takeBackup(request: BackupRequest): BackupOutcome {
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const started = performance.now();
  try {
    // Read-only and without its own check: the session starts this only after the check has passed.
    const db = openDatabase({ path: request.path, key: request.key, readonly: true, quickCheck: 'deferred' });
    try {
      const clock = { now: () => request.now, today: () => request.now.slice(0, 10) };
      const info = createBackup(db, { dir: request.dir, key: request.key, clock, reason: request.reason, log });
      copyKeystoreBeside(request.path, request.dir);
      return { ok: true, info, ms: performance.now() - started, logs };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, started: true, message: error instanceof Error ? error.message : String(error), logs };
  }
}

/** The backup in a worker thread running `workerFile` (dist/main/db-worker.js in the app). */
export function workerBackup(workerFile: string): BackgroundBackup {
  return async (request) => {
    const answer = await runJob<BackupOutcome>(workerFile, { kind: 'backup', ...request });
    return answer.ok ? answer.value : { ok: false, started: false, message: answer.message, logs: [] };
  };
}

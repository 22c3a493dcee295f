/**
 * quick_check off the main thread. At 100k cases the check reads and decrypts 1.7 GB (about 17 s on a
 * 2-core laptop, docs/performance.md); run at unlock on the main thread it froze the whole app for that
 * long. The session opens with the check deferred, holds writes (PRAGMA query_only) and starts this;
 * what it reports decides between "carry on" and the quarantine-and-restore path (main/backup/recovery.ts).
 */
import { Worker } from 'node:worker_threads';
import { DatabaseOpenError, type DatabaseOpenProblem } from './errors';

export interface CheckRequest {
  path: string;
  key: string;
}

export type CheckReport =
  | { ok: true; ms: number }
  | { ok: false; ms: number; reason: DatabaseOpenProblem | null; message: string; sqliteCode: string | null };

/** Checks the database file at `path` and resolves with what it found; never rejects. */
export type BackgroundCheck = (request: CheckRequest) => Promise<CheckReport>;

/** The check in a worker thread running `workerFile` (dist/main/check-worker.js in the app). */
export function workerCheck(workerFile: string): BackgroundCheck {
  return (request) =>
    new Promise<CheckReport>((resolve) => {
      const started = Date.now();
      let settled = false;
      const settle = (report: CheckReport) => {
        if (settled) return;
        settled = true;
        resolve(report);
      };
      // The worker never got as far as checking (missing file, out of memory): not damage, and said so.
      const failed = (message: string) => settle({ ok: false, ms: Date.now() - started, reason: null, message, sqliteCode: null });
      let worker: Worker;
      try {
        worker = new Worker(workerFile, { workerData: request });
      } catch (error) {
        failed(`the database check could not start: ${(error as Error).message}`);
        return;
      }
      worker.once('message', (report: CheckReport) => settle(report));
      worker.once('error', (error) => failed(`the database check stopped: ${error.message}`));
      worker.once('exit', (code) => failed(`the database check ended without an answer (exit ${code})`));
    });
}

/** The report as the error an open would have thrown, for classifyOpenError. */
export function reportAsError(report: Extract<CheckReport, { ok: false }>): Error {
  const cause = report.sqliteCode ? Object.assign(new Error(report.message), { code: report.sqliteCode }) : undefined;
  if (report.reason) return new DatabaseOpenError(report.reason, report.message, cause ? { cause } : undefined);
  return cause ?? new Error(report.message);
}

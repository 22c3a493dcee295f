/**
 * quick_check off the main thread. At 100k cases the check reads and decrypts 1.7 GB (about 17 s on a
 * 2-core laptop, docs/performance.md); run at unlock on the main thread it froze the whole app for that
 * long. The session opens with the check deferred, holds writes (PRAGMA query_only) and starts this;
 * what it reports decides between "carry on" and the quarantine-and-restore path (main/backup/recovery.ts).
 */
import { performance } from 'node:perf_hooks';
import { runJob } from '../workers/run-job';
import { DatabaseOpenError, type DatabaseOpenProblem } from './errors';
import { openDatabase } from './open';

export interface CheckRequest {
  path: string;
  key: string;
}

export type CheckReport =
  | { ok: true; ms: number }
  | { ok: false; ms: number; reason: DatabaseOpenProblem | null; message: string; sqliteCode: string | null };

/** Checks the database file at `path` and resolves with what it found; never rejects. */
export type BackgroundCheck = (request: CheckRequest) => Promise<CheckReport>;

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The check itself, as the worker runs it: its own read-only connection (in WAL mode a reader sees one
 * consistent snapshot and never blocks the app's writer) and the same open as the app (key, verify,
 * pragmas, quick_check, no pending migration). Nothing here writes.
 */
export function checkDatabaseFile(request: CheckRequest): CheckReport {
  const started = performance.now();
  try {
    openDatabase({ path: request.path, key: request.key, readonly: true }).close();
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return {
      ok: false,
      ms: performance.now() - started,
      reason: error instanceof DatabaseOpenError ? error.reason : null,
      message: error instanceof Error ? error.message : String(error),
      sqliteCode: sqliteCode(cause) ?? sqliteCode(error) ?? null,
    };
  }
}

/** The check in a worker thread running `workerFile` (dist/main/db-worker.js in the app). */
export function workerCheck(workerFile: string): BackgroundCheck {
  return async (request) => {
    const started = Date.now();
    const answer = await runJob<CheckReport>(workerFile, { kind: 'check', ...request });
    // The worker never got as far as checking: not damage, and said so (the session checks on the main thread).
    return answer.ok ? answer.value : { ok: false, ms: Date.now() - started, reason: null, message: answer.message, sqliteCode: null };
  };
}

/** The report as the error an open would have thrown, for classifyOpenError. */
export function reportAsError(report: Extract<CheckReport, { ok: false }>): Error {
  const cause = report.sqliteCode ? Object.assign(new Error(report.message), { code: report.sqliteCode }) : undefined;
  if (report.reason) return new DatabaseOpenError(report.reason, report.message, cause ? { cause } : undefined);
  return cause ?? new Error(report.message);
}

/**
 * The worker thread that checks the database while the app is already in use (bundled on its own as
 * dist/main/check-worker.js). It opens its own read-only connection — in WAL mode a reader sees one
 * consistent snapshot and never blocks the app's writer — runs the same open as the app (key, verify,
 * pragmas, quick_check, no pending migration) and reports back once. Nothing here writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { DatabaseOpenError } from './errors';
import { openDatabase } from './open';
import type { CheckReport, CheckRequest } from './background-check';

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function run(request: CheckRequest): CheckReport {
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

parentPort?.postMessage(run(workerData as CheckRequest));

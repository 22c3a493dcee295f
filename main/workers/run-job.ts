/**
 * One job in a worker thread, one answer back. The heavy database work that used to hold the main
 * process (quick_check and the daily backup of a large database, docs/performance.md) runs in
 * dist/main/db-worker.js on a connection of its own; the main process stays free to answer the window.
 */
import { Worker } from 'node:worker_threads';

export type JobAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs `job` in a worker thread running `workerFile`; resolves with its one message, never rejects. */
export function runJob<T>(workerFile: string, job: unknown): Promise<JobAnswer<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: JobAnswer<T>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: job });
    } catch (error) {
      settle({ ok: false, message: `the worker thread could not start: ${(error as Error).message}` });
      return;
    }
    worker.once('message', (value: T) => settle({ ok: true, value }));
    worker.once('error', (error) => settle({ ok: false, message: `the worker thread stopped: ${error.message}` }));
    worker.once('exit', (code) => settle({ ok: false, message: `the worker thread ended without an answer (exit ${code})` }));
  });
}

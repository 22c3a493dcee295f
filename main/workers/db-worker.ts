/**
 * The worker thread for database work that must not hold the main process (bundled on its own as
 * dist/main/db-worker.js): the check at unlock and the daily backup. Each job opens its own read-only
 * connection and posts one answer. The jobs' logic lives beside what it serves; this only routes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeBackup, type BackupRequest } from '../backup/background-backup';
import { checkDatabaseFile, type CheckRequest } from '../db/background-check';

type Job = ({ kind: 'check' } & CheckRequest) | ({ kind: 'backup' } & BackupRequest);

const job = workerData as Job;
parentPort?.postMessage(job.kind === 'backup' ? takeBackup(job) : checkDatabaseFile(job));

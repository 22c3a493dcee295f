/**
 * The database check at unlock, run off the main thread. The database is opened without quick_check
 * (at 100k cases the check reads 1.7 GB and took ~17 s on the main thread, freezing the app); writes
 * are held with PRAGMA query_only until a worker thread has checked the file. Then:
 * - sound: writes are allowed, the copy of the log as found is dropped, the daily backup is taken;
 * - damaged: the session closes its connection and the usual recovery runs (quarantine, never delete;
 *   the newest good backup restored; the notice shown at the next unlock). No write of this session
 *   can be lost, because none was allowed;
 * - the worker could not check (it did not start, or failed for a reason that is not damage): the check
 *   runs here on the main thread, as it did before, rather than be skipped.
 */
import type { Clock } from '../../shared/clock';
import type { AppServices } from '../app-services';
import { acceptCheckedDatabase, classifyOpenError, recoverAfterFailedCheck } from '../backup/recovery';
import { backupFolderFor } from '../backup/service';
import { reportAsError, type BackgroundCheck, type CheckReport } from '../db/background-check';
import { quickCheck } from '../db/open';
import type { Db } from '../db/sql';

export interface StartupCheckOptions {
  dbPath: string;
  clock: Clock;
  log: (message: string) => void;
  check: BackgroundCheck;
  /** Whether these services, on this connection, are still what the session serves (not locked or restored since). */
  isCurrent: (services: AppServices, db: Db) => boolean;
  passed: (services: AppServices) => void;
  /** Damage was found: the session closes its services (it locks) before the file is set aside. */
  closeForRecovery: () => void;
  /** A backup was restored in place of the damaged file; `notice` is for the next unlock. */
  recovered: (notice: string) => void;
  /** Damaged and no backup could replace it (the files are as they were). */
  unrecoverable: (error: Error) => void;
}

export interface StartupCheck {
  /** Holds writes on the services' connection and checks the file behind it in the background. */
  start(services: AppServices, key: string, walAsFound: string | null): void;
  /** The running check, or null when none is. */
  pending(): Promise<void> | null;
}

export function createStartupCheck(opts: StartupCheckOptions): StartupCheck {
  let running: Promise<void> | null = null;

  /** The problem with the file, or null when it is sound. */
  function problemIn(db: Db, report: CheckReport): unknown {
    if (report.ok) return null;
    const problem = reportAsError(report);
    if (classifyOpenError(problem) !== null) return problem;
    opts.log(`the background database check could not finish (${report.message}); checking on the main thread instead`);
    try {
      quickCheck(db);
      return null;
    } catch (error) {
      return error;
    }
  }

  function settle(services: AppServices, db: Db, key: string, walAsFound: string | null, report: CheckReport): void {
    if (!opts.isCurrent(services, db)) {
      // Locked, quit or restored while checking: the next unlock checks again.
      acceptCheckedDatabase(walAsFound);
      if (!report.ok) opts.log(`the database check found a problem after the database was closed (${report.message}); it is checked again at the next unlock`);
      return;
    }
    const problem = problemIn(db, report);
    if (problem === null) {
      db.pragma('query_only = OFF');
      acceptCheckedDatabase(walAsFound);
      opts.log(`database check passed in ${(report.ms / 1000).toFixed(1)} s`);
      opts.passed(services);
      return;
    }
    opts.closeForRecovery();
    try {
      const recovered = recoverAfterFailedCheck(
        { path: opts.dbPath, key, backupDir: backupFolderFor(opts.dbPath), clock: opts.clock, log: opts.log, keyVerified: true },
        problem,
        walAsFound,
      );
      recovered.db.close();
      if (recovered.recoveryNotice) opts.recovered(recovered.recoveryNotice);
    } catch (error) {
      opts.unrecoverable(error instanceof Error ? error : new Error(String(error)));
    }
  }

  return {
    start(services, key, walAsFound) {
      const db = services.db;
      db.pragma('query_only = ON');
      const check = opts
        .check({ path: opts.dbPath, key })
        .then((report) => settle(services, db, key, walAsFound, report))
        .catch((error: unknown) => opts.log(`the database check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      const tracked: Promise<void> = check.finally(() => {
        if (running === tracked) running = null;
      });
      running = tracked;
    },
    pending: () => running,
  };
}

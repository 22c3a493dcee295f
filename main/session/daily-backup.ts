/**
 * The daily backup of an unlocked app, taken when due (at unlock once the database check has passed,
 * then hourly checks). With a worker (the app) it runs off the main thread on its own read-only
 * connection, so a large database's backup (tens of seconds at 100k cases) does not hold the window;
 * one at a time. If the worker cannot run the backup at all, it is taken on the main thread as before
 * rather than skipped. A backup that fails records why in status.json either way (shown in Settings).
 */
import type { Clock } from '../../shared/clock';
import type { AppServices } from '../app-services';
import type { BackgroundBackup } from '../backup/background-backup';

export interface DailyBackups {
  takeIfDue(services: AppServices, key: string): void;
  /** The backup running in the worker, or null. */
  pending(): Promise<void> | null;
}

export function createDailyBackups(opts: { dbPath: string; clock: Clock; log: (message: string) => void; background?: BackgroundBackup | undefined }): DailyBackups {
  let running: Promise<void> | null = null;
  return {
    takeIfDue(services, key) {
      const background = opts.background;
      if (!background) {
        services.backups.maybeDaily();
        return;
      }
      if (running || !services.backups.dailyDue()) return;
      const request = { path: opts.dbPath, key, dir: services.backups.folder, now: opts.clock.now(), reason: 'daily' as const };
      const job = background(request).then((outcome) => {
        for (const line of outcome.logs) opts.log(line);
        if (outcome.ok) opts.log(`daily backup ${outcome.info.fileName} taken in a worker thread in ${(outcome.ms / 1000).toFixed(1)} s`);
        else if (outcome.started) opts.log(`daily backup failed: ${outcome.message}`);
        else {
          opts.log(`the daily backup could not run in a worker thread (${outcome.message}); taking it on the main thread`);
          // Only if the app is still open on this connection (the session may have locked meanwhile).
          if (services.db.open) services.backups.maybeDaily();
        }
      });
      const tracked: Promise<void> = job.finally(() => {
        if (running === tracked) running = null;
      });
      running = tracked;
    },
    pending: () => running,
  };
}

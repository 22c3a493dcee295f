/**
 * The two timers that run while the app is unlocked: the idle backstop (the renderer locks on idle
 * input; this catches a renderer that has stopped asking) and the hourly check for the daily backup
 * ("daily while running": a laptop left unlocked for days still gets its daily backup).
 */
import type { SessionTimers } from './timers';

/** How often a running, unlocked app checks whether its daily backup is due. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60_000;

export interface UnlockedTimersOptions {
  timers: SessionTimers;
  autoLockMinutes(): number;
  /** Nothing left unanswered for autoLockMinutes: lock. */
  idle(): void;
  /** An hour has passed: back up if the last verified backup is 24 hours old (never throws). */
  dailyCheck(): void;
}

export class UnlockedTimers {
  private idleTimer: unknown = null;
  private dailyTimer: unknown = null;

  constructor(private readonly opts: UnlockedTimersOptions) {}

  /** Starts both, as the app unlocks. */
  start(): void {
    this.restartIdle();
    this.scheduleDaily();
  }

  /** The person did something: the idle minutes count from now. */
  restartIdle(): void {
    this.clearIdle();
    const minutes = this.opts.autoLockMinutes();
    this.idleTimer = this.opts.timers.setTimeout(() => {
      this.idleTimer = null;
      this.opts.idle();
    }, minutes * 60_000);
  }

  stop(): void {
    this.clearIdle();
    this.clearDaily();
  }

  private scheduleDaily(): void {
    this.clearDaily();
    this.dailyTimer = this.opts.timers.setTimeout(() => {
      this.dailyTimer = null;
      this.opts.dailyCheck();
      this.scheduleDaily();
    }, DAILY_BACKUP_CHECK_MS);
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) this.opts.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private clearDaily(): void {
    if (this.dailyTimer !== null) this.opts.timers.clearTimeout(this.dailyTimer);
    this.dailyTimer = null;
  }
}

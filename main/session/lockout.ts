/**
 * Slows down guessing at the lock screen: after 5 wrong passphrases (or recovery codes) in a row,
 * further attempts are refused for 30 seconds, then 60, 120… (at most 15 minutes) after each further
 * wrong one. A right one resets it. Kept in memory only: restarting the app is slower than waiting,
 * and the stolen-file attack is slowed by scrypt, not by this.
 */
import { AppError } from '../../shared/ipc/result';

export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return `Too many wrong attempts. Wait ${wait} and try again.`;
}

export class Lockout {
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly now: () => number) {}

  /** Throws when attempts are paused; call before checking a passphrase. */
  check(): void {
    const left = this.blockedUntil - this.now();
    if (left > 0) throw new AppError('wrong_passphrase', waitMessage(left));
  }

  failed(): void {
    this.failures += 1;
    if (this.failures < FREE_ATTEMPTS) return;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** (this.failures - FREE_ATTEMPTS), MAX_DELAY_MS);
    this.blockedUntil = this.now() + delay;
  }

  succeeded(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}

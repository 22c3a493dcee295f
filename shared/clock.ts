import type { IsoDate } from './dates';

/**
 * The one source of "now". Main creates a system clock (calendar day in Europe/London); tests, the
 * CLI (`--today`) and the e2e bridge inject a fixed one. Nothing else may read the wall clock.
 */
export interface Clock {
  /** Today's calendar date in England. */
  today(): IsoDate;
  /** The current instant as a UTC ISO string (audit timestamps). */
  now(): string;
}

/** A clock pinned to a calendar day; the instant is noon UTC that day so audit order stays sane. */
export function fixedClock(today: IsoDate): Clock & { set(day: IsoDate): void } {
  let day = today;
  let tick = 0;
  return {
    today: () => day,
    // Successive calls advance by a millisecond so audit entries written in one test keep their order.
    now: () => new Date(Date.parse(`${day}T12:00:00.000Z`) + tick++).toISOString(),
    set(next: IsoDate) {
      day = next;
      tick = 0;
    },
  };
}

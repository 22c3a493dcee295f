import { z } from 'zod';

/**
 * Team-configurable intervals and flag thresholds (docs/product.md#settings). Defaults follow the
 * product spec; every value is bounded so a typo cannot switch a flag off (e.g. a 0-day window).
 */
export const SettingsSchema = z.object({
  /** Default interval from plan agreement to the first review, in weeks. */
  reviewIntervalWeeks: z.number().int('Enter a whole number of weeks').min(1, 'At least 1 week').max(26, 'At most 26 weeks'),
  /** "Review due soon" window, in days. */
  dueSoonDays: z.number().int('Enter a whole number of days').min(1, 'At least 1 day').max(28, 'At most 28 days'),
  /** "No plan" after this many days open without a complete plan. */
  noPlanDays: z.number().int('Enter a whole number of days').min(1, 'At least 1 day').max(90, 'At most 90 days'),
  /** Longest review interval allowed for Getting Risk Support, in weeks. */
  riskSupportMaxWeeks: z.number().int('Enter a whole number of weeks').min(1, 'At least 1 week').max(12, 'At most 12 weeks'),
  /** Goals stuck: ratings spanning at least this many weeks without 3 points of movement. */
  goalsStuckWeeks: z.number().int('Enter a whole number of weeks').min(2, 'At least 2 weeks').max(52, 'At most 52 weeks'),
  /** App lock: lock after this many idle minutes (docs/quality.md#app-lock: default 5). */
  autoLockMinutes: z.number().int('Enter a whole number of minutes').min(1, 'At least 1 minute').max(60, 'At most 60 minutes'),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** Settings as read for a form: `version` counts the saves, so a save from a stale form is refused. */
export type VersionedSettings = Settings & { version: number };

export const DEFAULT_SETTINGS: Settings = {
  reviewIntervalWeeks: 6,
  dueSoonDays: 7,
  noPlanDays: 14,
  riskSupportMaxWeeks: 4,
  goalsStuckWeeks: 8,
  autoLockMinutes: 5,
};

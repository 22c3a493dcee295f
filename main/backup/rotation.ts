/**
 * Which backups to keep: the newest backup of each of the 7 most recent days, 4 most recent weeks
 * (Monday to Sunday) and 12 most recent months that have one, plus the 5 newest taken by a person
 * (Back up now, and the copy taken just before a restore), and always the newest of all and the
 * newest that holds any cases. Days, weeks
 * and months are England's calendar (a backup at 00:30 BST belongs to that day, not the day before).
 * Pure: the caller lists the files and deletes what this says.
 */
import { addDaysTo, daysBetween, londonDateOf, type IsoDate } from '../../shared/dates';
import type { BackupInfo } from '../../shared/ipc/security-types';

export const RETENTION = { daily: 7, weekly: 4, monthly: 12, manual: 5 } as const;

/** Reasons that mean a person asked for the copy (or it guards a restore they asked for). */
export const PERSON_REASONS: ReadonlySet<string> = new Set(['manual', 'before_restore']);

export type KeptAs = BackupInfo['kept'];

export interface RotationEntry {
  fileName: string;
  /** ISO instant. */
  takenAt: string;
  reason: string;
  /** Orders backups taken in the same millisecond (the -2, -3 of a file name). */
  serial?: number;
  /** How many cases the copy holds, when known (status.json records it from the backup on). */
  cases?: number;
}

export interface RotationPlan {
  keep: Map<string, KeptAs>;
  remove: string[];
}

/** A known Monday: every week is counted from it. */
const A_MONDAY: IsoDate = '2024-01-01';

/** The Monday that starts the week holding `day`. */
export function weekOf(day: IsoDate): IsoDate {
  const offset = ((daysBetween(A_MONDAY, day) % 7) + 7) % 7;
  return addDaysTo(day, -offset);
}

export function newestFirst<T extends RotationEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    const byTime = Date.parse(b.takenAt) - Date.parse(a.takenAt);
    return byTime !== 0 ? byTime : (b.serial ?? 1) - (a.serial ?? 1);
  });
}

/** The newest entry of each of the `count` most recent buckets (entries must be newest first). */
function newestPerBucket(sorted: readonly RotationEntry[], bucketOf: (e: RotationEntry) => string, count: number): string[] {
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const entry of sorted) {
    const bucket = bucketOf(entry);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    picked.push(entry.fileName);
    if (seen.size === count) break;
  }
  return picked;
}

export function planRotation(entries: readonly RotationEntry[]): RotationPlan {
  const sorted = newestFirst(entries);
  const keep = new Map<string, KeptAs>();
  const mark = (names: readonly string[], as: KeptAs) => {
    for (const name of names) if (!keep.has(name)) keep.set(name, as);
  };
  const day = (e: RotationEntry) => londonDateOf(e.takenAt);
  // The newest is the one a restore after damage would use: never rotated away, whatever its kind.
  mark(sorted.slice(0, 1).map((e) => e.fileName), 'latest');
  // A database emptied or recreated by mistake is backed up every night as it is: those empty copies
  // must never rotate away the last one that holds the caseload. A copy whose count is not known (one
  // made before counts were recorded) may hold cases, so it counts as holding them.
  mark(sorted.filter((e) => e.cases === undefined || e.cases > 0).slice(0, 1).map((e) => e.fileName), 'records');
  mark(newestPerBucket(sorted, day, RETENTION.daily), 'daily');
  mark(newestPerBucket(sorted, (e) => weekOf(day(e)), RETENTION.weekly), 'weekly');
  mark(newestPerBucket(sorted, (e) => day(e).slice(0, 7), RETENTION.monthly), 'monthly');
  mark(
    sorted.filter((e) => PERSON_REASONS.has(e.reason)).slice(0, RETENTION.manual).map((e) => e.fileName),
    'manual',
  );
  return { keep, remove: sorted.filter((e) => !keep.has(e.fileName)).map((e) => e.fileName) };
}

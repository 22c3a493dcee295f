/**
 * Calendar dates. The only module that does date arithmetic (through date-fns).
 *
 * Clinical dates are `YYYY-MM-DD` strings: a review "on 31/03/2027" is a day on the calendar, not an
 * instant, so it must never shift with the clock changes or the machine's time zone. We build local
 * midnight Dates only transiently for date-fns' calendar functions (which are DST-safe) and convert
 * straight back to strings. Instants (audit times) are UTC ISO strings and never pass through here
 * except in `londonDateOf`, which answers "what calendar day is it in England at this instant".
 */
import {
  addDays,
  addMonths,
  addWeeks,
  differenceInYears,
  format,
  isValid,
} from 'date-fns';
import { TZDate } from '@date-fns/tz';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_RE = /^\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})\s*$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds the ISO string only if y-m-d is a real calendar day (so 31/04 and 29/02/2027 fail). */
function fromParts(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(y, m - 1, d);
  if (!isValid(probe) || probe.getFullYear() !== y || probe.getMonth() !== m - 1 || probe.getDate() !== d) {
    return null;
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function toLocal(iso: IsoDate): Date {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`Not a calendar date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromLocal(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  return !!m && fromParts(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** Parses what a person types as a UK date: 5/3/2026, 05/03/2026, 05-03-2026, 05.03.2026. */
export function parseUkDate(input: string): IsoDate | null {
  const m = UK_RE.exec(input);
  if (!m) return null;
  return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** dd/mm/yyyy for display. */
export function formatUkDate(iso: IsoDate | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function addDaysTo(iso: IsoDate, days: number): IsoDate {
  return fromLocal(addDays(toLocal(iso), days));
}

export function addWeeksTo(iso: IsoDate, weeks: number): IsoDate {
  return fromLocal(addWeeks(toLocal(iso), weeks));
}

/** Calendar months; a day the target month lacks becomes its last day (31/03 − 1 month = 28/02 or 29/02). */
export function addMonthsTo(iso: IsoDate, months: number): IsoDate {
  return fromLocal(addMonths(toLocal(iso), months));
}

/** Days since 1970-01-01 of a calendar date: UTC midnights, which no clock change moves. */
function dayNumber(iso: IsoDate): number {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`Not a calendar date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later). Counted on UTC day numbers
 * rather than with date-fns' differenceInCalendarDays (the same answer): the flags and the team view's
 * urgency order call this for every case, and building local Dates made it the slowest step there.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Completed weeks from `from` to `to`; 0 for the first six days. */
export function weeksBetween(from: IsoDate, to: IsoDate): number {
  return Math.floor(daysBetween(from, to) / 7);
}

/** Age in completed years on `on`. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  return differenceInYears(toLocal(on), toLocal(dateOfBirth));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar day in England at a given instant (handles BST: 23:30 UTC in June is tomorrow). */
export function londonDateOf(instant: Date | number | string): IsoDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  const inLondon = new TZDate(ms, 'Europe/London');
  return `${pad(inLondon.getFullYear(), 4)}-${pad(inLondon.getMonth() + 1)}-${pad(inLondon.getDate())}`;
}

/** A human day/time for audit entries, in UK local time: 22/11/2026 14:05. */
export function formatUkDateTime(instantIso: string): string {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) return '';
  const d = new TZDate(ms, 'Europe/London');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

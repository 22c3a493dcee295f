/**
 * THE "most urgent first" order: the caseload screen's default sort, `thrive caseload`, the team view,
 * the team CSV and the supervision pack all sort with sortByUrgency, and the words that tell a reader the
 * order (the pack's note, docs/team-view.md) are written from URGENCY_ORDER by urgency-note.ts, so the
 * order is declared here once.
 *
 * A case is placed by its most urgent flag (its band); within a band by the band's date, earliest
 * first: for each band the earliest date is the longest gap, the most days overdue or past, the longest
 * open or the soonest review. Comparing dates needs no `today`, so every list sorts the same rows the
 * same way. Ties go by name, then case reference, so the order is the same every time.
 */
import type { IsoDate } from '../dates';
import type { Flag, FlagCode } from './flags';
import { compareText } from './name-order';

export interface UrgencyInput {
  flags: readonly Flag[];
  openDate: IsoDate;
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  /** Last review held (the Risk Support gap runs from it); null if none. */
  lastReviewDate: IsoDate | null;
  name: string;
  caseRef: string;
}

export interface UrgencyBand {
  /** The flag that places a case in this band; null for the cases with none of the flags above. */
  flag: FlagCode | null;
  /** Within the band the earliest date comes first and a case without one last; null: straight to the tiebreaks. */
  date: ((c: UrgencyInput) => IsoDate | null) | null;
  /** What the date's order means to a reader ("most days overdue first"); null when `date` is null. */
  first: string | null;
  /** Cases in this band need action ("Review due soon" is a heads-up, not an action). */
  action: boolean;
}

const nextReview = (c: UrgencyInput): IsoDate | null => c.nextReviewDate;

export const URGENCY_ORDER: readonly UrgencyBand[] = [
  {
    flag: 'risk_support_review_gap',
    date: (c) => c.lastReviewDate ?? c.openDate,
    first: 'longest since the last review, or since opening, first',
    action: true,
  },
  { flag: 'review_overdue', date: nextReview, first: 'most days overdue first', action: true },
  { flag: 'past_target_date', date: (c) => c.targetDate, first: 'longest past first', action: true },
  { flag: 'goals_stuck', date: null, first: null, action: true },
  { flag: 'no_plan', date: (c) => c.openDate, first: 'open longest first', action: true },
  { flag: 'current_view_missing', date: null, first: null, action: true },
  { flag: 'review_due_soon', date: nextReview, first: 'soonest first', action: false },
  { flag: null, date: nextReview, first: 'next review date soonest first, cases with no review date last', action: false },
];

/** After the band and its date, in this order. */
export const URGENCY_TIEBREAKS: ReadonlyArray<{ words: string; key: (c: UrgencyInput) => string }> = [
  { words: 'name', key: (c) => c.name },
  { words: 'case reference', key: (c) => c.caseRef },
];

const LAST_BAND = URGENCY_ORDER.length - 1;
const BAND_OF = new Map<FlagCode, number>(URGENCY_ORDER.flatMap((b, i) => (b.flag ? [[b.flag, i] as const] : [])));

/** 0 for the most urgent band; the last band for cases with no flag. */
export function urgencyBand(flags: readonly Flag[]): number {
  let best = LAST_BAND;
  for (const f of flags) best = Math.min(best, BAND_OF.get(f.code) ?? LAST_BAND);
  return best;
}

/** A case needs action when any of its flags is in a band that does. */
export function needsAction(flags: readonly Flag[]): boolean {
  return flags.some((f) => URGENCY_ORDER[BAND_OF.get(f.code) ?? LAST_BAND]!.action);
}

interface Keyed<T> {
  item: T;
  band: number;
  date: IsoDate | null;
}

function keyed<T extends UrgencyInput>(item: T): Keyed<T> {
  const band = urgencyBand(item.flags);
  return { item, band, date: URGENCY_ORDER[band]!.date?.(item) ?? null };
}

function compareKeyed(a: Keyed<UrgencyInput>, b: Keyed<UrgencyInput>): number {
  if (a.band !== b.band) return a.band - b.band;
  // YYYY-MM-DD strings order as dates; a missing date goes last.
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  for (const t of URGENCY_TIEBREAKS) {
    const by = compareText(t.key(a.item), t.key(b.item));
    if (by !== 0) return by;
  }
  return 0;
}

/** Negative when `a` is more urgent than `b`. */
export function compareUrgency(a: UrgencyInput, b: UrgencyInput): number {
  return compareKeyed(keyed(a), keyed(b));
}

/** Most urgent first; each case's band and date are worked out once, not on every comparison. */
export function sortByUrgency<T extends UrgencyInput>(cases: readonly T[]): T[] {
  return cases
    .map((c) => keyed(c))
    .sort(compareKeyed)
    .map((k) => k.item);
}

/**
 * The order a team lead reads the team's cases in (documented in docs/team-view.md):
 *  1. Risk Support review gap — longest since the last review first;
 *  2. Review overdue — most days overdue first;
 *  3. Past target date — longest past first;
 *  4. Goals stuck;
 *  5. No plan — open longest first;
 *  6. Current View missing;
 *  7. Review due soon — soonest first;
 *  8. everything else — next review date soonest first (none last).
 * A case is placed by its most urgent flag; ties go by the measure named, then name, then case ref,
 * so the order is stable and the same on every screen, export and the supervision pack.
 */
import { daysBetween, type IsoDate } from '../dates';
import { FLAG_CODES, type Flag, type FlagCode } from './flags';
import { compareText } from './name-order';

export interface UrgencyInput {
  flags: readonly Flag[];
  openDate: IsoDate;
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  /** Last review held (for the Risk Support gap); null if none. */
  lastReviewDate?: IsoDate | null;
  name: string;
  caseRef: string;
}

/** 0 for the most urgent band; FLAG_CODES.length for cases with no flag. */
export function urgencyBand(flags: readonly Flag[]): number {
  let best: number = FLAG_CODES.length;
  for (const f of flags) best = Math.min(best, FLAG_CODES.indexOf(f.code));
  return best;
}

/** Larger is more urgent, within a band. */
function measure(code: FlagCode | undefined, c: UrgencyInput, today: IsoDate): number {
  switch (code) {
    case 'risk_support_review_gap':
      return daysBetween(c.lastReviewDate ?? c.openDate, today);
    case 'review_overdue':
      return c.nextReviewDate ? daysBetween(c.nextReviewDate, today) : 0;
    case 'past_target_date':
      return c.targetDate ? daysBetween(c.targetDate, today) : 0;
    case 'no_plan':
      return daysBetween(c.openDate, today);
    case 'review_due_soon':
    case undefined:
      // Soonest review first: a nearer date is more urgent. No date sorts last.
      return c.nextReviewDate ? -daysBetween(today, c.nextReviewDate) : Number.NEGATIVE_INFINITY;
    default:
      return 0;
  }
}


interface Keyed<T> {
  item: T;
  band: number;
  measure: number;
}

function keyed<T extends UrgencyInput>(item: T, today: IsoDate): Keyed<T> {
  const band = urgencyBand(item.flags);
  return { item, band, measure: measure(FLAG_CODES[band], item, today) };
}

function compareKeyed(a: Keyed<UrgencyInput>, b: Keyed<UrgencyInput>): number {
  if (a.band !== b.band) return a.band - b.band;
  if (a.measure !== b.measure) return b.measure > a.measure ? 1 : -1;
  return compareText(a.item.name, b.item.name) || compareText(a.item.caseRef, b.item.caseRef);
}

export function compareUrgency(a: UrgencyInput, b: UrgencyInput, today: IsoDate): number {
  return compareKeyed(keyed(a, today), keyed(b, today));
}

/** compareUrgency's order; each case's band and measure are worked out once, not on every comparison. */
export function sortByUrgency<T extends UrgencyInput>(cases: readonly T[], today: IsoDate): T[] {
  return cases
    .map((c) => keyed(c, today))
    .sort(compareKeyed)
    .map((k) => k.item);
}

/** Flags that mean a case needs action (Review due soon is a heads-up, not an action). */
export function needsAction(flags: readonly Flag[]): boolean {
  return flags.some((f) => f.code !== 'review_due_soon');
}

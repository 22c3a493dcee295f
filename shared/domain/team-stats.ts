/**
 * Pure aggregations for the team view, shared by main (which feeds them rows) and tests with known
 * answers. Buckets and labels are fixed so charts and their tables always agree.
 */
import { weeksBetween, type IsoDate } from '../dates';

/** Time open, in completed weeks: [from, to) with the last open-ended. */
export const TIME_OPEN_BUCKETS: ReadonlyArray<{ key: string; label: string; fromWeeks: number; toWeeks: number | null }> = [
  { key: 'w0_6', label: 'Under 6 weeks', fromWeeks: 0, toWeeks: 6 },
  { key: 'w6_12', label: '6 to 12 weeks', fromWeeks: 6, toWeeks: 12 },
  { key: 'w12_26', label: '12 to 26 weeks', fromWeeks: 12, toWeeks: 26 },
  { key: 'w26_52', label: '26 to 52 weeks', fromWeeks: 26, toWeeks: 52 },
  { key: 'w52', label: '52 weeks or more', fromWeeks: 52, toWeeks: null },
];

export function timeOpenBucket(openDate: IsoDate, today: IsoDate): string {
  const weeks = weeksBetween(openDate, today);
  const bucket = TIME_OPEN_BUCKETS.find((b) => weeks >= b.fromWeeks && (b.toWeeks === null || weeks < b.toWeeks));
  return (bucket ?? TIME_OPEN_BUCKETS[TIME_OPEN_BUCKETS.length - 1]!).key;
}

export function timeOpenDistribution(openDates: readonly IsoDate[], today: IsoDate): Array<{ key: string; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const d of openDates) {
    const k = timeOpenBucket(d, today);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return TIME_OPEN_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: counts.get(b.key) ?? 0 }));
}

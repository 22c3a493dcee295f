/**
 * How audit values read in a case's History: field names as the forms label them, dates as
 * dd/mm/yyyy, groupings and choices by their labels, never stored codes.
 */
import { formatUkDate, isIsoDate } from '../../../shared/dates';
import { GROUPING_LABELS, isGroupingCode } from '../../../shared/domain/groupings';
import { LIKELIHOOD_LABELS, PLAN_FIELD_LABELS, type Likelihood } from '../../../shared/ipc/schemas/plan';

const FIELD_LABELS: Record<string, string> = {
  ...PLAN_FIELD_LABELS,
  grouping: 'Grouping',
  /** The case's next review date (a plan or a review sets it), not the "next agreed" field of a form. */
  nextReviewDate: 'Next review date',
  planComplete: 'Plan agreed',
  status: 'Status',
  closedDate: 'Date ended',
  endedOn: 'Ended on',
  description: 'Goal',
  text: 'Ending criterion',
  position: 'Position',
  versionNo: 'Plan version',
};

const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  closed: 'Closed',
  active: 'Active',
  dropped: 'Dropped',
  achieved: 'Achieved',
  in_force: 'In force',
  retired: 'No longer in force',
};

/** "nextReviewDate" → "Next review date"; unknown keys are split into words rather than shown raw. */
export function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One stored value as a person reads it; null for "nothing" (shown as a dash). */
export function displayValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (key === 'status') return STATUS_LABELS[value] ?? value;
    if (key === 'likelihood' && value in LIKELIHOOD_LABELS) return LIKELIHOOD_LABELS[value as Likelihood];
    if (isGroupingCode(value)) return GROUPING_LABELS[value];
    if (isIsoDate(value)) return formatUkDate(value);
    return value;
  }
  return JSON.stringify(value);
}

/** The fields an update changed: those recorded in `before` whose value differs in `after`. */
export function fieldChanges(before: unknown, after: unknown): Array<{ field: string; before: string | null; after: string | null }> {
  if (!isRecord(before)) return [];
  const next = isRecord(after) ? after : {};
  return Object.keys(before)
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(next[key] ?? null))
    .map((key) => ({ field: fieldLabel(key), before: displayValue(key, before[key]), after: displayValue(key, next[key]) }));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

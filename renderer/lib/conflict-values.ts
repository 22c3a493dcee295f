/**
 * A conflicting field's stored text in words (renderer/lib/sync-words.ts conflictValue): main sends
 * the stored values, so a grouping or a reason arrives as its code (getting_advice) and a Current View's
 * ratings as their JSON. A clinician choosing between two versions must be able to read both, so codes
 * with an underscore (never ordinary words) become their labels, and ratings the items' labels.
 */
import { CURRENT_VIEW_ITEM_BY_CODE, CURRENT_VIEW_REASON_LABELS, ratingLabel } from '../../shared/domain/current-view';
import { GROUPING_LABELS } from '../../shared/domain/groupings';
import { CRITERION_FINAL_STATUS_LABELS, CRITERION_PROGRESS_LABELS, REVIEW_DECISION_LABELS } from '../../shared/domain/lifecycle';

const CODE_LABELS: ReadonlyMap<string, string> = new Map(
  [GROUPING_LABELS, CURRENT_VIEW_REASON_LABELS, REVIEW_DECISION_LABELS, CRITERION_PROGRESS_LABELS, CRITERION_FINAL_STATUS_LABELS]
    .flatMap((labels) => Object.entries(labels))
    .filter(([code]) => code.includes('_')),
);

/** getting_advice → "Getting Advice and Signposting"; anything not a known code: null. */
export function codeLabel(value: string): string | null {
  return CODE_LABELS.get(value) ?? null;
}

/**
 * {"p1":0,"p3":1,…} → "Anxious generally: Mild; every other item None or No": the items that carry
 * something, then the rest in one phrase (forty "None"s would bury the one that differs). Anything
 * that is not a ratings object: null.
 */
export function ratingsText(value: string): string | null {
  if (!value.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const entries = Object.entries(parsed as Record<string, unknown>);
  const parts: string[] = [];
  for (const [code, rating] of entries) {
    const item = CURRENT_VIEW_ITEM_BY_CODE.get(code);
    if (!item) return null;
    if (rating === 0 || rating === 'no') continue;
    parts.push(`${item.label}: ${ratingLabel(item, rating as Parameters<typeof ratingLabel>[1])}`);
  }
  if (entries.length === 0) return null;
  if (parts.length === 0) return 'Every item None or No';
  return parts.length === entries.length ? parts.join('; ') : `${parts.join('; ')}; every other item None or No`;
}

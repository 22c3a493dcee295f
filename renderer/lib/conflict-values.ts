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

/** {"p1":0,"p2":1,…} → "Anxious away from caregivers: None; …"; anything else: null. */
export function ratingsText(value: string): string | null {
  if (!value.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const parts: string[] = [];
  for (const [code, rating] of Object.entries(parsed as Record<string, unknown>)) {
    const item = CURRENT_VIEW_ITEM_BY_CODE.get(code);
    if (!item) return null;
    parts.push(`${item.label}: ${ratingLabel(item, rating as Parameters<typeof ratingLabel>[1])}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The Current View's part of a form draft: what was typed, restored only where it is still valid. */
import { CURRENT_VIEW_ITEM_BY_CODE, CURRENT_VIEW_REASONS } from '../../../shared/domain/current-view';
import { GROUPING_CODES, type GroupingCode } from '../../../shared/domain/groupings';
import { asFields } from '../../lib/draft-payload';
import { blankDraft, field, restoreDraft } from '../../lib/draft-shape';
import type { Ratings } from './CurrentViewGrid';
import type { CurrentViewValue } from './CurrentViewSection';
import { optionsFor } from './rating-keys';

export function restoreRatings(payload: unknown): Ratings {
  const out: Ratings = {};
  for (const [code, value] of Object.entries(asFields(payload))) {
    const item = CURRENT_VIEW_ITEM_BY_CODE.get(code);
    const option = item ? optionsFor(item).find((o) => o.value === value) : undefined;
    if (option) out[code] = option.value;
  }
  return out;
}

/**
 * A Current View as typed, in screen order (reason, ratings, then the grouping agreed): a form embeds
 * it as a group, under the path its schema gives it.
 */
export function currentViewFields(groupings: readonly GroupingCode[] = GROUPING_CODES) {
  return {
    reason: field.choice(CURRENT_VIEW_REASONS),
    ratings: field.custom<Ratings>(() => ({}), restoreRatings),
    grouping: field.choice(groupings),
  };
}

export const BLANK_CURRENT_VIEW: CurrentViewValue = blankDraft(currentViewFields());

export function restoreCurrentView(
  payload: unknown,
  blank: CurrentViewValue,
  groupings: readonly GroupingCode[] = GROUPING_CODES,
): CurrentViewValue {
  return restoreDraft(currentViewFields(groupings))(payload, blank);
}

/** Nothing rated and no grouping chosen: the Current View was not done (sent as missing). */
export function isBlankCurrentView(v: CurrentViewValue): boolean {
  return v.grouping === '' && Object.keys(v.ratings).length === 0;
}

/** The Current View as the schema takes it (blanks left out so the schema names each one). */
export function currentViewInput(v: CurrentViewValue) {
  return {
    reason: v.reason || undefined,
    grouping: v.grouping || undefined,
    ratings: Object.fromEntries(Object.entries(v.ratings).filter(([, r]) => r !== undefined)),
  };
}

/**
 * Current Views side by side (open, each review, close). CORC: the Current View is not validated for
 * tracking change, so differences are shown as *changed understanding*, never as improvement or
 * deterioration. Nothing here scores, sums or ranks ratings.
 */
import { CURRENT_VIEW_ITEMS, type CurrentViewItem, type CurrentViewRatings } from './current-view';
import type { GroupingCode } from './groupings';

export interface ComparableCurrentView {
  id: string;
  context: 'open' | 'review' | 'close';
  completedDate: string;
  grouping: GroupingCode;
  ratings: CurrentViewRatings;
}

export interface ComparedItem {
  item: CurrentViewItem;
  /** One value per Current View, in the order given (undefined where not rated). */
  values: Array<CurrentViewRatings[string] | undefined>;
  /** True when any completion differs from the one before it. */
  changed: boolean;
}

/** The statement shown wherever Current Views are compared. */
export const CURRENT_VIEW_COMPARISON_NOTE =
  'The Current View records the clinician’s understanding at each point. It is not an outcome measure: differences show changed understanding, not improvement or deterioration.';

export function compareCurrentViews(views: readonly ComparableCurrentView[]): ComparedItem[] {
  return CURRENT_VIEW_ITEMS.map((item) => {
    const values = views.map((v) => v.ratings[item.code]);
    const changed = values.some((value, i) => i > 0 && value !== values[i - 1]);
    return { item, values, changed };
  });
}

/** The grouping path, e.g. Getting More Help → Getting Help → Thriving (repeats collapsed). */
export function groupingPath(views: readonly ComparableCurrentView[]): GroupingCode[] {
  const path: GroupingCode[] = [];
  for (const v of views) if (path[path.length - 1] !== v.grouping) path.push(v.grouping);
  return path;
}

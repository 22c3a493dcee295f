import {
  COMPLEXITY_OPTIONS,
  SEVERITY_OPTIONS,
  type ComplexityRating,
  type CurrentViewItem,
  type SeverityRating,
} from '../../../shared/domain/current-view';

export type ItemRating = SeverityRating | ComplexityRating;

export function optionsFor(item: CurrentViewItem) {
  return item.scale === 'severity' ? SEVERITY_OPTIONS : COMPLEXITY_OPTIONS;
}

/** The rating a single key press sets for this item (0–3/k on severity items, y/n/k on complexity). */
export function ratingForKey(item: CurrentViewItem, key: string): ItemRating | undefined {
  const k = key.toLowerCase();
  return optionsFor(item).find((o) => o.key === k)?.value;
}

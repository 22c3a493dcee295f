/**
 * current-views.csv: one row per Current View item per completion (at open, at each review, at close),
 * with the SNOMED CT id MHSDS uses for the item (blank where none exists: the complexity factors) and the
 * rating as stored: 0–3 for a severity item, Yes / No for a complexity factor, and "Not known" as its own
 * value, never a number.
 */
import { formatUkDate } from '../../../shared/dates';
import {
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASON_LABELS,
  ratingLabel,
  SECTION_TITLES,
  type ComplexityRating,
  type CurrentViewContext,
  type SeverityRating,
} from '../../../shared/domain/current-view';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CaseDetail } from '../../../shared/ipc/types';
import type { CsvValue } from '../csv';

export const CURRENT_VIEWS_HEADER = [
  'Case ref',
  'Episode',
  'Context',
  'Completed date',
  'Reason for completing',
  'Grouping',
  'Section',
  'Item number',
  'Item code',
  'Item',
  'SNOMED CT id',
  'Rating',
  'Rating label',
] as const;

export const CONTEXT_LABELS: Record<CurrentViewContext, string> = { open: 'Open', review: 'Review', close: 'Close' };

function ratingValue(value: SeverityRating | ComplexityRating | undefined): CsvValue {
  if (value === undefined) return '';
  if (value === 'not_known') return 'Not known';
  if (value === 'yes') return 'Yes';
  if (value === 'no') return 'No';
  return value;
}

export function currentViewRows(d: CaseDetail): CsvValue[][] {
  const s = d.summary;
  return d.currentViews.flatMap((cv) =>
    CURRENT_VIEW_ITEMS.map((item) => {
      const value = cv.ratings[item.code];
      return [
        s.caseRef,
        s.episodeNo,
        CONTEXT_LABELS[cv.context],
        formatUkDate(cv.completedDate),
        CURRENT_VIEW_REASON_LABELS[cv.reason],
        GROUPING_LABELS[cv.grouping],
        SECTION_TITLES[item.section],
        item.number,
        item.code,
        item.label,
        item.snomed ?? '',
        ratingValue(value),
        ratingLabel(item, value),
      ];
    }),
  );
}

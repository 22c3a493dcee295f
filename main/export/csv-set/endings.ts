/** endings.csv: one row per closed episode, with the final ratings and each criterion's final status. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_FINAL_STATUS_LABELS, ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import type { CaseDetail } from '../../../shared/ipc/types';
import type { CsvValue } from '../csv';
import { criteriaText, goalScoresText } from './reviews';

export const ENDINGS_HEADER = [
  'Case ref',
  'Episode',
  'Ending date',
  'Reason for ending',
  'Other reason',
  'MHSDS closure code',
  'Grouping at close',
  'Current View recorded',
  'Criteria status',
  'Final ratings',
  'Discussed from the start',
  'Continuing support',
  'Signposting',
  'Wellbeing plan',
] as const;

export function endingRows(d: CaseDetail): CsvValue[][] {
  const e = d.ending;
  if (!e) return [];
  const cv = e.currentViewId ? d.currentViews.find((c) => c.id === e.currentViewId) : undefined;
  return [
    [
      d.summary.caseRef,
      d.summary.episodeNo,
      formatUkDate(e.endingDate),
      ENDING_REASON_LABELS[e.reason],
      e.reasonOther ?? '',
      e.mhsdsCode ?? '',
      cv ? GROUPING_LABELS[cv.grouping] : '',
      cv ? 'Yes' : 'No',
      criteriaText(d, e.criteriaStatus.map((c) => ({ criterionId: c.criterionId, label: CRITERION_FINAL_STATUS_LABELS[c.status] }))),
      goalScoresText(d, e.finalRatings),
      e.discussedFromStart ? 'Yes' : 'No',
      e.continuingSupport ?? '',
      e.signposting ?? '',
      e.wellbeingPlan ?? '',
    ],
  ];
}

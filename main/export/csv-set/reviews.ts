/** reviews.csv: one row per review, with the goal ratings and criteria progress recorded at it. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS_LABELS, REVIEW_DECISION_LABELS } from '../../../shared/domain/lifecycle';
import { PARTICIPANT_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail } from '../../../shared/ipc/types';
import type { CsvValue } from '../csv';

export const REVIEWS_HEADER = [
  'Case ref',
  'Episode',
  'Review date',
  'Who attended',
  'Other attendees',
  'Decision',
  'Grouping at review',
  'Current View recorded',
  'Goal ratings',
  'Criteria progress',
  'Explicit discussion',
  'Ending plan',
  'Next review',
  'Notes',
] as const;

/** "Goal 1: 5" per goal rated, by goal number, one per line. */
export function goalScoresText(d: CaseDetail, scores: ReadonlyArray<{ goalId: string; score: number }>): string {
  const position = new Map(d.goals.map((g) => [g.id, g.position]));
  return [...scores]
    .sort((a, b) => (position.get(a.goalId) ?? 0) - (position.get(b.goalId) ?? 0))
    .map((r) => `Goal ${position.get(r.goalId) ?? '?'}: ${r.score}`)
    .join('\n');
}

/** "<criterion>: <status>" per criterion, one per line. */
export function criteriaText(d: CaseDetail, items: ReadonlyArray<{ criterionId: string; label: string }>): string {
  const text = new Map(d.criteria.map((c) => [c.id, c.text]));
  return items.map((i) => `${text.get(i.criterionId) ?? ''}: ${i.label}`).join('\n');
}

export function reviewRows(d: CaseDetail): CsvValue[][] {
  const s = d.summary;
  return d.reviews.map((r) => {
    const cv = r.currentViewId ? d.currentViews.find((c) => c.id === r.currentViewId) : undefined;
    return [
      s.caseRef,
      s.episodeNo,
      formatUkDate(r.reviewDate),
      r.attendees.map((a) => PARTICIPANT_LABELS[a]).join('; '),
      r.otherAttendees ?? '',
      REVIEW_DECISION_LABELS[r.decision],
      cv ? GROUPING_LABELS[cv.grouping] : '',
      cv ? 'Yes' : 'No',
      goalScoresText(d, r.goalRatings),
      criteriaText(d, r.criteriaProgress.map((p) => ({ criterionId: p.criterionId, label: CRITERION_PROGRESS_LABELS[p.status] }))),
      r.explicitDiscussion ?? '',
      r.endingPlan ?? '',
      formatUkDate(r.nextReviewDate),
      r.notes ?? '',
    ];
  });
}

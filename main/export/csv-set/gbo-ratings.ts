/** gbo-ratings.csv: every Goal Based Outcome rating of every goal ever set (dropped and reworded ones too). */
import { formatUkDate } from '../../../shared/dates';
import type { CaseDetail, GoalRatingRecord, GoalRecord } from '../../../shared/ipc/types';
import type { CsvValue } from '../csv';

export const GBO_RATINGS_HEADER = [
  'Case ref',
  'Episode',
  'Goal number',
  'Goal',
  'Goal status',
  'Goal set on',
  'Goal ended on',
  'Rated on',
  'Score',
  'Context',
] as const;

const STATUS_LABELS: Record<GoalRecord['status'], string> = { active: 'Active', dropped: 'Dropped', achieved: 'Achieved' };

export const RATING_CONTEXT_LABELS: Record<GoalRatingRecord['context'], string> = {
  plan: 'Plan agreed',
  review: 'Review',
  ending: 'Ending',
  session: 'Session',
};

export function gboRatingRows(d: CaseDetail): CsvValue[][] {
  const s = d.summary;
  return d.goals.flatMap((g) =>
    [...g.ratings]
      .sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : 0))
      .map((r) => [
        s.caseRef,
        s.episodeNo,
        g.position,
        g.description,
        STATUS_LABELS[g.status],
        formatUkDate(g.createdOn),
        formatUkDate(g.endedOn),
        formatUkDate(r.ratedOn),
        r.score,
        RATING_CONTEXT_LABELS[r.context],
      ]),
  );
}

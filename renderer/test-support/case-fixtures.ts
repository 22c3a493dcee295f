/**
 * The case page's fixtures: the whole cases of shared/testing/case-detail-fixtures.ts (also used by the
 * export builders' golden tests), plus the History main would return for them.
 */
import type { HistoryEntry } from '../../shared/ipc/types';
import { CASE_ID, CLINICIAN, CLINICIAN_ID } from '../../shared/testing/case-detail-fixtures';

export * from '../../shared/testing/case-detail-fixtures';

/** The audit trail main would return for the open case (oldest first). */
export function caseHistory(): HistoryEntry[] {
  const entry = (seq: number, at: string, action: string, summary: string, changes: HistoryEntry['changes'] = []): HistoryEntry => ({
    seq,
    at,
    actorId: CLINICIAN_ID,
    actorName: CLINICIAN,
    action,
    entity: action.split('.')[0]!,
    entityId: CASE_ID,
    summary,
    changes,
  });
  return [
    entry(1, '2026-10-05T09:30:00.000Z', 'case.open', 'Case opened'),
    entry(2, '2026-10-05T09:41:00.000Z', 'current_view.record', 'Current View at open recorded (Getting More Help)'),
    entry(3, '2026-10-12T10:00:00.000Z', 'plan.save', 'THRIVE plan agreed'),
    entry(4, '2026-11-23T10:30:00.000Z', 'review.record', 'Review recorded (decision: Revise the plan)', [
      { field: 'THRIVE grouping', before: 'Getting More Help', after: 'Getting Help' },
      { field: 'Next review date', before: '23/11/2026', after: '04/01/2027' },
    ]),
    entry(5, '2026-11-23T11:00:00.000Z', 'goal.reword', 'Goal 2 reworded', [
      { field: 'Goal 2', before: 'Go back to school', after: 'Go to school three days a week' },
    ]),
    entry(6, '2027-01-04T14:05:00.000Z', 'review.record', 'Review recorded (decision: Move to ending)', [
      { field: 'Ending plan', before: null, after: 'Two more sessions, then end with a wellbeing plan.' },
    ]),
  ];
}

/**
 * Open conflicts as the person reads them (ConflictView, shared/ipc/schemas/sync.ts): each differing
 * field labelled in the product's words, with this device's value beside the server's. Columns the app
 * keeps for itself (ConflictField.technical: ids, versions, timestamps) are left out unless nothing else
 * differs, so the person compares what was written, not how it was stored.
 */
import type { ConflictView } from '../../shared/ipc/schemas/sync';
import type { Db } from '../db/sql';
import { listConflicts, type ConflictField } from './store';

const TABLE_WORDS: Record<string, string> = {
  young_people: 'Young person',
  cases: 'Case',
  current_views: 'Current View',
  plans: 'Plan',
  ending_criteria: 'Ending criterion',
  goals: 'Goal',
  reviews: 'Review',
  goal_ratings: 'Goal rating',
  review_criterion_progress: 'Progress on an ending criterion',
  endings: 'Ending',
  ending_criterion_status: 'Ending criterion at close',
  ending_outcomes: 'Outcome at close',
  goal_outcomes: 'Goal at close',
};

function label(field: ConflictField): string {
  const column = field.column.replace(/_/g, ' ');
  return `${TABLE_WORDS[field.table] ?? field.table}: ${column.charAt(0).toUpperCase()}${column.slice(1)}`;
}

function shown(value: ConflictField['mine']): string | null {
  return value === undefined || value === null ? null : String(value);
}

export function conflictViews(db: Db): ConflictView[] {
  return listConflicts(db).map((c) => {
    const meaningful = c.fields.filter((f) => !f.technical);
    return {
      id: c.id,
      caseId: c.caseId,
      caseRef: c.caseRef,
      youngPersonName: c.youngPersonName,
      detectedAt: c.detectedAt,
      serverAuthorName: c.serverAuthorName,
      // The store keeps when the conflict was found, not the server's commit time.
      serverAt: c.detectedAt,
      fields: (meaningful.length > 0 ? meaningful : c.fields).map((f) => ({ label: label(f), mine: shown(f.mine), theirs: shown(f.theirs) })),
    };
  });
}

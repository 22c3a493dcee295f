/**
 * Open conflicts as the person reads them (ConflictView, shared/ipc/schemas/sync.ts): each differing
 * field labelled in the product's words, with this device's value beside the server's, and a record
 * only one side holds as one line. Columns the app keeps for itself (ConflictField.technical: ids,
 * versions, timestamps) are left out unless nothing else differs, so the person compares what was
 * written, not how it was stored.
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

/** What a rating or a Current View was recorded for (its `context` code), in the forms' words. */
const CONTEXT_WORDS: Record<string, string> = {
  open: 'At open',
  review: 'At a review',
  close: 'At close',
  plan: 'When the plan was agreed',
  session: 'In a session',
  ending: 'At the ending',
};

function columnWords(column: string): string {
  const words = column.replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

function label(field: ConflictField): string {
  return `${TABLE_WORDS[field.table] ?? field.table}: ${columnWords(field.column)}`;
}

function shown(field: ConflictField, value: ConflictField['mine']): string | null {
  if (value === undefined || value === null) return null;
  return field.column === 'context' ? (CONTEXT_WORDS[String(value)] ?? String(value)) : String(value);
}

/**
 * A record only one version holds (a Current View recorded on each side, say) is one line with its
 * fields, rather than each of its fields beside an empty one: the person sees two records, not a
 * jumble of half-rows.
 */
function fieldsToShow(fields: readonly ConflictField[]): ConflictView['fields'] {
  const rows = new Map<string, ConflictField[]>();
  for (const f of fields) {
    const key = `${f.table}\u0000${f.row}`;
    const row = rows.get(key);
    if (row) row.push(f);
    else rows.set(key, [f]);
  }
  return [...rows.values()].flatMap((row): ConflictView['fields'] => {
    const meaningful = row.filter((f) => !f.technical);
    const onlyTheirs = row.every((f) => f.mine === undefined);
    const onlyMine = row.every((f) => f.theirs === undefined);
    if (!onlyTheirs && !onlyMine) return meaningful.map((f) => ({ label: label(f), mine: shown(f, f.mine), theirs: shown(f, f.theirs) }));
    // By column name: the server's copy comes back with its keys in another order (jsonb), and the
    // two sides' records must read in the same order to be compared.
    const record = [...meaningful]
      .sort((a, b) => a.column.localeCompare(b.column))
      .map((f) => ({ label: columnWords(f.column), value: shown(f, onlyMine ? f.mine : f.theirs) }))
      .filter((p): p is { label: string; value: string } => p.value !== null);
    const name = TABLE_WORDS[row[0]!.table] ?? row[0]!.table;
    return [{ label: name, mine: onlyMine ? record : null, theirs: onlyTheirs ? record : null }];
  });
}

export function conflictViews(db: Db): ConflictView[] {
  return listConflicts(db).map((c) => {
    const shownFields = fieldsToShow(c.fields);
    return {
      id: c.id,
      caseId: c.caseId,
      caseRef: c.caseRef,
      youngPersonName: c.youngPersonName,
      detectedAt: c.detectedAt,
      serverAuthorName: c.serverAuthorName,
      // The store keeps when the conflict was found, not the server's commit time.
      serverAt: c.detectedAt,
      // Only ids, versions and timestamps differ: shown rather than an empty table.
      fields: shownFields.length > 0 ? shownFields : c.fields.map((f) => ({ label: label(f), mine: shown(f, f.mine), theirs: shown(f, f.theirs) })),
    };
  });
}

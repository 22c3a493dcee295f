/**
 * Comparing and merging case documents (shared/sync/protocol.ts), for a conflict: the person sees their
 * version beside the server's field by field, and "keep mine" re-applies what the device changed since
 * the version it started from on top of the server's. Pure: both the device and the server may use it.
 *
 * Rows are matched by primary key. Ids are client-made UUIDv7, so a row added on two devices is two rows,
 * never one row edited twice; the only rows both sides can edit are the ones they both started with.
 */
import { CASE_TABLES, type CaseDocument, type CaseTable, type Row } from './protocol';

type Cell = Row[string];

/** Primary key columns of each table a document carries (main/db/migrations/0010-initial.sql, 0040). */
export const CASE_TABLE_KEYS: Readonly<Record<CaseTable | 'young_people', readonly string[]>> = {
  young_people: ['id'],
  cases: ['id'],
  current_views: ['id'],
  plans: ['id'],
  ending_criteria: ['id'],
  goals: ['id'],
  reviews: ['id'],
  goal_ratings: ['id'],
  review_criterion_progress: ['review_id', 'criterion_id'],
  endings: ['id'],
  ending_criterion_status: ['ending_id', 'criterion_id'],
  ending_outcomes: ['ending_id'],
  goal_outcomes: ['rating_id'],
};

/** A row's key as text: its key columns' values joined (ids never hold the separator). */
export function rowKey(table: CaseTable | 'young_people', row: Row): string {
  return CASE_TABLE_KEYS[table].map((c) => String(row[c])).join(' / ');
}

/** One field that differs; `a` or `b` is undefined where that side has no such row (or column). */
export interface FieldDiff {
  table: CaseTable | 'young_people';
  row: string;
  column: string;
  a: Cell | undefined;
  b: Cell | undefined;
}

function byKey(table: CaseTable | 'young_people', rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [rowKey(table, r), r]));
}

function diffRows(table: CaseTable | 'young_people', a: readonly Row[], b: readonly Row[]): FieldDiff[] {
  const left = byKey(table, a);
  const right = byKey(table, b);
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  const out: FieldDiff[] = [];
  for (const key of keys) {
    const ra = left.get(key);
    const rb = right.get(key);
    const columns = [...new Set([...Object.keys(ra ?? {}), ...Object.keys(rb ?? {})])];
    for (const column of columns) {
      const va = ra?.[column];
      const vb = rb?.[column];
      if (va !== vb) out.push({ table, row: key, column, a: va, b: vb });
    }
  }
  return out;
}

/** Every field that differs between two documents of one case, young person first, then CASE_TABLES order. */
export function diffDocuments(a: CaseDocument, b: CaseDocument): FieldDiff[] {
  return [
    ...diffRows('young_people', [a.youngPerson], [b.youngPerson]),
    ...CASE_TABLES.flatMap((t) => diffRows(t, a.tables[t], b.tables[t])),
  ];
}

/** Whether two documents hold the same rows, whatever order their keys come in (jsonb reorders them). */
export function sameDocument(a: CaseDocument, b: CaseDocument): boolean {
  if (a.caseId !== b.caseId) return false;
  return CASE_TABLES.every((t) => a.tables[t].length === b.tables[t].length) && diffDocuments(a, b).length === 0;
}

function changed(base: Row, row: Row): boolean {
  const columns = new Set([...Object.keys(base), ...Object.keys(row)]);
  return [...columns].some((c) => base[c] !== row[c]);
}

/**
 * One row, three ways. Present in base: a field the device changed takes mine, every other field
 * theirs; a row one side removed stays removed unless the other side changed it (a change is never
 * dropped for a removal). Absent from base: added on one side (or both; mine wins field by field).
 */
function mergeRow(base: Row | undefined, mine: Row | undefined, theirs: Row | undefined): Row | undefined {
  if (!base) return mine && theirs ? { ...theirs, ...mine } : (mine ?? theirs);
  if (!mine && !theirs) return undefined;
  if (!mine) return changed(base, theirs!) ? theirs : undefined;
  if (!theirs) return changed(base, mine) ? mine : undefined;
  const out: Row = { ...theirs };
  for (const column of new Set([...Object.keys(mine), ...Object.keys(base)])) {
    if (mine[column] !== base[column]) {
      if (column in mine) out[column] = mine[column]!;
      else delete out[column];
    }
  }
  return out;
}

function mergeTable(table: CaseTable | 'young_people', base: readonly Row[], mine: readonly Row[], theirs: readonly Row[]): Row[] {
  const b = byKey(table, base);
  const m = byKey(table, mine);
  const t = byKey(table, theirs);
  const keys = [...new Set([...b.keys(), ...m.keys(), ...t.keys()])].sort();
  return keys.flatMap((k) => {
    const row = mergeRow(b.get(k), m.get(k), t.get(k));
    return row ? [row] : [];
  });
}

/**
 * The server's document with the device's changes since `base` on top. With no base (a version the
 * device could not fetch), every field where mine differs from theirs counts as the device's change:
 * choosing "mine" then keeps all of mine, and still keeps every row only the server has.
 */
export function mergeOnTop(base: CaseDocument | null, mine: CaseDocument, theirs: CaseDocument): CaseDocument {
  const tables = Object.fromEntries(
    CASE_TABLES.map((t) => [t, mergeTable(t, base?.tables[t] ?? [], mine.tables[t], theirs.tables[t])]),
  ) as CaseDocument['tables'];
  const youngPerson = mergeRow(base?.youngPerson, mine.youngPerson, theirs.youngPerson) ?? theirs.youngPerson;
  return { caseId: mine.caseId, youngPerson, tables };
}

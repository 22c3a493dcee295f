/**
 * A case as one document (CaseDocument, shared/sync/protocol.ts): every row of its tables exactly as
 * SQLite returns them, in primary key order, so the same rows always make the same document. Applying
 * one makes the case's rows exactly the document's, so read → apply elsewhere → read is the identity.
 */
import { CASE_TABLES, type CaseDocument, type CaseTable, type Row } from '../../shared/sync/protocol';
import { CASE_TABLE_KEYS, rowKey } from '../../shared/sync/merge';
import { stmt, writeTx, type Db } from '../db/sql';
import { ensureReferencedDirectory } from './directory-placeholders';

/** How each table's rows of one case are found: its own case_id, or through its parent's. */
const ROWS_OF_CASE: Record<CaseTable, string> = {
  cases: 'id = ?',
  current_views: 'case_id = ?',
  plans: 'case_id = ?',
  ending_criteria: 'case_id = ?',
  goals: 'case_id = ?',
  reviews: 'case_id = ?',
  goal_ratings: 'goal_id IN (SELECT id FROM goals WHERE case_id = ?)',
  review_criterion_progress: 'review_id IN (SELECT id FROM reviews WHERE case_id = ?)',
  endings: 'case_id = ?',
  ending_criterion_status: 'ending_id IN (SELECT id FROM endings WHERE case_id = ?)',
  ending_outcomes: 'ending_id IN (SELECT id FROM endings WHERE case_id = ?)',
  goal_outcomes: 'ending_id IN (SELECT id FROM endings WHERE case_id = ?)',
};

export class CaseDocumentError extends Error {}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function selectRows(db: Db, table: CaseTable, caseId: string): Row[] {
  const order = CASE_TABLE_KEYS[table].map(quote).join(', ');
  return stmt<[string], Row>(db, `SELECT * FROM ${quote(table)} WHERE ${ROWS_OF_CASE[table]} ORDER BY ${order}`).all(caseId);
}

/** Every row of the case and its young person, as this file holds them; throws if there is no such case. */
export function readCaseDocument(db: Db, caseId: string): CaseDocument {
  const tables = Object.fromEntries(CASE_TABLES.map((t) => [t, selectRows(db, t, caseId)])) as CaseDocument['tables'];
  const theCase = tables.cases[0];
  if (!theCase) throw new CaseDocumentError(`There is no case ${caseId} on this device`);
  const youngPerson = stmt<[unknown], Row>(db, 'SELECT * FROM young_people WHERE id = ?').get(theCase.young_person_id);
  if (!youngPerson) throw new CaseDocumentError(`The young person of case ${String(theCase.case_ref)} is missing`);
  return { caseId, youngPerson, tables };
}

/** The case's rows on this device (none for a case new here), by key. */
function localRows(db: Db, table: CaseTable, caseId: string): Map<string, Row> {
  return new Map(selectRows(db, table, caseId).map((r) => [rowKey(table, r), r]));
}

interface TableShape {
  columns: string[];
  known: Set<string>;
  insertSql: string;
}

const shapes = new WeakMap<Db, Map<string, TableShape>>();

/** The table's columns here, read once per connection (never a PRAGMA per row). */
function shapeOf(db: Db, table: string): TableShape {
  let perDb = shapes.get(db);
  if (!perDb) shapes.set(db, (perDb = new Map()));
  let shape = perDb.get(table);
  if (!shape) {
    const columns = (db.pragma(`table_info(${quote(table)})`) as Array<{ name: string }>).map((c) => c.name);
    const insertSql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    perDb.set(table, (shape = { columns, known: new Set(columns), insertSql }));
  }
  return shape;
}

function columnsOf(db: Db, table: string): string[] {
  return shapeOf(db, table).columns;
}

/** A document with a column this schema lacks, or without one it has, is refused rather than cut short. */
function checkColumns(db: Db, table: string, row: Row): void {
  const { columns, known } = shapeOf(db, table);
  let count = 0;
  for (const c in row) {
    if (!known.has(c)) return refuseColumns(table, row, columns);
    count++;
  }
  if (count !== columns.length) refuseColumns(table, row, columns);
}

function refuseColumns(table: string, row: Row, known: string[]): never {
  const unknown = Object.keys(row).filter((c) => !known.includes(c));
  const missing = known.filter((c) => !(c in row));
  throw new CaseDocumentError(
    `A ${table} row from the team server does not match this version of THRIVE Plans (${[...unknown, ...missing].join(', ')}): update THRIVE Plans`,
  );
}

function insertRow(db: Db, table: string, row: Row): void {
  checkColumns(db, table, row);
  const { columns, insertSql } = shapeOf(db, table);
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
  stmt(db, insertSql).run(...values);
}

function deleteRow(db: Db, table: CaseTable, row: Row): void {
  const key = CASE_TABLE_KEYS[table];
  stmt(db, `DELETE FROM ${quote(table)} WHERE ${key.map((c) => `${quote(c)} = ?`).join(' AND ')}`).run(...key.map((c) => row[c]));
}

function sameRow(a: Row, b: Row): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * The young person by id. Their NHS number is unique across the file: held by another young person
 * here, it means the same child was recorded twice, which a person must sort out (never merged silently).
 */
function putYoungPerson(db: Db, yp: Row): void {
  checkColumns(db, 'young_people', yp);
  const here = stmt<[unknown], Row>(db, 'SELECT * FROM young_people WHERE id = ?').get(yp.id);
  if (here && sameRow(here, yp)) return;
  if (yp.nhs_number !== null) {
    const holder = stmt<[unknown, unknown], { name: string }>(db, 'SELECT name FROM young_people WHERE nhs_number = ? AND id <> ?').get(yp.nhs_number, yp.id);
    if (holder) {
      throw new CaseDocumentError(
        `NHS number ${String(yp.nhs_number)} is recorded here for another young person (${holder.name}): the same child may have two records. Ask your team lead to match them.`,
      );
    }
  }
  const cols = columnsOf(db, 'young_people').filter((c) => c !== 'id');
  if (here) stmt(db, `UPDATE young_people SET ${cols.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => yp[c] ?? null), yp.id);
  else insertRow(db, 'young_people', yp);
}

/** The tables whose rows name their case. */
const ROWS_WITH_CASE_ID: CaseTable[] = ['current_views', 'plans', 'ending_criteria', 'goals', 'reviews', 'endings'];

/** Each child table's link to its parent in the document: a row must hang off this case's own rows. */
const PARENT_LINKS: Array<[CaseTable, string, CaseTable]> = [
  ['goal_ratings', 'goal_id', 'goals'],
  ['review_criterion_progress', 'review_id', 'reviews'],
  ['ending_criterion_status', 'ending_id', 'endings'],
  ['ending_outcomes', 'ending_id', 'endings'],
  ['goal_outcomes', 'ending_id', 'endings'],
];

/**
 * Every row belongs to this case: a document can never write into another case's records (one of
 * another team's, say) by naming that case's goal or review.
 */
function checkBelongs(doc: CaseDocument): void {
  const theCase = doc.tables.cases;
  if (theCase.length !== 1 || theCase[0]!.id !== doc.caseId || theCase[0]!.young_person_id !== doc.youngPerson.id) {
    throw new CaseDocumentError(`The document of case ${doc.caseId} does not hold that case and its young person`);
  }
  for (const t of ROWS_WITH_CASE_ID) {
    if (doc.tables[t].some((r) => r.case_id !== doc.caseId)) throw new CaseDocumentError(`A ${t} row of case ${doc.caseId} belongs to another case`);
  }
  for (const [child, column, parent] of PARENT_LINKS) {
    const ids = new Set(doc.tables[parent].map((r) => r.id));
    if (doc.tables[child].some((r) => !ids.has(r[column]!))) throw new CaseDocumentError(`A ${child} row of case ${doc.caseId} belongs to another case`);
  }
}

/**
 * Foreign keys checked at commit, for the rest of this transaction (SQLite turns it off at every
 * commit). Set only when off: setting a flag pragma expires every prepared statement of the
 * connection, and a first sync that set it for each case compiled every statement again for each case.
 */
function deferForeignKeys(db: Db): void {
  if (stmt<[], number>(db, 'PRAGMA defer_foreign_keys').pluck().get() !== 1) stmt(db, 'PRAGMA defer_foreign_keys = ON').run();
}

/**
 * Makes the case's rows exactly the document's, in one transaction (a savepoint inside the caller's).
 * Rows gone or changed are deleted first (children before parents), then rows new or changed are
 * inserted (parents first): every intermediate state is a subset of the old rows or of the new ones,
 * so the one-per-case unique indexes (a current plan, an active goal per position) never clash on the
 * way. Foreign keys are checked at commit (defer_foreign_keys), as rows point both ways (a review and
 * its Current View). Unchanged rows are not touched, so the audit entry names only what changed.
 */
export function applyCaseDocument(db: Db, doc: CaseDocument): void {
  checkBelongs(doc);
  writeTx(db, () => {
    deferForeignKeys(db);
    putYoungPerson(db, doc.youngPerson);
    ensureReferencedDirectory(db, doc);
    const wanted = new Map(CASE_TABLES.map((t) => [t, new Map(doc.tables[t].map((r) => [rowKey(t, r), r]))]));
    // A case new here (every case of a first sync) has no rows to compare: one lookup instead of one per table.
    const isNew = stmt<[string], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?) AS n').get(doc.caseId)!.n === 0;
    const here = new Map(CASE_TABLES.map((t) => [t, isNew ? new Map<string, Row>() : localRows(db, t, doc.caseId)]));
    for (const t of [...CASE_TABLES].reverse()) {
      for (const [key, row] of here.get(t)!) {
        const next = wanted.get(t)!.get(key);
        if (!next || !sameRow(row, next)) deleteRow(db, t, row);
      }
    }
    for (const t of CASE_TABLES) {
      for (const [key, row] of wanted.get(t)!) {
        const was = here.get(t)!.get(key);
        if (!was || !sameRow(was, row)) insertRow(db, t, row);
      }
    }
  });
}

/** THRIVE plans (versioned) and their ending criteria. */
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Likelihood, PlanFieldsValue } from '../../../shared/ipc/schemas/plan';
import type { EndingCriterionRecord, PlanRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { parseJson, stmt, writeTx, type Db } from '../sql';
import { actorLabel } from './clinicians';

interface PlanRow {
  id: string;
  case_id: string;
  version_no: number;
  revision_reason: string | null;
  review_id: string | null;
  agreed_date: string;
  grouping: GroupingCode;
  agreed_outcome: string;
  likelihood: Likelihood;
  likelihood_note: string | null;
  target_date: string;
  contingency: string | null;
  review_date: string;
  risk_support_summary: string | null;
  sdm: string;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
}

interface CriterionRow {
  id: string;
  plan_id: string;
  position: number;
  text: string;
  retired_at: string | null;
  retired_by_plan_id: string | null;
}

export type PlanSdm = PlanRecord['sdm'];

/** Every version of the case's plan, oldest first, with who agreed it (one query). */
export const CASE_PLANS_SQL = `SELECT p.id, p.case_id, p.version_no, p.revision_reason, p.review_id, p.agreed_date, p.grouping,
    p.agreed_outcome, p.likelihood, p.likelihood_note, p.target_date, p.contingency, p.review_date, p.risk_support_summary,
    p.sdm, p.created_at, p.created_by, cl.name AS created_by_name
  FROM plans p LEFT JOIN clinicians cl ON cl.id = p.created_by
  WHERE p.case_id = ? ORDER BY p.version_no`;

/** Every ending criterion ever set for the case (retired ones too), by position. */
export const CASE_CRITERIA_SQL = `SELECT id, plan_id, position, text, retired_at, retired_by_plan_id
  FROM ending_criteria WHERE case_id = ? ORDER BY position, created_at, id`;

function toCriterion(row: CriterionRow): EndingCriterionRecord {
  return { id: row.id, position: row.position, text: row.text, retiredAt: row.retired_at };
}

function toPlan(row: PlanRow, endingCriteria: EndingCriterionRecord[]): PlanRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    versionNo: row.version_no,
    revisionReason: row.revision_reason,
    reviewId: row.review_id,
    agreedDate: row.agreed_date,
    grouping: row.grouping,
    agreedOutcome: row.agreed_outcome,
    endingCriteria,
    likelihood: row.likelihood,
    likelihoodNote: row.likelihood_note,
    targetDate: row.target_date,
    contingency: row.contingency,
    reviewDate: row.review_date,
    riskSupportSummary: row.risk_support_summary,
    sdm: parseJson<PlanSdm>(row.sdm),
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: actorLabel(row.created_by, row.created_by_name),
  };
}

export interface PlanHistory {
  /** Oldest first; the last is the plan in force. */
  versions: PlanRecord[];
  /** Every criterion ever set. */
  criteria: EndingCriterionRecord[];
}

/**
 * Every plan version with the ending criteria in force under it (set by that version or an earlier
 * one, and not retired by it or an earlier one), and every criterion: two queries.
 */
export function listPlanHistory(db: Db, caseId: string): PlanHistory {
  const plans = stmt<[string], PlanRow>(db, CASE_PLANS_SQL).all(caseId);
  const criteria = stmt<[string], CriterionRow>(db, CASE_CRITERIA_SQL).all(caseId);
  const versionOf = new Map(plans.map((p) => [p.id, p.version_no]));
  const versions = plans.map((p) =>
    toPlan(
      p,
      criteria
        .filter((c) => {
          const setIn = versionOf.get(c.plan_id) ?? Infinity;
          const retiredIn = c.retired_by_plan_id ? (versionOf.get(c.retired_by_plan_id) ?? Infinity) : Infinity;
          return setIn <= p.version_no && retiredIn > p.version_no;
        })
        .map(toCriterion),
    ),
  );
  return { versions, criteria: criteria.map(toCriterion) };
}

/** The plan in force (the latest version), with its ending criteria in force. */
export function getCurrentPlan(db: Db, caseId: string): PlanRecord | null {
  return listPlanHistory(db, caseId).versions.at(-1) ?? null;
}

/** True once the case has a plan in force. */
export function hasCurrentPlan(db: Db, caseId: string): boolean {
  return !!stmt<[string], { id: string }>(db, 'SELECT id FROM plans WHERE case_id = ? AND superseded_by IS NULL').get(caseId);
}

/** The ending criteria in force for the case, by position. */
export function listCriteriaInForce(db: Db, caseId: string): EndingCriterionRecord[] {
  return stmt<[string], CriterionRow>(
    db,
    `SELECT id, plan_id, position, text, retired_at, retired_by_plan_id
     FROM ending_criteria WHERE case_id = ? AND retired_at IS NULL ORDER BY position, created_at, id`,
  )
    .all(caseId)
    .map(toCriterion);
}

type OptionalKey = { [K in keyof PlanFieldsValue]: null extends PlanFieldsValue[K] ? K : never }[keyof PlanFieldsValue];

/**
 * A plan version to insert: the fields `plan:save` and `plan:revise` share, and where it belongs. A
 * field the plan may go without can be left out (an imported or generated plan has no such words).
 */
export interface NewPlan extends Omit<PlanFieldsValue, OptionalKey>, Partial<Pick<PlanFieldsValue, OptionalKey>> {
  caseId: string;
  agreedDate: string;
  grouping: GroupingCode;
  createdBy: string;
}

/** Inserts the first version of a case's plan with its ending criteria, together or not at all. */
export function insertFirstPlan(db: Db, input: NewPlan & { endingCriteria: readonly string[] }, at: string): string {
  return writeTx(db, () => {
    const id = insertPlanRow(db, { ...input, versionNo: 1, revisionReason: null, reviewId: null }, at);
    input.endingCriteria.forEach((text, i) => insertCriterion(db, { caseId: input.caseId, planId: id, position: i + 1, text }, at));
    return id;
  });
}

export interface PlanRevision {
  /** The version being revised (it becomes superseded by the new one). */
  previous: { id: string; versionNo: number };
  revisionReason: string;
  reviewId: string | null;
}

/**
 * Inserts the next version of the plan and marks the previous one superseded by it. The old row is
 * marked first (plans.superseded_by is a deferred foreign key) so that one plan is in force at every
 * step, as plans_current requires. Call inside the write transaction of the revision.
 */
export function insertPlanVersion(db: Db, input: NewPlan & PlanRevision, at: string): string {
  const id = newId();
  const changed = stmt(db, 'UPDATE plans SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL').run(id, input.previous.id);
  if (changed.changes !== 1) throw new Error('The plan being revised is no longer the plan in force');
  insertPlanRow(
    db,
    { ...input, versionNo: input.previous.versionNo + 1, revisionReason: input.revisionReason, reviewId: input.reviewId },
    at,
    id,
  );
  return id;
}

function insertPlanRow(
  db: Db,
  input: NewPlan & { versionNo: number; revisionReason: string | null; reviewId: string | null },
  at: string,
  id: string = newId(),
): string {
  stmt(
    db,
    `INSERT INTO plans (id, case_id, version_no, agreed_date, grouping, agreed_outcome, likelihood, likelihood_note,
       target_date, contingency, review_date, risk_support_summary, sdm, revision_reason, review_id, created_at, created_by)
     VALUES (@id, @caseId, @versionNo, @agreedDate, @grouping, @agreedOutcome, @likelihood, @likelihoodNote,
       @targetDate, @contingency, @reviewDate, @riskSupportSummary, @sdm, @revisionReason, @reviewId, @at, @createdBy)`,
  ).run({
    id,
    caseId: input.caseId,
    versionNo: input.versionNo,
    agreedDate: input.agreedDate,
    grouping: input.grouping,
    agreedOutcome: input.agreedOutcome,
    likelihood: input.likelihood,
    likelihoodNote: input.likelihoodNote ?? null,
    targetDate: input.targetDate,
    contingency: input.contingency ?? null,
    reviewDate: input.reviewDate,
    riskSupportSummary: input.riskSupportSummary ?? null,
    sdm: JSON.stringify(input.sdm),
    revisionReason: input.revisionReason,
    reviewId: input.reviewId,
    at,
    createdBy: input.createdBy,
  });
  return id;
}

export function insertCriterion(db: Db, input: { caseId: string; planId: string; position: number; text: string }, at: string): string {
  const id = newId();
  stmt(db, 'INSERT INTO ending_criteria (id, case_id, plan_id, position, text, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    input.caseId,
    input.planId,
    input.position,
    input.text,
    at,
  );
  return id;
}

/** A criterion leaves the plan (removed, or replaced by a rewording) from the given plan version on. */
export function retireCriterion(db: Db, criterionId: string, byPlanId: string, at: string): void {
  stmt(db, 'UPDATE ending_criteria SET retired_at = ?, retired_by_plan_id = ? WHERE id = ? AND retired_at IS NULL').run(
    at,
    byPlanId,
    criterionId,
  );
}

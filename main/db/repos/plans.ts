/** THRIVE plans (versioned) and their ending criteria. */
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Likelihood } from '../../../shared/ipc/schemas/plan';
import type { EndingCriterionRecord, PlanRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { parseJson, stmt, writeTx, type Db } from '../sql';
import { actorName } from './clinicians';

interface PlanRow {
  id: string;
  case_id: string;
  version_no: number;
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
}

interface CriterionRow {
  id: string;
  position: number;
  text: string;
}

export type PlanSdm = PlanRecord['sdm'];

/** The plan in force (the one not superseded by a revision), with its current ending criteria. */
export function getCurrentPlan(db: Db, caseId: string): PlanRecord | null {
  const row = stmt<[string], PlanRow>(db, 'SELECT * FROM plans WHERE case_id = ? AND superseded_by IS NULL').get(caseId);
  if (!row) return null;
  const criteria = stmt<[string], CriterionRow>(
    db,
    'SELECT id, position, text FROM ending_criteria WHERE plan_id = ? AND retired_at IS NULL ORDER BY position',
  ).all(row.id);
  return {
    id: row.id,
    caseId: row.case_id,
    agreedDate: row.agreed_date,
    grouping: row.grouping,
    agreedOutcome: row.agreed_outcome,
    endingCriteria: criteria.map((c): EndingCriterionRecord => ({ id: c.id, position: c.position, text: c.text })),
    likelihood: row.likelihood,
    likelihoodNote: row.likelihood_note,
    targetDate: row.target_date,
    contingency: row.contingency,
    reviewDate: row.review_date,
    riskSupportSummary: row.risk_support_summary,
    sdm: parseJson<PlanSdm>(row.sdm),
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: actorName(db, row.created_by),
  };
}

export interface NewPlan {
  caseId: string;
  agreedDate: string;
  grouping: GroupingCode;
  agreedOutcome: string;
  endingCriteria: readonly string[];
  likelihood: Likelihood;
  likelihoodNote: string | null;
  targetDate: string;
  contingency: string | null;
  reviewDate: string;
  riskSupportSummary: string | null;
  sdm: PlanSdm;
  createdBy: string;
}

/** Inserts the first version of a case's plan with its ending criteria, together or not at all. */
export function insertFirstPlan(db: Db, input: NewPlan, at: string): string {
  return writeTx(db, () => insertPlanRows(db, input, at));
}

function insertPlanRows(db: Db, input: NewPlan, at: string): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO plans (id, case_id, version_no, agreed_date, grouping, agreed_outcome, likelihood, likelihood_note,
       target_date, contingency, review_date, risk_support_summary, sdm, created_at, created_by)
     VALUES (@id, @caseId, 1, @agreedDate, @grouping, @agreedOutcome, @likelihood, @likelihoodNote,
       @targetDate, @contingency, @reviewDate, @riskSupportSummary, @sdm, @at, @createdBy)`,
  ).run({
    id,
    caseId: input.caseId,
    agreedDate: input.agreedDate,
    grouping: input.grouping,
    agreedOutcome: input.agreedOutcome,
    likelihood: input.likelihood,
    likelihoodNote: input.likelihoodNote,
    targetDate: input.targetDate,
    contingency: input.contingency,
    reviewDate: input.reviewDate,
    riskSupportSummary: input.riskSupportSummary,
    sdm: JSON.stringify(input.sdm),
    at,
    createdBy: input.createdBy,
  });
  const insertCriterion = stmt(
    db,
    'INSERT INTO ending_criteria (id, case_id, plan_id, position, text, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  input.endingCriteria.forEach((text, i) => insertCriterion.run(newId(), input.caseId, id, i + 1, text, at));
  return id;
}

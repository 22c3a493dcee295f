/**
 * import:commit — all or nothing. The preview decides inside one write transaction (worked out again
 * there unless nothing at all was written since it was shown, so a case added since is seen), and only
 * a clean file is written: new clinicians, young people,
 * cases, plans, goals and their ratings, each with its audit entry like the forms' writes, in one
 * transaction. Any bad row, missing column or file problem writes nothing.
 *
 * Current Views are not imported (a caseload report does not hold the 50 ratings): an imported case has
 * none, and the caseload flags it "Current View missing" until the clinician records the Current View at
 * open. The grouping from the file is the case's grouping meanwhile, so Getting Risk Support review
 * checks apply from the first day.
 */
import { isTeamMode, ROLE_FROM_SERVER_MESSAGE } from '../../sync/team-mode';
import { AppError } from '../../../shared/ipc/result';
import type { ImportResult } from '../../../shared/ipc/import-types';
import type { ImportFileInput } from '../../../shared/ipc/schemas/import';
import { appendAudit } from '../../db/repos/audit';
import { insertCase, updateCaseDenormalised } from '../../db/repos/cases';
import { insertClinician } from '../../db/repos/clinicians';
import { insertGoal, insertGoalRating } from '../../db/repos/goals';
import { insertFirstPlan } from '../../db/repos/plans';
import { insertYoungPerson } from '../../db/repos/young-people';
import { changeStamp, forgetMemo } from '../../db/read-memo';
import { writeTx } from '../../db/sql';
import { nameKey, type KnownRecords, type PreviewOutcome } from '../../import/preview';
import { IMPORTED_PLAN_SDM } from '../../import/plan-row';
import type { ImportRowValue } from '../../import/row';
import { requireProfile } from '../export/export-scope';
import type { WriteContext } from '../write-context';
import { previewImport, previewImportReused } from './import-preview';

/** "3 rows have problems; nothing was imported" and the like: why a commit wrote nothing. */
export function refusalMessage(p: { fileError: string | null; missingColumns: unknown[]; badRows: unknown[]; toCreate: unknown[] }): string | null {
  if (p.fileError) return `${p.fileError} Nothing was imported.`;
  if (p.missingColumns.length > 0) {
    const n = p.missingColumns.length;
    return `${n} required column${n === 1 ? ' is' : 's are'} not matched to a column of the file; nothing was imported.`;
  }
  if (p.badRows.length > 0) {
    const n = p.badRows.length;
    return `${n} row${n === 1 ? ' has' : 's have'} problems; nothing was imported. Fix them in the file and choose it again.`;
  }
  return null;
}

interface RowContext {
  teamId: string;
  leadId: string;
  fileName: string;
  at: string;
}

/** One row: the young person and the case, then the plan when the row has one (with the grouping it needs). */
function writeRow(w: WriteContext, row: ImportRowValue, ctx: RowContext): string {
  const { caseId, youngPersonId } = writeCase(w, row, ctx);
  const plan = row.plan;
  if (!plan || !row.grouping) {
    if (row.grouping) updateCaseDenormalised(w.db, caseId, 1, { grouping: row.grouping }, ctx.at);
    return caseId;
  }
  writePlan(w, { ...row, plan, grouping: row.grouping }, { caseId, youngPersonId }, ctx);
  return caseId;
}

function writeCase(w: WriteContext, row: ImportRowValue, ctx: RowContext): { caseId: string; youngPersonId: string } {
  const { db, actor } = w;
  const { at, fileName } = ctx;
  const person = insertYoungPerson(db, { name: row.name, dateOfBirth: row.dateOfBirth, nhsNumber: row.nhsNumber }, at);
  const caseId = insertCase(
    db,
    {
      caseRef: row.caseRef,
      youngPersonId: person.id,
      referralDate: row.referralDate,
      openDate: row.openDate,
      leadClinicianId: ctx.leadId,
      teamId: ctx.teamId,
      coordinatingAgency: row.coordinatingAgency,
    },
    at,
  );
  appendAudit(db, {
    at,
    actorId: actor,
    caseId,
    youngPersonId: person.id,
    action: 'case.import',
    entity: 'case',
    entityId: caseId,
    after: {
      importedFrom: { fileName, line: row.line },
      caseRef: row.caseRef,
      youngPerson: { id: person.id, name: person.name, dateOfBirth: person.date_of_birth, nhsNumber: person.nhs_number },
      referralDate: row.referralDate,
      openDate: row.openDate,
      leadClinicianId: ctx.leadId,
      teamId: ctx.teamId,
      coordinatingAgency: row.coordinatingAgency,
      grouping: row.grouping,
    },
  });
  return { caseId, youngPersonId: person.id };
}

type RowWithPlan = ImportRowValue & { plan: NonNullable<ImportRowValue['plan']>; grouping: NonNullable<ImportRowValue['grouping']> };

/** The plan as agreed, its goals with their first and latest ratings, and the case's review dates from it. */
function writePlan(w: WriteContext, row: RowWithPlan, ids: { caseId: string; youngPersonId: string }, ctx: RowContext): void {
  const { db, actor } = w;
  const { at, fileName } = ctx;
  const { caseId } = ids;
  const plan = row.plan;
  const planId = insertFirstPlan(
    db,
    {
      caseId,
      agreedDate: plan.agreedDate,
      grouping: row.grouping,
      agreedOutcome: plan.agreedOutcome,
      endingCriteria: plan.endingCriteria,
      likelihood: plan.likelihood,
      likelihoodNote: null,
      targetDate: plan.targetDate,
      contingency: plan.contingency,
      reviewDate: plan.reviewDate,
      riskSupportSummary: plan.riskSupportSummary,
      sdm: IMPORTED_PLAN_SDM,
      createdBy: actor,
    },
    at,
  );
  const goals = plan.goals.map((g) => {
    const goalId = insertGoal(db, { caseId, planId, position: g.position, description: g.description, createdOn: g.first.ratedOn, createdBy: actor }, at);
    insertGoalRating(db, { goalId, ratedOn: g.first.ratedOn, score: g.first.score, context: 'plan', createdBy: actor }, at);
    // The latest rating was made at some contact the file does not describe: a session rating.
    if (g.latest) insertGoalRating(db, { goalId, ratedOn: g.latest.ratedOn, score: g.latest.score, context: 'session', createdBy: actor }, at);
    return { goalId, position: g.position, description: g.description, first: g.first, latest: g.latest };
  });
  updateCaseDenormalised(db, caseId, 1, { grouping: row.grouping, nextReviewDate: plan.reviewDate, targetDate: plan.targetDate, planComplete: true }, at);
  appendAudit(db, {
    at,
    actorId: actor,
    caseId,
    youngPersonId: ids.youngPersonId,
    action: 'plan.import',
    entity: 'plan',
    entityId: planId,
    before: { nextReviewDate: null, targetDate: null, planComplete: false },
    after: {
      importedFrom: { fileName, line: row.line },
      agreedDate: plan.agreedDate,
      grouping: row.grouping,
      agreedOutcome: plan.agreedOutcome,
      endingCriteria: plan.endingCriteria,
      likelihood: plan.likelihood,
      targetDate: plan.targetDate,
      contingency: plan.contingency,
      reviewDate: plan.reviewDate,
      riskSupportSummary: plan.riskSupportSummary,
      sdm: IMPORTED_PLAN_SDM,
      goals,
      nextReviewDate: plan.reviewDate,
      planComplete: true,
    },
  });
}

/** A preview taken before the write transaction: for whom, on which day, and where the database stood. */
export interface CheckedImport {
  profileId: string;
  today: string;
  stamp: string;
  outcome: PreviewOutcome & { known: KnownRecords };
}

/** The preview the person just saw, if nothing has been written since (else it is worked out now). */
export function checkBeforeCommit(w: WriteContext, args: ImportFileInput): CheckedImport {
  const profile = requireProfile(w.db, 'import');
  const stamp = changeStamp(w.db);
  const today = w.clock.today();
  const outcome = previewImportReused(w.db, w.clock, profile, args);
  // Whatever happens next, the checked file (thousands of rows) is not kept.
  forgetMemo(w.db, 'importPreview');
  return { profileId: profile.id, today, stamp, outcome };
}

/** `checked` is made from these same `args` (checkBeforeCommit); tests pass one made earlier. */
export function commitImport(w: WriteContext, args: ImportFileInput, checked: CheckedImport = checkBeforeCommit(w, args)): ImportResult {
  return writeTx(w.db, () => {
    const profile = requireProfile(w.db, 'import');
    // Inside the write lock: the earlier check stands only if no write of any connection came between it
    // and now, for the same person and day. Otherwise every row is checked again, against what is there now.
    const unchanged = changeStamp(w.db) === checked.stamp && profile.id === checked.profileId && w.clock.today() === checked.today;
    const { preview, rows, known } = unchanged ? checked.outcome : previewImport(w.db, w.clock, profile, args);
    const refusal = refusalMessage(preview);
    if (refusal) throw new AppError('validation', refusal);
    // In team mode the team's members come from the team server only (main/sync/team-mode.ts).
    if (preview.newClinicians.length > 0 && isTeamMode(w.db)) {
      throw new AppError('forbidden', `${preview.newClinicians.join(', ')} ${preview.newClinicians.length === 1 ? 'is' : 'are'} not in your team on the team server. ${ROLE_FROM_SERVER_MESSAGE}`);
    }
    if (rows.length === 0) {
      return { created: 0, skipped: preview.alreadyPresent.length, cliniciansAdded: 0, caseIds: [] };
    }
    const at = w.clock.now();
    const actor: WriteContext = { ...w, actor: profile.id };
    const team = new Map(known.teamClinicians);
    for (const name of preview.newClinicians) {
      const id = insertClinician(w.db, { name, role: 'clinician', teamId: profile.teamId }, at);
      appendAudit(w.db, {
        at,
        actorId: profile.id,
        action: 'clinician.create',
        entity: 'clinician',
        entityId: id,
        after: { name, role: 'clinician', teamId: profile.teamId, importedFrom: { fileName: args.fileName } },
      });
      team.set(nameKey(name), id);
    }
    const caseIds = rows.map((row) => {
      const key = nameKey(row.leadClinician);
      const leadId = team.get(key);
      if (!leadId) throw new AppError('internal', `No clinician for ${row.leadClinician}`);
      return writeRow(actor, row, { teamId: profile.teamId, leadId, fileName: args.fileName, at });
    });
    return { created: caseIds.length, skipped: preview.alreadyPresent.length, cliniciansAdded: preview.newClinicians.length, caseIds };
  });
}

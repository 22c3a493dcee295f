import { AppError, validationError, type FieldError } from '../../../shared/ipc/result';
import { CloseCaseArgs, closeCaseRules, type CloseCaseInput, type CloseCaseValue } from '../../../shared/ipc/schemas/cases-close-reopen';
import type { CaseSummary, EndingRecord } from '../../../shared/ipc/types';
import { newId } from '../../db/ids';
import { appendAudit } from '../../db/repos/audit';
import { insertCurrentView } from '../../db/repos/current-views';
import { deleteCaseDrafts } from '../../db/repos/drafts';
import { getEnding, insertCriterionStatus, insertEnding } from '../../db/repos/endings';
import { insertGoalRating, listGoalRatingRows } from '../../db/repos/goals';
import { recordEndingOutcome } from '../../db/repos/outcomes';
import { writeTx } from '../../db/sql';
import { auditBase, auditEmbeddedCurrentView, inTheirWords } from './audit-words';
import { caseRuleFacts, type CaseRuleFacts } from './rule-context';
import { touchCase, writableCase } from './writable-case';
import { parseOrThrow, type WriteContext } from '../write-context';

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The summary message when closing is refused: it names what is still missing (the closing Current
 * View, final ratings, criteria statuses), so the clinician knows what to record before closing.
 */
export function closeRefusal(fields: readonly FieldError[], facts: Pick<CaseRuleFacts, 'goals' | 'criteria'>): AppError {
  const missing: string[] = [];
  if (fields.some((f) => f.path === 'currentView')) missing.push('the Current View at close (with the grouping at close)');
  for (const g of facts.goals) {
    if (fields.some((f) => f.path === `finalRatings.goal-${g.id}`)) missing.push(`the final rating for goal "${g.description}"`);
  }
  for (const c of facts.criteria) {
    if (fields.some((f) => f.path === `criteriaStatus.criterion-${c.id}`)) missing.push(`the final status of ending criterion "${c.text}"`);
  }
  if (missing.length === 0) return validationError([...fields]);
  return validationError([...fields], `The case cannot be closed until ${joinList(missing)} ${missing.length === 1 ? 'is' : 'are'} recorded.`);
}

type ClosingCurrentView = NonNullable<CloseCaseValue['currentView']>;

/**
 * Ends the case (docs/product.md#end): the ending, each criterion's final status, the final GBO ratings
 * and the Current View at close, whose grouping becomes the grouping at close; the case becomes
 * closed and read-only, and the ending's outcome summary is written for the team view. Its form drafts
 * go with it (they can no longer be saved).
 */
export function closeCase(w: WriteContext, input: CloseCaseInput): EndingRecord {
  const v = parseOrThrow(CloseCaseArgs, input);
  return writeTx(w.db, () => {
    const current = writableCase(w.db, v.caseId, v.caseVersion);
    const facts = caseRuleFacts(w.db, current, w.clock.today());
    const problems = closeCaseRules(v, {
      today: facts.today,
      openDate: facts.openDate,
      lastReviewDate: facts.lastReviewDate,
      activeGoals: facts.activeGoals,
      criteria: facts.criteria,
    });
    if (problems.length > 0) throw closeRefusal(problems, facts);
    const closing = v.currentView;
    if (!closing) throw new AppError('internal', 'The closing Current View passed the rules but is missing');

    const at = w.clock.now();
    const ids = writeEnding(w, v, closing, current, at);
    deleteCaseDrafts(w.db, v.caseId);
    auditClose(w, { v, closing, current, facts, at, ...ids });
    const ending = getEnding(w.db, v.caseId, listGoalRatingRows(w.db, v.caseId));
    if (!ending) throw new AppError('internal', 'The ending was not saved');
    return ending;
  });
}

/** The rows of the ending, and the case closed with the grouping at close. */
function writeEnding(w: WriteContext, v: CloseCaseValue, closing: ClosingCurrentView, current: CaseSummary, at: string) {
  const endingId = newId();
  // The Current View first: its ending_id is a deferred reference, the ending's current_view_id is not.
  const currentViewId = insertCurrentView(
    w.db,
    { caseId: v.caseId, context: 'close', endingId, completedDate: v.endingDate, ...closing, recordedBy: w.actor },
    at,
  );
  insertEnding(
    w.db,
    {
      id: endingId,
      caseId: v.caseId,
      endingDate: v.endingDate,
      reason: v.reason,
      reasonOther: v.reasonOther,
      mhsdsCode: v.mhsdsCode,
      continuingSupport: v.continuingSupport,
      signposting: v.signposting,
      wellbeingPlan: v.wellbeingPlan,
      discussedFromStart: v.discussedFromStart,
      currentViewId,
      createdBy: w.actor,
    },
    at,
  );
  for (const s of v.criteriaStatus) insertCriterionStatus(w.db, endingId, s.criterionId, s.status);
  for (const r of v.finalRatings) {
    insertGoalRating(w.db, { goalId: r.goalId, ratedOn: v.endingDate, score: r.score, context: 'ending', endingId, createdBy: w.actor }, at);
  }
  touchCase(w.db, current, { closedDate: v.endingDate, grouping: closing.grouping }, at);
  // Last of the record's writes: the outcome summary the team view counts is derived from the rows
  // above (the case now closed, so they can no longer change), in the same transaction (hazard H31).
  if (!recordEndingOutcome(w.db, endingId)) throw new AppError('internal', 'The outcome of the ending was not saved');
  return { endingId, currentViewId };
}

interface Closed {
  v: CloseCaseValue;
  closing: ClosingCurrentView;
  /** The case as it was before closing. */
  current: CaseSummary;
  facts: CaseRuleFacts;
  at: string;
  endingId: string;
  currentViewId: string;
}

/** Two audit entries: the Current View at close, then the ending with the goals' and criteria's words. */
function auditClose(w: WriteContext, { v, closing, current, facts, at, endingId, currentViewId }: Closed): void {
  const words = inTheirWords(facts);
  const audit = auditBase(w, current, at);
  auditEmbeddedCurrentView(w, audit, {
    currentViewId,
    groupingBefore: current.grouping,
    after: { context: 'close', endingId, completedDate: v.endingDate, ...closing },
  });
  appendAudit(w.db, {
    ...audit,
    action: 'case.close',
    entity: 'ending',
    entityId: endingId,
    before: { status: current.status, closedDate: current.closedDate },
    after: {
      status: 'closed',
      closedDate: v.endingDate,
      reason: v.reason,
      reasonOther: v.reasonOther,
      mhsdsCode: v.mhsdsCode,
      criteriaStatus: words.criteria(v.criteriaStatus),
      finalRatings: words.goals(v.finalRatings),
      groupingAtClose: closing.grouping,
      currentViewId,
      continuingSupport: v.continuingSupport,
      signposting: v.signposting,
      wellbeingPlan: v.wellbeingPlan,
      discussedFromStart: v.discussedFromStart,
    },
  });
}

/** One plain-English line per audit action, as a clinician would say what happened. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS, isGroupingCode } from '../../../shared/domain/groupings';
import { ENDING_REASON_LABELS, REVIEW_DECISION_LABELS, type EndingReason, type ReviewDecision } from '../../../shared/domain/lifecycle';
import { isRecord } from './history-values';

const CURRENT_VIEW_WHEN: Record<string, string> = { open: 'at open', review: 'at review', close: 'at close' };

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function grouping(value: unknown): string {
  return isGroupingCode(value) ? GROUPING_LABELS[value] : 'grouping not recorded';
}

function quoted(value: unknown): string {
  return `"${str(value)}"`;
}

/** "plan.agree" → "Plan agree": for an action this version does not know, better than the raw code. */
function fallback(action: string): string {
  const words = action.replace(/[._]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "caseload.csv, line 4" — where an imported record came from. */
function importedFrom(value: unknown): string {
  if (!isRecord(value)) return 'a file';
  return value.line === undefined ? str(value.fileName) : `${str(value.fileName)}, line ${str(value.line)}`;
}

const EXPORT_FORMATS: Record<string, string> = {
  fhir: 'FHIR record',
  csv: 'CSV',
  pdf: 'PDF',
};

/** "Exported: thrive-family-plan-….pdf" or "Summary copied (plan)": who took what out of the app. */
function exported(a: Record<string, unknown>): string {
  const format = str(a.format);
  if (format.startsWith('text:')) return `Summary copied for a progress note (${format.slice(5).replace(/-summary$/, '')})`;
  const kind = EXPORT_FORMATS[format.split(':')[0] ?? ''] ?? 'File';
  return `${kind} exported: ${str(a.fileName)}`;
}

export function summariseAudit(action: string, afterValue: unknown): string {
  const a = isRecord(afterValue) ? afterValue : {};
  switch (action) {
    case 'case.open':
      return 'Case opened';
    case 'case.reopen':
      return `Re-opened as episode ${str(a.episodeNo)}`;
    case 'case.open_episode':
      return `Case re-opened as episode ${str(a.episodeNo)} (following episode ${str(a.previousEpisodeNo)}): ${str(a.reason)}`;
    case 'current_view.record': {
      const base = `Current View ${CURRENT_VIEW_WHEN[str(a.context)] ?? ''} recorded (${grouping(a.currentViewGrouping ?? a.grouping)})`;
      return a.recordedAfterReview ? `${base} for the review of ${formatUkDate(str(a.reviewDate))}` : base;
    }
    case 'plan.agree':
      return 'THRIVE plan agreed';
    case 'plan.revise':
      return `Plan revised to version ${str(a.versionNo)}: ${str(a.reason)}`;
    case 'review.record': {
      const decision = REVIEW_DECISION_LABELS[str(a.decision) as ReviewDecision] ?? str(a.decision);
      return `Review recorded (decision: ${decision})`;
    }
    case 'goal.add':
      return `Goal added: ${quoted(a.description)}`;
    case 'goal.reword':
      return 'Goal reworded';
    case 'goal.drop':
      return `Goal dropped: ${quoted(a.description)}`;
    case 'goal.rate':
      return a.description ? `Goal ${quoted(a.description)} rated ${str(a.score)} out of 10` : `Goal rated ${str(a.score)} out of 10`;
    case 'criterion.add':
      return `Ending criterion added: ${quoted(a.text)}`;
    case 'criterion.reword':
      return 'Ending criterion reworded';
    case 'criterion.retire':
      return `Ending criterion removed: ${quoted(a.text)}`;
    case 'case.close': {
      const reason = a.reason === 'other' && a.reasonOther ? `Other: ${str(a.reasonOther)}` : (ENDING_REASON_LABELS[str(a.reason) as EndingReason] ?? str(a.reason));
      return `Case closed (${reason})`;
    }
    case 'case.import':
      return `Case imported from ${importedFrom(a.importedFrom)}`;
    case 'plan.import':
      return `THRIVE plan imported from ${importedFrom(a.importedFrom)}`;
    case 'export.create':
      return exported(a);
    case 'case.team_move':
      return `Case moved to ${str(a.team)} with its lead clinician ${str(a.leadClinician)}`;
    case 'sync.receive':
      return `Received from the team server: ${str(a.author)}'s changes (version ${str(a.version)})`;
    case 'sync.conflict_theirs':
      return `Conflict resolved: the team server's version (${str(a.author)}'s) was kept; this device's version is kept in the audit trail`;
    case 'sync.conflict_mine':
      return `Conflict resolved: this device's changes were put on top of the team server's version (${str(a.author)}'s), which is kept in the audit trail`;
    default:
      return fallback(action);
  }
}

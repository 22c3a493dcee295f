/**
 * What each plan revision changed, in words a clinician reads at a glance ("Goal 2 reworded: …").
 * Goals carry their own history (createdOn, endedOn, replacesGoalId), so a revision's goal changes
 * are the goals that started or ended on its date; criteria and the other fields are compared with
 * the version before.
 */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { LIKELIHOOD_LABELS, PLAN_FIELD_LABELS as LABEL } from '../../../shared/ipc/schemas/plan';
import type { EndingCriterionRecord, GoalRecord, PlanRecord } from '../../../shared/ipc/types';
import { goalEnd } from './goal-labels';

const quoted = (text: string) => `“${text}”`;

function goalChanges(version: PlanRecord, goals: readonly GoalRecord[]): string[] {
  const on = version.agreedDate;
  const lines: string[] = [];
  for (const g of goals) {
    if (g.createdOn !== on) continue;
    const replaced = g.replacesGoalId ? goals.find((old) => old.id === g.replacesGoalId) : undefined;
    if (replaced) lines.push(`Goal ${g.position} reworded: ${quoted(replaced.description)} → ${quoted(g.description)}`);
    else lines.push(`Goal ${g.position} added: ${quoted(g.description)}`);
  }
  for (const g of goals) {
    const end = goalEnd(g, goals);
    if (end?.kind === 'dropped' && g.endedOn === on) lines.push(`Goal ${g.position} dropped: ${quoted(g.description)}`);
  }
  return lines;
}

/**
 * Criteria have no link from a new wording to the old one in what main returns, so a criterion that
 * left and one that arrived at the same position are shown as that position reworded.
 */
function criteriaChanges(before: readonly EndingCriterionRecord[], after: readonly EndingCriterionRecord[]): string[] {
  const kept = new Set(after.map((c) => c.id));
  const had = new Set(before.map((c) => c.id));
  const removed = before.filter((c) => !kept.has(c.id));
  const added = after.filter((c) => !had.has(c.id));
  const lines: string[] = [];
  for (const c of added) {
    const old = removed.find((r) => r.position === c.position);
    if (old) lines.push(`Ending criterion ${c.position} reworded: ${quoted(old.text)} → ${quoted(c.text)}`);
    else lines.push(`Ending criterion added: ${quoted(c.text)}`);
  }
  for (const c of removed) {
    if (!added.some((a) => a.position === c.position)) lines.push(`Ending criterion removed: ${quoted(c.text)}`);
  }
  return lines;
}

function fieldChanges(before: PlanRecord, after: PlanRecord): string[] {
  const lines: string[] = [];
  const changed = (label: string, a: string | null, b: string | null) => {
    if (a !== b) lines.push(`${label}: ${a ?? 'not recorded'} → ${b ?? 'not recorded'}`);
  };
  changed(LABEL.targetDate, formatUkDate(before.targetDate), formatUkDate(after.targetDate));
  changed(LABEL.reviewDate, formatUkDate(before.reviewDate), formatUkDate(after.reviewDate));
  changed('THRIVE grouping', GROUPING_LABELS[before.grouping], GROUPING_LABELS[after.grouping]);
  changed(LABEL.likelihood, LIKELIHOOD_LABELS[before.likelihood], LIKELIHOOD_LABELS[after.likelihood]);
  if (before.agreedOutcome !== after.agreedOutcome) lines.push(`${LABEL.agreedOutcome}: now ${quoted(after.agreedOutcome)}`);
  if (before.contingency !== after.contingency) lines.push(`${LABEL.contingency}: now ${after.contingency ? quoted(after.contingency) : 'not recorded'}`);
  return lines;
}

/**
 * The changes a version made to the one before it. For version 1 (the plan as first agreed) there
 * is nothing before it: the list is empty. When two versions share a date, the goal changes of that
 * day are shown once, against the later version.
 */
export function planVersionChanges(versions: readonly PlanRecord[], index: number, goals: readonly GoalRecord[]): string[] {
  const version = versions[index];
  const before = versions[index - 1];
  if (!version || !before) return [];
  const laterSameDay = versions.slice(index + 1).some((v) => v.agreedDate === version.agreedDate);
  return [
    ...(laterSameDay ? [] : goalChanges(version, goals)),
    ...criteriaChanges(before.endingCriteria, version.endingCriteria),
    ...fieldChanges(before, version),
  ];
}

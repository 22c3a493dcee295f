/** The ending of a closed case as plain text for a progress note (export:summaryText kind 'ending'). Pure. */
import { formatUkDate, weeksBetween, type IsoDate } from '../../../shared/dates';
import { classifyGboChange, GBO_CHANGE_LABELS } from '../../../shared/domain/gbo';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_FINAL_STATUS_LABELS, ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import { AppError } from '../../../shared/ipc/result';
import type { SummaryText } from '../../../shared/ipc/import-types';
import type { CaseDetail, EndingRecord } from '../../../shared/ipc/types';
import { criterionText, MEANINGFUL_CHANGE_NOTE, ratingsInOrder } from './case-facts';
import { field, heading, identityLines, joinLines, numbered, numberedOrNone, score, signed, sourceLine, wrap } from './text-format';

export const ENDING_SUMMARY_TITLE = 'THRIVE ending summary';
export const CASE_OPEN_MESSAGE = 'This case is still open, so there is no ending to summarise. End the case first.';

/** The ending of a closed case, or a clear refusal for an open one. */
export function requireEnding(detail: CaseDetail, message = CASE_OPEN_MESSAGE): EndingRecord {
  if (detail.summary.status !== 'closed' || !detail.ending) throw new AppError('validation', message);
  return detail.ending;
}

export function endingReasonText(ending: EndingRecord): string {
  return ending.reason === 'other' && ending.reasonOther ? `Other: ${ending.reasonOther}` : ENDING_REASON_LABELS[ending.reason];
}

/** Each goal rated at the end: its words, first and final rating, in goal order. */
export function finalGoals(detail: CaseDetail, ending: EndingRecord): Array<{ description: string; first: number; final: number }> {
  return ending.finalRatings
    .map((r) => {
      const goal = detail.goals.find((g) => g.id === r.goalId);
      const first = goal ? ratingsInOrder(goal)[0] : undefined;
      return { position: goal?.position ?? Number.MAX_SAFE_INTEGER, description: goal?.description ?? 'Goal', first: first?.score ?? r.score, final: r.score };
    })
    .sort((a, b) => a.position - b.position)
    .map(({ description, first, final }) => ({ description, first, final }));
}

export function endingSummaryText(detail: CaseDetail, today: IsoDate): SummaryText {
  const ending = requireEnding(detail);
  const s = detail.summary;
  const lines: string[] = ['THRIVE ENDING SUMMARY', ...identityLines(detail), ''];
  lines.push(...field('Opened', formatUkDate(s.openDate)));
  lines.push(...field('Ended', `${formatUkDate(ending.endingDate)} (${weeksBetween(s.openDate, ending.endingDate)} weeks open)`));
  lines.push(...field('Reason for ending', endingReasonText(ending)));
  if (ending.mhsdsCode) lines.push(...field('MHSDS closure code', ending.mhsdsCode));
  const atOpen = detail.currentViews.find((c) => c.context === 'open');
  const atClose = ending.currentViewId ? detail.currentViews.find((c) => c.id === ending.currentViewId) : undefined;
  lines.push(
    ...field(
      'THRIVE grouping',
      `at open ${atOpen ? GROUPING_LABELS[atOpen.grouping] : 'not recorded'}; at close ${atClose ? GROUPING_LABELS[atClose.grouping] : s.grouping ? GROUPING_LABELS[s.grouping] : 'not recorded'}`,
    ),
  );
  lines.push(...field('Ending discussed from the start', ending.discussedFromStart ? 'Yes' : 'No'));

  const goals = finalGoals(detail, ending);
  lines.push(...heading('Goals (GBO 0-10, first and final rating)'));
  if (goals.length === 0) lines.push('No goals rated at the end.');
  goals.forEach((g, i) =>
    lines.push(
      ...numbered(i + 1, `${g.description}: ${score(g.first)} to ${score(g.final)} (${signed(g.final - g.first)}, ${GBO_CHANGE_LABELS[classifyGboChange(g.first, g.final)]})`),
    ),
  );
  if (goals.length > 0) lines.push(...wrap(MEANINGFUL_CHANGE_NOTE));

  lines.push(...heading('Ending criteria at close'));
  lines.push(...numberedOrNone(ending.criteriaStatus.map((c) => `${criterionText(detail, c.criterionId)}: ${CRITERION_FINAL_STATUS_LABELS[c.status]}`)));

  lines.push('');
  lines.push(...field('Continuing support', ending.continuingSupport ?? 'none recorded'));
  lines.push(...field('Signposting', ending.signposting ?? 'none recorded'));
  lines.push(...field('Wellbeing plan', ending.wellbeingPlan ?? 'none recorded'));
  lines.push(...field('Closed by', ending.createdByName));

  lines.push(...sourceLine(today));
  return { title: ENDING_SUMMARY_TITLE, text: joinLines(lines) };
}

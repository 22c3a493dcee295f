/** The plan in force as plain text for a progress note (export:summaryText kind 'plan'). Pure. */
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { GBO_CHANGE_LABELS } from '../../../shared/domain/gbo';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { AppError } from '../../../shared/ipc/result';
import type { SummaryText } from '../../../shared/ipc/import-types';
import { LIKELIHOOD_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail } from '../../../shared/ipc/types';
import { criteriaInForce, goalsInForce, latestRating, participantsText, progressOf } from './case-facts';
import { field, heading, identityLines, joinLines, numbered, score, signed, sourceLine, wrap } from './text-format';

export const PLAN_SUMMARY_TITLE = 'THRIVE plan summary';
export const NO_PLAN_MESSAGE = 'This case has no THRIVE plan yet, so there is no plan summary to copy.';

export function planSummaryText(detail: CaseDetail, today: IsoDate): SummaryText {
  const plan = detail.plan;
  if (!plan) throw new AppError('validation', NO_PLAN_MESSAGE);
  const s = detail.summary;
  // An open case's grouping may have changed at a review since the plan; a closed one's is the grouping
  // at close (often Thriving), which is not what the plan was for.
  const grouping = s.status === 'open' ? (s.grouping ?? plan.grouping) : plan.grouping;
  const lines: string[] = ['THRIVE PLAN SUMMARY', ...identityLines(detail)];
  if (s.status === 'closed') lines.push(...field('Case status', `closed on ${formatUkDate(s.closedDate)}`));

  lines.push(...heading('Plan'));
  lines.push(...field('THRIVE grouping', GROUPING_LABELS[grouping]));
  lines.push(
    ...field(
      'Plan agreed',
      plan.versionNo === 1 ? formatUkDate(plan.agreedDate) : `${formatUkDate(plan.agreedDate)} (plan version ${plan.versionNo}, revised)`,
    ),
  );
  if (plan.revisionReason) lines.push(...field('Why revised', plan.revisionReason));

  const goals = goalsInForce(detail);
  lines.push(...heading("Goals (young person's words; GBO rating 0-10, first and latest)"));
  if (goals.length === 0) lines.push('No goals set.');
  goals.forEach((g, i) => {
    const progress = progressOf(g);
    const latest = latestRating(g);
    const rating =
      progress && latest
        ? `first ${score(progress.first)}, latest ${score(progress.latest)} on ${formatUkDate(latest.ratedOn)} (${signed(progress.latest - progress.first)}, ${GBO_CHANGE_LABELS[progress.change]})`
        : 'not rated yet';
    lines.push(...numbered(i + 1, `${g.description}: ${rating}`));
  });

  lines.push(...heading('What success would look like'));
  lines.push(...wrap(plan.agreedOutcome));
  const criteria = criteriaInForce(detail);
  lines.push(...heading('Ending criteria'));
  if (criteria.length === 0) lines.push('None in force.');
  criteria.forEach((c, i) => lines.push(...numbered(i + 1, c.text)));

  lines.push('');
  lines.push(...field('Target date', formatUkDate(plan.targetDate)));
  lines.push(
    ...field('How likely by the target date', `${LIKELIHOOD_LABELS[plan.likelihood]}${plan.likelihoodNote ? ` (${plan.likelihoodNote})` : ''}`),
  );
  lines.push(...field('If not achieved by the target date (contingency)', plan.contingency ?? 'none recorded'));
  if (plan.riskSupportSummary) lines.push(...field('Risk-support plan', plan.riskSupportSummary));
  lines.push(
    ...field('Next review', s.status === 'closed' ? 'none (case closed)' : s.nextReviewDate ? formatUkDate(s.nextReviewDate) : 'not set'),
  );

  lines.push(...heading('Shared decision making'));
  lines.push(...field('Who took part', participantsText(plan.sdm.participants, plan.sdm.otherParticipants)));
  lines.push(...field('Options considered', plan.sdm.optionsConsidered));
  if (plan.sdm.decisionAid) lines.push(...field('Decision aid used', plan.sdm.decisionAid));
  const c = plan.sdm.collaborate;
  if (c) lines.push(...field('CollaboRATE (0-9)', `understand ${c.understand}, listen ${c.listen}, include ${c.include}`));

  lines.push(...sourceLine(today));
  return { title: PLAN_SUMMARY_TITLE, text: joinLines(lines) };
}

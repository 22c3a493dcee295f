/**
 * The ending summary letter to the young person and family (export:casePdf 'ending-letter'), for a
 * closed case: when help started and ended, why it is ending, what was achieved (each goal first to
 * final score, with its change label explained), how far the signs that it was time to stop were
 * reached, the support that carries on, other places that can help, the wellbeing plan, and how to
 * come back. Plain language, A4. Pure: CaseDetail in, PDF out.
 */
import { formatUkDate, type IsoDate } from '../../shared/dates';
import { classifyGboChange, GBO_CHANGE_LABELS, GBO_RELIABLE_CHANGE } from '../../shared/domain/gbo';
import { CRITERION_FINAL_STATUS_LABELS, type EndingReason } from '../../shared/domain/lifecycle';
import type { EndingRecord } from '../../shared/ipc/types';
import { block, contactParas, drawGoal, drawSafetyBox, groupingInPlainWords, outOfTen, scaleExplained, sectionHeading, title, whoThisIsFor } from './family-pdf-parts';
import type { FamilyDocumentInput } from './family-plan-pdf';
import { slug } from './file-names';
import { createA4, finish, PROTECTIVE_MARKING, type Para } from './pdf-layout';
import { finalGoals, requireEnding } from './summaries/ending-summary';

export const ENDING_LETTER_OPEN_CASE_MESSAGE =
  'This case is still open. The ending letter can be made once the case has been ended (End the case).';

/** Why help is ending, said to the young person. */
const REASON_WORDS: Record<Exclude<EndingReason, 'other'>, string> = {
  criteria_met: 'You have reached what we agreed at the start would show that our work together could end.',
  enough_help: 'We agreed together that you have had enough help from us for now, even though not everything we hoped for has happened yet.',
  contingency_applied:
    'At the start we agreed what we would do if things had not worked out by the target date. We have done that, and you are moving on to other support.',
  chose_to_end: 'You and your family chose to stop the help from us. That is your choice, and you are welcome to come back.',
  did_not_engage: 'We have not been able to meet with you for some time, so we are ending our work together for now.',
  moved_away: 'You have moved away from the area our service covers.',
  transferred: 'Your care is moving to another service, who will carry on supporting you.',
};

function reasonWords(ending: EndingRecord): string {
  if (ending.reason === 'other') return ending.reasonOther?.trim() || 'The reasons we talked about together.';
  return REASON_WORDS[ending.reason];
}

function points(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

/** "Improved: up 5 points." The label as the case page shows it, then what it means. */
export function changeInWords(first: number, final: number): string {
  const change = classifyGboChange(first, final);
  const d = final - first;
  const moved = d === 0 ? 'the same score' : d > 0 ? `up ${points(d)}` : `down ${points(-d)}`;
  if (change === 'no_reliable_change') return `${GBO_CHANGE_LABELS[change]}: ${moved}, less than the ${GBO_RELIABLE_CHANGE} points that count as a clear change.`;
  return `${GBO_CHANGE_LABELS[change]}: ${moved}.`;
}

/** thrive-ending-letter-<case ref>-<yyyy-mm-dd>.pdf */
export function endingLetterFileName(caseRef: string, today: IsoDate): string {
  return `thrive-ending-letter-${slug(caseRef, 'case')}-${today}.pdf`;
}

export function endingLetterTitle(name: string): string {
  return `Ending summary for ${name}`;
}

export function buildEndingLetterPdf(input: FamilyDocumentInput): Buffer {
  const { detail, today } = input;
  const ending = requireEnding(detail, ENDING_LETTER_OPEN_CASE_MESSAGE);
  const s = detail.summary;
  const docTitle = endingLetterTitle(s.name);
  const doc = createA4({ title: docTitle, author: s.coordinatingAgency, subject: 'Ending summary letter for the young person and family', createdAt: new Date(input.createdAt) });

  block(doc, [
    title(docTitle),
    ...whoThisIsFor(detail),
    { lead: 'Help from us: ', text: `${formatUkDate(s.openDate)} to ${formatUkDate(ending.endingDate)}` },
    { lead: 'Date of this letter: ', text: formatUkDate(today) },
    { text: `Dear ${s.name},`, gapBefore: 16 },
    {
      text: `This letter sums up your time with ${s.coordinatingAgency}, from ${formatUkDate(s.openDate)} to ${formatUkDate(ending.endingDate)}: why our help is ending, what you achieved, and what to do if you need help again.`,
      gapBefore: 6,
    },
  ]);

  const atClose = ending.currentViewId ? detail.currentViews.find((c) => c.id === ending.currentViewId) : undefined;
  const grouping = atClose?.grouping ?? s.grouping;
  block(doc, [
    sectionHeading('Why our help is ending'),
    { text: reasonWords(ending), gapBefore: 4 },
    ...(grouping ? [{ lead: 'Where things are now: ', text: groupingInPlainWords(grouping), gapBefore: 6 }] : []),
  ]);

  const goals = finalGoals(detail, ending);
  block(doc, [
    sectionHeading('What you achieved'),
    goals.length > 0
      ? { text: `${scaleExplained('where you finished')} A change of ${GBO_RELIABLE_CHANGE} points or more counts as a clear change.`, gapBefore: 4, size: 10 }
      : { text: 'We did not score goals together at the end.', gapBefore: 4 },
  ]);
  goals.forEach((g, i) => {
    const paras: Para[] = [
      { text: `Goal ${i + 1}: “${g.description}”`, font: 'bold', gapBefore: 10 },
      { text: `You started at ${outOfTen(g.first)} and finished at ${outOfTen(g.final)}.`, gapBefore: 2, indent: 10 },
      { text: changeInWords(g.first, g.final), indent: 10 },
    ];
    drawGoal(doc, paras, g.first, g.final);
  });

  if (ending.criteriaStatus.length > 0) {
    block(doc, [
      sectionHeading('The signs we agreed would show it was time to stop'),
      ...ending.criteriaStatus.map((c): Para => {
        const text = detail.criteria.find((x) => x.id === c.criterionId)?.text ?? 'A sign we agreed';
        return { text: `•  ${text}: ${CRITERION_FINAL_STATUS_LABELS[c.status].toLowerCase()}`, indent: 10, gapBefore: 3 };
      }),
    ]);
  }

  const carryOn: Array<[string, string | null]> = [
    ['Support that carries on', ending.continuingSupport],
    ['Other places that can help', ending.signposting],
    ['Your wellbeing plan', ending.wellbeingPlan],
  ];
  for (const [heading, text] of carryOn) {
    if (text?.trim()) block(doc, [sectionHeading(heading), { text, gapBefore: 4 }]);
  }

  block(doc, [
    sectionHeading('If you need help again'),
    {
      text: `You can come back. If things get difficult again, talk to your GP or someone at school, or contact ${s.coordinatingAgency}, and ask about a new referral. Keep this letter: it helps whoever you see next to know what helped before.`,
      gapBefore: 4,
    },
  ]);
  block(doc, contactParas(detail));
  drawSafetyBox(doc, detail);
  block(doc, [
    { text: 'With best wishes,', gapBefore: 18 },
    { text: s.leadClinicianName, font: 'bold', gapBefore: 14 },
    { text: `Lead clinician, ${s.coordinatingAgency}` },
  ]);

  return finish(doc, { mark: PROTECTIVE_MARKING, footer: `${docTitle}. Made on ${formatUkDate(today)}` });
}

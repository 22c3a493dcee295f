/**
 * What the two documents written for the young person and family share: the plain-language words for
 * each THRIVE grouping, the page header, the 0–10 goal scale drawn as a picture beside the numbers, the
 * "If you are worried about safety" box and who to contact. Written to the young person ("you"), in
 * everyday words: no clinical shorthand (GBO, criteria, contingency) reaches the family.
 */
import { formatUkDate } from '../../shared/dates';
import { GROUPING_LABELS, type GroupingCode } from '../../shared/domain/groupings';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import type { CaseDetail } from '../../shared/ipc/types';
import { drawBlock, drawCallout, TEXT_COLOUR, useFont, type Doc, type Para } from './pdf-layout';

/** What each grouping means for the family, in our own words (docs/domain.md#thrive-groupings). */
export const FAMILY_GROUPING_WORDS: Record<GroupingCode, string> = {
  thriving:
    'You are doing well and do not need mental health support from us at the moment. The everyday things that help you stay well still matter.',
  getting_advice:
    'A short piece of help: advice and ideas you can use yourself, and pointers to other places that can support you.',
  getting_help:
    'Focused help for a set time, working on the goals you chose, with a clear idea, agreed with you, of when the help will have done its job.',
  getting_more_help:
    'More specialist help, usually for longer and sometimes with more than one service, still working on your goals, with an agreed idea of when it can end.',
  getting_risk_support:
    'Help that is focused on keeping you safe, planned with you, your family and the other services who are involved.',
};

/** "Getting Help: focused help for a set time, …" */
export function groupingInPlainWords(grouping: GroupingCode): string {
  return `${GROUPING_LABELS[grouping]}. ${FAMILY_GROUPING_WORDS[grouping]}`;
}

export const NHS_BLUE = '#005eb8';
export const SCALE_HEIGHT = 28;
/** Larger than the clinicians' reports: these are read by young people and parents, often on paper. */
const FAMILY_TEXT_SIZE = 11;

/** Draws paragraphs as one block (see drawBlock) in the family documents' text size. */
export function block(doc: Doc, paras: readonly Para[], alsoKeepRoomFor = 0): void {
  drawBlock(doc, paras.map((p): Para => ({ size: FAMILY_TEXT_SIZE, ...p })), alsoKeepRoomFor);
}

/** How to read the scores and the scale pictures; `now` is "where you are now" or "where you finished". */
export function scaleExplained(now: string): string {
  return (
    'Each goal has a score from 0 to 10: 0 means not started, 10 means you have reached the goal completely. ' +
    `In the pictures, the empty circle shows where you started and the filled circle shows ${now}.`
  );
}

export function title(text: string): Para {
  return { text, font: 'bold', size: 22, color: NHS_BLUE };
}

export function sectionHeading(text: string): Para {
  return { text, font: 'bold', size: 14, gapBefore: 16, color: NHS_BLUE };
}

/** Name, date of birth, NHS number and our reference: so the family (and anyone they show) can check whose it is. */
export function whoThisIsFor(detail: CaseDetail): Para[] {
  const s = detail.summary;
  return [
    { lead: 'Name: ', text: s.name, gapBefore: 8 },
    { lead: 'Date of birth: ', text: formatUkDate(s.dateOfBirth) },
    ...(s.nhsNumber ? [{ lead: 'NHS number: ', text: formatNhsNumber(s.nhsNumber) }] : []),
    { lead: 'Our reference: ', text: s.caseRef },
  ];
}

export function contactParas(detail: CaseDetail): Para[] {
  const s = detail.summary;
  return [
    sectionHeading('Who to contact'),
    { lead: 'Your lead clinician: ', text: s.leadClinicianName, gapBefore: 4 },
    { lead: 'Service: ', text: s.coordinatingAgency },
    {
      text: `${s.leadClinicianName} coordinates your care and is the person to contact about this. If you do not have their phone number, ask ${s.coordinatingAgency} or your GP.`,
      gapBefore: 4,
    },
  ];
}

/** Generic NHS wording: what to do in an emergency, and when it is urgent but not an emergency. */
export function drawSafetyBox(doc: Doc, detail: CaseDetail): void {
  doc.y += 14;
  drawCallout(
    doc,
    [
      { text: 'If you are worried about safety', font: 'bold', size: 13 },
      { text: 'If you or someone else is in danger right now, call 999 or go to A&E.', gapBefore: 4, size: FAMILY_TEXT_SIZE },
      {
        text: 'If you need help urgently but it is not an emergency, call NHS 111 or use NHS 111 online. It is free and open day and night.',
        size: FAMILY_TEXT_SIZE,
      },
      {
        text: `You can also contact ${detail.summary.leadClinicianName} at ${detail.summary.coordinatingAgency} during working hours.`,
        size: FAMILY_TEXT_SIZE,
      },
    ],
    NHS_BLUE,
  );
}

/** "3 out of 10" */
export function outOfTen(n: number): string {
  return `${n} out of 10`;
}

/**
 * The 0–10 scale as a picture: a line with the numbers under it, a hollow circle where the goal started
 * and a filled one where it is now. The numbers are always in the text as well; the picture only helps
 * a reader see the distance travelled.
 */
export function drawScale(doc: Doc, start: number, now: number, indent = 10): void {
  const width = 250;
  const x0 = doc.page.margins.left + indent + 6;
  const y = doc.y + 8;
  const step = width / 10;
  doc.save();
  doc.lineWidth(1).strokeColor('#768692').moveTo(x0, y).lineTo(x0 + width, y).stroke();
  for (let i = 0; i <= 10; i++) {
    doc.moveTo(x0 + i * step, y - 3).lineTo(x0 + i * step, y + 3).stroke();
  }
  useFont(doc, 'regular').fillColor(TEXT_COLOUR).fontSize(7);
  for (let i = 0; i <= 10; i++) doc.text(String(i), x0 + i * step - 10, y + 6, { width: 20, align: 'center', lineBreak: false });
  if (start !== now) doc.lineWidth(1.5).strokeColor('#768692').circle(x0 + start * step, y, 4.5).stroke();
  doc.fillColor(NHS_BLUE).circle(x0 + now * step, y, 5).fill();
  doc.restore();
  doc.x = doc.page.margins.left;
  doc.y += SCALE_HEIGHT;
}

/** A goal's words and numbers, kept on one page with its scale picture. */
export function drawGoal(doc: Doc, paras: Para[], start: number, now: number): void {
  block(doc, paras, SCALE_HEIGHT);
  drawScale(doc, start, now);
}

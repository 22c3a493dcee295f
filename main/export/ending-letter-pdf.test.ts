/** The ending letter on its own: a fixed closed case in, the PDF read back as the family would read it. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/result';
import type { CaseDetail } from '../../shared/ipc/types';
import { pdfInfo, pdfToText } from '../../tests/support/pdftotext';
import { closedCaseDetail, FIXTURE_TODAY, GOAL_IDS, openCaseDetail } from '../../tests/support/case-detail-fixtures';
import { buildEndingLetterPdf, changeInWords, ENDING_LETTER_OPEN_CASE_MESSAGE, endingLetterFileName } from './ending-letter-pdf';

const build = (detail: CaseDetail) => buildEndingLetterPdf({ detail, today: FIXTURE_TODAY, createdAt: '2027-01-11T12:00:00.000Z' });
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('buildEndingLetterPdf', () => {
  it('tells the family when help ran, why it is ending, what was achieved, what carries on and how to come back', () => {
    const pdf = build(closedCaseDetail());
    expect(pdfInfo(pdf)['Title']).toBe('Ending summary for Riley Shaw');
    const { text, pages } = pdfToText(pdf);
    const t = flat(text);
    expect(pages[0]).toContain('Ending summary for Riley Shaw\n');
    expect(t).toContain('Help from us: 05/10/2026 to 08/01/2027 Date of this letter: 11/01/2027');
    expect(t).toContain('Dear Riley Shaw,');
    expect(t).toContain('This letter sums up your time with CAMHS, from 05/10/2026 to 08/01/2027');
    expect(t).toContain('Why our help is ending You have reached what we agreed at the start would show that our work together could end.');
    expect(t).toContain('Where things are now: Thriving. You are doing well');
    expect(t).toContain('Goal 1: “Sleep through the night” You started at 3 out of 10 and finished at 8 out of 10. Improved: up 5 points.');
    expect(t).toContain('Goal 2: “Go to school three days a week” You started at 4 out of 10 and finished at 7 out of 10. Improved: up 3 points.');
    expect(t).toContain(
      'Goal 3: “Feel less worried when out” You started at 6 out of 10 and finished at 5 out of 10. No reliable change: down 1 point, less than the 3 points that count as a clear change.',
    );
    expect(t).toContain(
      'The signs we agreed would show it was time to stop • Sleeps through most nights for a month: met • Attends school three days a week for four weeks: partly met',
    );
    expect(t).toContain('Support that carries on School pastoral team check in weekly.');
    expect(t).toContain('Other places that can help Kooth online support.');
    expect(t).toContain('Your wellbeing plan Bedtime routine, and who to talk to when worried.');
    expect(t).toContain('If you need help again You can come back.');
    expect(t).toContain('ask about a new referral');
    expect(t).toContain('If you are worried about safety If you or someone else is in danger right now, call 999 or go to A&E.');
    expect(t).toContain('With best wishes, Alex Morgan Lead clinician, CAMHS');
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Ending summary for Riley Shaw. Made on 11/01/2027');
    });
  });

  it('explains each change label in words', () => {
    expect(changeInWords(3, 8)).toBe('Improved: up 5 points.');
    expect(changeInWords(6, 3)).toBe('Deteriorated: down 3 points.');
    expect(changeInWords(4, 4)).toBe('No reliable change: the same score, less than the 3 points that count as a clear change.');
    expect(changeInWords(4, 6)).toBe('No reliable change: up 2 points, less than the 3 points that count as a clear change.');
  });

  it('gives another reason in the words recorded, and leaves out what was left blank', () => {
    const detail = closedCaseDetail();
    detail.ending = { ...detail.ending!, reason: 'other', reasonOther: 'You are starting college in another city.', continuingSupport: null, signposting: '  ', wellbeingPlan: null };
    detail.ending.finalRatings = detail.ending.finalRatings.map((r) => (r.goalId === GOAL_IDS.worried ? { ...r, score: 2 } : r));
    const t = flat(pdfToText(build(detail)).text);
    expect(t).toContain('Why our help is ending You are starting college in another city.');
    expect(t).toContain('You started at 6 out of 10 and finished at 2 out of 10. Deteriorated: down 4 points.');
    expect(t).not.toContain('Support that carries on');
    expect(t).not.toContain('Other places that can help');
    expect(t).not.toContain('Your wellbeing plan');
  });

  it('prints the name exactly as typed', () => {
    for (const name of ['Łucja Nowak-Żółć', 'Siân', 'Zoë', "O'Brien"]) {
      const detail = closedCaseDetail();
      detail.summary.name = name;
      const { text } = pdfToText(build(detail));
      expect(text).toContain(`Ending summary for ${name}\n`);
      expect(text).toContain(`Dear ${name},`);
    }
  });

  it('refuses an open case, clearly', () => {
    expect(() => build(openCaseDetail())).toThrow(new AppError('validation', ENDING_LETTER_OPEN_CASE_MESSAGE));
  });

  it('names the file by case reference and date', () => {
    expect(endingLetterFileName('RIO-2001', '2027-01-11')).toBe('thrive-ending-letter-rio-2001-2027-01-11.pdf');
  });
});

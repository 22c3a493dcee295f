/** The family's THRIVE plan on its own: a fixed case in, the PDF read back as a family would read it. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/result';
import { pdfFonts } from '../../tests/support/pdffonts';
import { pdfInfo, pdfToText } from '../../tests/support/pdftotext';
import { closedCaseDetail, FIXTURE_TODAY, GOAL_IDS, newCaseDetail, openCaseDetail } from '../../tests/support/case-detail-fixtures';
import { buildFamilyPlanPdf, FAMILY_PLAN_NO_PLAN_MESSAGE, familyPlanFileName } from './family-plan-pdf';
import type { CaseDetail } from '../../shared/ipc/types';

const CREATED_AT = '2027-01-11T12:00:00.000Z';
const build = (detail: CaseDetail) => buildFamilyPlanPdf({ detail, today: FIXTURE_TODAY, createdAt: CREATED_AT });
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('buildFamilyPlanPdf', () => {
  it('sets out the plan in plain words: what we work on, the goals and where they are now, when to stop, how likely, what if not', () => {
    const pdf = build(openCaseDetail());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)$/);
    expect(info['Title']).toBe("Riley Shaw's THRIVE plan");
    const { text, pages } = pdfToText(pdf);
    const t = flat(text);
    expect(pages[0]).toContain("Riley Shaw's THRIVE plan\n");
    expect(t).toContain('Name: Riley Shaw Date of birth: 30/06/2011 NHS number: 943 476 5919 Our reference: RIO-2001');
    expect(t).toContain('We first agreed this plan on 12/10/2026 and last changed it together on 23/11/2026.');
    expect(t).toContain('It was made by Alex Morgan with you and your parent or carer.');
    expect(t).toContain('What we are working on together Getting Help. Focused help for a set time, working on the goals you chose');
    expect(t).toContain('What success would look like: Riley sleeps well and is back at school.');
    expect(t).toContain('Your goals, in your own words');
    expect(t).toContain('Goal 1: “Sleep through the night” Where you are now: 6 out of 10 (04/01/2027). When we started: 3 out of 10.');
    expect(t).toContain('Goal 2: “Go to school three days a week” Where you are now: 6 out of 10 (04/01/2027). When we started: 4 out of 10.');
    expect(t).toContain('Goal 3: “Feel less worried when out” Where you are now: 3 out of 10 (04/01/2027). When we started: 6 out of 10.');
    // Dropped and reworded-away goals are not part of the plan the family keeps.
    expect(t).not.toContain('Join a club');
    expect(t).not.toContain('Go back to school');
    expect(t).toContain(
      'How we will know it is time to stop We agreed that our work together can end when: • Sleeps through most nights for a month • Attends school three days a week for four weeks',
    );
    expect(t).not.toContain('Attends school every day');
    expect(t).toContain('How likely this is by 01/03/2027 We think this is likely to happen by 01/03/2027.');
    expect(t).toContain('If things have not worked out by 01/03/2027 Review with Riley and family; consider Getting More Help.');
    expect(t).toContain('Your next review We will meet to look at this plan together on 15/02/2027.');
    expect(t).toContain('Who to contact Your lead clinician: Alex Morgan Service: CAMHS');
    expect(t).toContain('If you are worried about safety If you or someone else is in danger right now, call 999 or go to A&E.');
    expect(t).toContain('call NHS 111 or use NHS 111 online');
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain("Riley Shaw's THRIVE plan. Made on 11/01/2027");
    });
  });

  it('keeps clinical shorthand out of what the family reads', () => {
    const t = flat(pdfToText(build(openCaseDetail())).text);
    for (const jargon of ['GBO', 'criteri', 'contingenc', 'likelihood', 'Current View', 'grouping', 'MHSDS', 'SNOMED']) {
      expect(t.toLowerCase(), jargon).not.toContain(jargon.toLowerCase());
    }
  });

  it('prints names and goals exactly as typed, whatever the accents', () => {
    for (const name of ['Łucja Nowak-Żółć', 'Siân', 'Zoë', "O'Brien"]) {
      const detail = openCaseDetail();
      detail.summary.name = name;
      detail.goals.find((g) => g.id === GOAL_IDS.sleep)!.description = `Sleep at ${name}’s gran’s`;
      const { text } = pdfToText(build(detail));
      expect(text).toContain(`${name}'s THRIVE plan\n`);
      expect(text).toContain(`Name: ${name}\n`);
      expect(text).toContain(`Goal 1: “Sleep at ${name}’s gran’s”`);
    }
  });

  it('embeds its font as a subset: DejaVu Sans only, and a small file', () => {
    const pdf = build(openCaseDetail());
    expect(pdf.length).toBeLessThan(100_000);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('for a closed case, says when the work ended and gives no next review', () => {
    const t = flat(pdfToText(build(closedCaseDetail())).text);
    expect(t).toContain('Our work together ended on 08/01/2027. This is the plan as it was at the end.');
    expect(t).toContain('Getting Help. Focused help');
    expect(t).not.toContain('Your next review');
    expect(t).toContain('Where you are now: 8 out of 10 (08/01/2027). When we started: 3 out of 10.');
  });

  it('shows a goal scored once as where it started, the likelihood note, a risk-support plan and a missing contingency', () => {
    const detail = openCaseDetail();
    detail.plan = { ...detail.plan!, likelihood: 'unlikely', likelihoodNote: 'Exams are in May.', contingency: null, riskSupportSummary: 'Your safety plan is shared with school.' };
    detail.goals = detail.goals.map((g) => (g.id === GOAL_IDS.worried ? { ...g, ratings: g.ratings.slice(0, 1) } : g));
    const t = flat(pdfToText(build(detail)).text);
    expect(t).toContain('Goal 3: “Feel less worried when out” When we started (23/11/2026): 6 out of 10.');
    expect(t).toContain('We think this may not happen by 01/03/2027, so we have planned together what to do if it does not. Exams are in May.');
    expect(t).toContain('If things have not worked out by 01/03/2027 We will meet and decide together what to do next.');
    expect(t).toContain('Keeping you safe Your safety plan is shared with school.');
  });

  it('flows a long plan over pages, every page marked and numbered, losing no words', () => {
    const detail = openCaseDetail();
    const long = 'Riley feels calmer at home, at school and with friends, and knows what helps. '.repeat(40).trim();
    detail.plan = { ...detail.plan!, agreedOutcome: long };
    const { text, pages } = pdfToText(build(detail));
    expect(pages.length).toBeGreaterThan(2);
    expect(flat(text)).toContain(long);
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('is the same file for the same data (no wall-clock time inside)', () => {
    expect(build(openCaseDetail()).equals(build(openCaseDetail()))).toBe(true);
  });

  it('refuses a case with no plan, clearly', () => {
    expect(() => build(newCaseDetail())).toThrow(new AppError('validation', FAMILY_PLAN_NO_PLAN_MESSAGE));
  });

  it('names the file by case reference and date, never by name', () => {
    expect(familyPlanFileName('RIO/2001 b', '2027-01-11')).toBe('thrive-family-plan-rio-2001-b-2027-01-11.pdf');
  });
});

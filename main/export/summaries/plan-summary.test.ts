/** The plan summary for a progress note: golden text on a fixed case, and what changes it. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { closedCaseDetail, FIXTURE_TODAY, newCaseDetail, openCaseDetail } from '../../../tests/support/case-detail-fixtures';
import { NO_PLAN_MESSAGE, planSummaryText } from './plan-summary';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('planSummaryText', () => {
  it('sets out the plan in force as plain text, headings as lines and dates as dd/mm/yyyy', () => {
    const summary = planSummaryText(openCaseDetail(), FIXTURE_TODAY);
    expect(summary.title).toBe('THRIVE plan summary');
    expect(summary.text).toBe(text([
    'THRIVE PLAN SUMMARY',
    'Young person: Riley Shaw',
    'Date of birth: 30/06/2011',
    'NHS number: 943 476 5919',
    'Case ref: RIO-2001',
    'Lead clinician: Alex Morgan, CAMHS',
    '',
    'Plan',
    'THRIVE grouping: Getting Help',
    'Plan agreed: 23/11/2026 (plan version 2, revised)',
    'Why revised: Riley wanted the school goal to be more realistic and the club goal',
    '  no longer fits.',
    '',
    "Goals (young person's words; GBO rating 0-10, first and latest)",
    '1. Sleep through the night: first 3/10, latest 6/10 on 04/01/2027 (+3, Improved)',
    '2. Go to school three days a week: first 4/10, latest 6/10 on 04/01/2027 (+2, No',
    '   reliable change)',
    '3. Feel less worried when out: first 6/10, latest 3/10 on 04/01/2027 (-3,',
    '   Deteriorated)',
    '',
    'What success would look like',
    'Riley sleeps well and is back at school.',
    '',
    'Ending criteria',
    '1. Sleeps through most nights for a month',
    '2. Attends school three days a week for four weeks',
    '',
    'Target date: 01/03/2027',
    'How likely by the target date: Likely',
    'If not achieved by the target date (contingency): Review with Riley and family;',
    '  consider Getting More Help.',
    'Next review: 15/02/2027',
    '',
    'Shared decision making',
    'Who took part: Young person, Parent or carer',
    'Options considered: CBT for anxiety; sleep hygiene; school liaison.',
    '',
    'Source: THRIVE Plans, 11/01/2027.',
  ]));
  });

  it('shows the plan version 1 date alone, the likelihood note, decision aid, CollaboRATE and a risk-support plan', () => {
    const detail = openCaseDetail();
    detail.plan = {
      ...detail.planVersions[0]!,
      likelihoodNote: 'exams in May',
      riskSupportSummary: 'Safety plan shared with school.',
      sdm: { ...detail.planVersions[0]!.sdm, participants: ['young_person', 'other'], otherParticipants: 'Social worker', decisionAid: 'i-THRIVE Grid: low mood' },
    };
    const t = planSummaryText(detail, FIXTURE_TODAY).text;
    expect(t).toContain('Plan agreed: 12/10/2026\n');
    expect(t).toContain('How likely by the target date: Likely (exams in May)\n');
    expect(t).toContain('Risk-support plan: Safety plan shared with school.\n');
    expect(t).toContain('Who took part: Young person, Social worker\n');
    expect(t).toContain('Decision aid used: i-THRIVE Grid: low mood\n');
    expect(t).toContain('CollaboRATE (0-9): understand 8, listen 9, include 7\n');
    expect(t).not.toContain('Why revised');
  });

  it('for a closed case, says so and keeps the grouping the plan was for (not the grouping at close)', () => {
    const t = planSummaryText(closedCaseDetail(), FIXTURE_TODAY).text;
    expect(t).toContain('Case status: closed on 08/01/2027\n');
    expect(t).toContain('THRIVE grouping: Getting Help\n');
    expect(t).toContain('Next review: none (case closed)\n');
    expect(t).toContain('1. Sleep through the night: first 3/10, latest 8/10 on 08/01/2027 (+5, Improved)\n');
  });

  it('says "not recorded" for a missing NHS number and "none recorded" for a missing contingency', () => {
    const detail = openCaseDetail();
    detail.summary.nhsNumber = null;
    detail.plan = { ...detail.plan!, contingency: null };
    const t = planSummaryText(detail, FIXTURE_TODAY).text;
    expect(t).toContain('NHS number: not recorded\n');
    expect(t).toContain('If not achieved by the target date (contingency): none recorded\n');
  });

  it('wraps long text at 80 characters with the continuation indented, keeping every word', () => {
    const detail = openCaseDetail();
    const outcome = 'Riley sleeps well, is back at school, sees friends at weekends and feels able to say when things are hard. '.repeat(3).trim();
    detail.plan = { ...detail.plan!, agreedOutcome: outcome, contingency: 'Talk again as a family;\tconsider   the group.\r\nThen decide together.' };
    const t = planSummaryText(detail, FIXTURE_TODAY).text;
    for (const line of t.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(t.split('\n').filter((l) => l !== '').every((l) => l === l.trimEnd())).toBe(true);
    const afterHeading = t.slice(t.indexOf('What success would look like\n') + 'What success would look like\n'.length, t.indexOf('\n\nEnding criteria'));
    expect(afterHeading.replace(/\n/g, ' ')).toBe(outcome);
    expect(t).toContain('If not achieved by the target date (contingency): Talk again as a family;\n  consider the group.\n  Then decide together.\n');
  });

  it('contains no markup: no markdown emphasis, headings, bullets or HTML', () => {
    const t = planSummaryText(openCaseDetail(), FIXTURE_TODAY).text;
    expect(t).not.toMatch(/[*#<>_`|]/);
    expect(t).not.toContain('\r');
    expect(t.endsWith('\n')).toBe(true);
  });

  it('refuses a case with no plan, clearly', () => {
    expect(() => planSummaryText(newCaseDetail(), FIXTURE_TODAY)).toThrow(new AppError('validation', NO_PLAN_MESSAGE));
    expect(NO_PLAN_MESSAGE).toBe('This case has no THRIVE plan yet, so there is no plan summary to copy.');
  });
});

/** The ending summary for a progress note: golden text on a fixed closed case. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { closedCaseDetail, FIXTURE_TODAY, openCaseDetail } from '../../../tests/support/case-detail-fixtures';
import { CASE_OPEN_MESSAGE, endingSummaryText } from './ending-summary';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('endingSummaryText', () => {
  it('sets out the ending: reason, dates, groupings, first to final ratings with change labels, criteria, continuing support', () => {
    const summary = endingSummaryText(closedCaseDetail(), FIXTURE_TODAY);
    expect(summary.title).toBe('THRIVE ending summary');
    expect(summary.text).toBe(text([
    'THRIVE ENDING SUMMARY',
    'Young person: Riley Shaw',
    'Date of birth: 30/06/2011',
    'NHS number: 943 476 5919',
    'Case ref: RIO-2001',
    'Lead clinician: Alex Morgan, CAMHS',
    '',
    'Opened: 05/10/2026',
    'Ended: 08/01/2027 (13 weeks open)',
    'Reason for ending: Ending criteria met',
    'MHSDS closure code: 01',
    'THRIVE grouping: at open Getting More Help; at close Thriving',
    'Ending discussed from the start: Yes',
    '',
    'Goals (GBO 0-10, first and final rating)',
    '1. Sleep through the night: 3/10 to 8/10 (+5, Improved)',
    '2. Go to school three days a week: 4/10 to 7/10 (+3, Improved)',
    '3. Feel less worried when out: 6/10 to 5/10 (-1, No reliable change)',
    'A change of 3 or more points counts as meaningful (NHS England CYP outcome',
    'metric).',
    '',
    'Ending criteria at close',
    '1. Sleeps through most nights for a month: Met',
    '2. Attends school three days a week for four weeks: Partly met',
    '',
    'Continuing support: School pastoral team check in weekly.',
    'Signposting: Kooth online support.',
    'Wellbeing plan: Bedtime routine, and who to talk to when worried.',
    'Closed by: Alex Morgan',
    '',
    'Source: THRIVE Plans, 11/01/2027.',
  ]));
  });

  it('gives the other reason in words, and says "none recorded" for what was left blank', () => {
    const detail = closedCaseDetail();
    detail.ending = { ...detail.ending!, reason: 'other', reasonOther: 'Family moved to a private service', mhsdsCode: null, continuingSupport: null, signposting: null, wellbeingPlan: null, discussedFromStart: false };
    const t = endingSummaryText(detail, FIXTURE_TODAY).text;
    expect(t).toContain('Reason for ending: Other: Family moved to a private service\n');
    expect(t).not.toContain('MHSDS');
    expect(t).toContain('Continuing support: none recorded\nSignposting: none recorded\nWellbeing plan: none recorded\n');
    expect(t).toContain('Ending discussed from the start: No\n');
  });

  it('refuses an open case, clearly', () => {
    expect(() => endingSummaryText(openCaseDetail(), FIXTURE_TODAY)).toThrow(new AppError('validation', CASE_OPEN_MESSAGE));
  });
});

/** The review summary for a progress note: golden text on a fixed case, one review chosen or the latest. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { FIXTURE_TODAY, newCaseDetail, openCaseDetail, REVIEW_IDS } from '../../../tests/support/case-detail-fixtures';
import { NO_REVIEW_MESSAGE, reviewSummaryText, UNKNOWN_REVIEW_MESSAGE } from './review-summary';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('reviewSummaryText', () => {
  it('summarises the latest review: who came, ratings with movement, criteria, decision, discussion, next review, missing Current View', () => {
    const summary = reviewSummaryText(openCaseDetail(), undefined, FIXTURE_TODAY);
    expect(summary.title).toBe('THRIVE review summary');
    expect(summary.text).toBe(text([
    'THRIVE REVIEW SUMMARY',
    'Young person: Riley Shaw',
    'Date of birth: 30/06/2011',
    'NHS number: 943 476 5919',
    'Case ref: RIO-2001',
    'Lead clinician: Alex Morgan, CAMHS',
    '',
    'Review date: 04/01/2027 (review 2 of 2)',
    'Who attended: Young person, School nurse',
    'Current View: NOT recorded at this review (still to be completed)',
    '',
    'Goal ratings (GBO 0-10)',
    '1. Sleep through the night: 6/10 (previous 5/10 on 23/11/2026: +1; first rating',
    '   3/10 on 12/10/2026: +3, Improved)',
    '2. Go to school three days a week: 6/10 (first rating 4/10 on 23/11/2026: +2, No',
    '   reliable change)',
    '3. Feel less worried when out: 3/10 (first rating 6/10 on 23/11/2026: -3,',
    '   Deteriorated)',
    'A change of 3 or more points counts as meaningful (NHS England CYP outcome',
    'metric).',
    '',
    'Progress against the ending criteria',
    '1. Sleeps through most nights for a month: Met',
    '2. Attends school three days a week for four weeks: Partly met',
    '',
    'Decision: Move to ending',
    'Ending plan: Two more sessions, then end with a wellbeing plan.',
    'Explicit discussion (what was agreed): Agreed to keep the sleep routine going',
    '  without sessions.',
    'Next review: 15/02/2027',
    'Recorded by: Alex Morgan',
    '',
    'Source: THRIVE Plans, 11/01/2027.',
  ]));
  });

  it('summarises the review asked for, with its own goals (before the rewording) and its Current View', () => {
    const t = reviewSummaryText(openCaseDetail(), REVIEW_IDS.first, FIXTURE_TODAY).text;
    expect(t).toContain('Review date: 23/11/2026 (review 1 of 2)\n');
    expect(t).toContain('Who attended: Young person, Parent or carer\n');
    expect(t).toContain('Current View: recorded at this review; THRIVE grouping Getting Help\n');
    expect(t).toContain('1. Sleep through the night: 5/10 (first rating 3/10 on 12/10/2026: +2, No\n   reliable change)\n');
    expect(t).toContain('2. Go back to school: 2/10 (first rating 2/10 on 12/10/2026: 0, No reliable\n   change)\n');
    expect(t).toContain('3. Join a club: 5/10 (first rating 5/10 on 12/10/2026: 0, No reliable change)\n');
    expect(t).toContain('2. Attends school every day for four weeks: Not yet\n');
    expect(t).toContain('Decision: Revise the plan\n');
    expect(t).toContain('Explicit discussion (what was agreed): none recorded\n');
    expect(t).toContain('Notes: Sleep improving; school feels too big a step.\n');
    expect(t).toContain('Next review: 04/01/2027\n');
  });

  it('refuses a case with no review, and a review of another case, clearly', () => {
    expect(() => reviewSummaryText(newCaseDetail(), undefined, FIXTURE_TODAY)).toThrow(new AppError('validation', NO_REVIEW_MESSAGE));
    expect(() => reviewSummaryText(openCaseDetail(), '00000000-0000-7000-8000-0000000e0099', FIXTURE_TODAY)).toThrow(
      new AppError('not_found', UNKNOWN_REVIEW_MESSAGE),
    );
  });
});

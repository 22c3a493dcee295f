import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closedCaseDetail, openCaseDetail } from '../../test-support/case-fixtures';
import { EndingTab } from './EndingTab';

const value = (key: string) => screen.getByText(key, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Ending tab', () => {
  it('summarises the ending: reason, code, criteria, final ratings with their change, grouping at close, what continues', () => {
    render(<EndingTab detail={closedCaseDetail()} />);
    expect(value('Ending date')).toBe('08/01/2027');
    expect(value('Reason for ending')).toBe('Ending criteria met');
    expect(value('MHSDS closure code')).toBe('01');
    expect(value('Ending criteria')).toBe('“Sleeps through most nights for a month”: Met“Attends school three days a week for four weeks”: Partly met');
    expect(value('Final goal ratings (0 to 10)')).toBe(
      [
        'Goal 1: “Sleep through the night”: 8 (first 3 → final 8) Improved',
        'Goal 2: “Go to school three days a week”: 7 (first 4 → final 7) Improved',
        'Goal 3: “Feel less worried when out”: 5 (first 6 → final 5) No reliable change',
      ].join(''),
    );
    expect(value('Current View at close')).toBe('THRIVE grouping at close: Thriving (completed 08/01/2027)');
    expect(value('Continuing support')).toBe('School pastoral team check in weekly.');
    expect(value('Signposting')).toBe('Kooth online support.');
    expect(value('Wellbeing plan the young person keeps')).toBe('Bedtime routine, and who to talk to when worried.');
    expect(value('Was the ending discussed from the start?')).toBe('Yes');
    expect(value('Recorded by')).toBe('Alex Morgan on 08/01/2027 16:20');
  });

  it('names an "Other" reason and a missing closing Current View', () => {
    const detail = closedCaseDetail();
    detail.ending = { ...detail.ending!, reason: 'other', reasonOther: 'Family moved abroad', currentViewId: null, mhsdsCode: null, signposting: null };
    render(<EndingTab detail={detail} />);
    expect(value('Reason for ending')).toBe('Other: Family moved abroad');
    expect(value('Current View at close')).toBe('Current View missing');
    expect(value('MHSDS closure code')).toBe('Not recorded');
    expect(value('Signposting')).toBe('None recorded');
  });

  it('says an open case has not ended', () => {
    render(<EndingTab detail={openCaseDetail()} />);
    expect(screen.getByText('Not ended yet.')).toBeTruthy();
  });
});

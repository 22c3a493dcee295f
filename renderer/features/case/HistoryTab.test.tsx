import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseHistory, openCaseDetail } from '../../test-support/case-fixtures';
import { renderCasePage } from '../../test-support/render-case-page';

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('History tab', () => {
  it('lists the audit trail newest first: when (dd/mm/yyyy hh:mm, UK time), who, what, and each field before → after', async () => {
    await renderCasePage({ detail: openCaseDetail(), history: caseHistory(), tab: 'history' });
    const table = await screen.findByRole('table', { name: 'History' });
    const rows = within(table).getAllByRole('row');
    expect(cells(rows[0]!)).toEqual(['When', 'Who', 'What', 'Changes']);
    expect(rows).toHaveLength(7);
    expect(cells(rows[1]!)).toEqual([
      '04/01/2027 14:05',
      'Alex Morgan',
      'Review recorded (decision: Move to ending)',
      'Ending plan: –none → Two more sessions, then end with a wellbeing plan.',
    ]);
    expect(cells(rows[2]!)).toEqual(['23/11/2026 11:00', 'Alex Morgan', 'Goal 2 reworded', 'Goal 2: Go back to school → Go to school three days a week']);
    expect(cells(rows[3]!)[3]).toBe('THRIVE grouping: Getting More Help → Getting HelpNext review date: 23/11/2026 → 04/01/2027');
    // 09:30 UTC on 5 October is 10:30 in London (British Summer Time).
    expect(cells(rows[6]!)).toEqual(['05/10/2026 10:30', 'Alex Morgan', 'Case opened', 'Added']);
  });

  it('says when the history cannot be loaded, and tries again', async () => {
    const { fake, user } = await renderCasePage({ detail: openCaseDetail(), history: caseHistory() });
    const working = fake.api.cases.history;
    fake.api.cases.history = async () => ({ ok: false, error: { code: 'internal', message: 'Something went wrong reaching your records. Try again.' } });
    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong reaching your records.');
    fake.api.cases.history = working;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'History' })).toBeTruthy();
  });

  it('says when nothing has been recorded', async () => {
    await renderCasePage({ detail: openCaseDetail(), history: [], tab: 'history' });
    expect(await screen.findByText('Nothing recorded yet.')).toBeTruthy();
  });
});

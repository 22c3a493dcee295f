import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_COMPARISON_NOTE } from '../../../shared/domain/current-view-compare';
import type { CaseDetail } from '../../../shared/ipc/types';
import { closedCaseDetail, openCaseDetail } from '../../test-support/case-fixtures';
import { CurrentViewTab } from './CurrentViewTab';

function renderTab(detail: CaseDetail) {
  const user = userEvent.setup();
  render(<CurrentViewTab detail={detail} />);
  return { user, table: () => screen.getByRole('table', { name: 'Current View ratings side by side' }) };
}

/** The table row of one Current View item: its cells' text, the item's cell first. */
function row(table: HTMLElement, label: string): string[] | null {
  const header = within(table).queryByRole('rowheader', { name: new RegExp(`^${label.replace(/[()/]/g, '\\$&')}`) });
  return header ? [...header.closest('tr')!.querySelectorAll('th, td')].map((c) => c.textContent ?? '') : null;
}

describe('Current View tab', () => {
  it('puts each completion in its own column and marks the items that changed with the word "Changed"', async () => {
    const { user, table } = renderTab(openCaseDetail());
    const headings = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headings).toEqual(['Item', 'At open 05/10/2026', 'Review 23/11/2026']);
    expect(row(table(), 'THRIVE grouping')).toEqual(['THRIVE grouping', 'Getting More Help', 'Getting Help']);
    expect(row(table(), 'Anxious generally (Generalized anxiety)')).toEqual(['Anxious generally (Generalized anxiety) Changed', 'Severe', 'Moderate']);
    expect(row(table(), 'Learning disability')).toEqual(['Learning disability Changed', 'Not known', 'No']);

    // With more than one completion only the changed items show, until asked for all of them.
    const onlyChanged = screen.getByRole('checkbox', { name: 'Show only items that changed' }) as HTMLInputElement;
    expect(onlyChanged.checked).toBe(true);
    expect(row(table(), 'Depression/low mood (Depression)')).toBeNull();
    expect(screen.getByText('2 of 50 items were rated differently from one Current View to the next.')).toBeTruthy();
    await user.click(onlyChanged);
    expect(row(table(), 'Depression/low mood (Depression)')).toEqual(['Depression/low mood (Depression)', 'Moderate', 'Moderate']);
    expect(row(table(), 'Panics (Panic disorder)')).toEqual(['Panics (Panic disorder)', 'None', 'None']);
  });

  it('shows the grouping path and the note that the Current View is not an outcome measure', () => {
    renderTab(closedCaseDetail());
    expect(screen.getByText('Grouping: Getting More Help → Getting Help → Thriving')).toBeTruthy();
    expect(screen.getByText(CURRENT_VIEW_COMPARISON_NOTE)).toBeTruthy();
    expect(within(screen.getByRole('table')).getByRole('columnheader', { name: 'At close 08/01/2027' })).toBeTruthy();
  });

  it('never calls a difference better, worse or an improvement (beyond the note saying it is not one)', async () => {
    const { user } = renderTab(closedCaseDetail());
    await user.click(screen.getByRole('checkbox', { name: 'Show only items that changed' }));
    const region = screen.getByRole('region', { name: 'Current View' });
    const text = (region.textContent ?? '').replace(CURRENT_VIEW_COMPARISON_NOTE, '');
    expect(text).toContain('Changed');
    expect(text).not.toMatch(/improved|improvement|worse|better/i);
  });

  it('shows every item of a single Current View, with no option to filter', () => {
    const detail = openCaseDetail();
    detail.currentViews = detail.currentViews.slice(0, 1);
    const { table } = renderTab(detail);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('Grouping: Getting More Help')).toBeTruthy();
    expect(row(table(), 'Anxious generally (Generalized anxiety)')).toEqual(['Anxious generally (Generalized anxiety)', 'Severe']);
    expect(within(table()).queryByText('Changed')).toBeNull();
  });

  it('says when none has been recorded', () => {
    const detail = openCaseDetail();
    detail.currentViews = [];
    renderTab(detail);
    expect(screen.getByText('No Current View has been recorded yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

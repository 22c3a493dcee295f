import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_COMPARISON_NOTE } from '../../../shared/domain/current-view-compare';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStage } from '../../../tests/support/app-api/case-story';

/** Riley Shaw's case (tests/support/app-api/case-story.ts) up to `upTo`, on its Current View tab. */
async function renderTab(upTo: RileyStage) {
  const backend = createTestBackend();
  const { user } = await renderCasePage({ backend, caseId: seedRileyShaw(backend, { upTo }), tab: 'current-view' });
  const panel = screen.getByRole('tabpanel');
  return { user, panel, table: () => within(panel).getByRole('table', { name: 'Current View ratings side by side' }) };
}

/** The table row of one Current View item: its cells' text, the item's cell first. */
function row(table: HTMLElement, label: string): string[] | null {
  const header = within(table).queryByRole('rowheader', { name: new RegExp(`^${label.replace(/[()/]/g, '\\$&')}`) });
  return header ? [...header.closest('tr')!.querySelectorAll('th, td')].map((c) => c.textContent ?? '') : null;
}

describe('Current View tab', () => {
  it('puts each completion in its own column and marks the items that changed with the word "Changed"', async () => {
    const { user, table } = await renderTab('reviewed');
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

  it('shows the grouping path and the note that the Current View is not an outcome measure', async () => {
    const { panel, table } = await renderTab('closed');
    expect(within(panel).getByText('Grouping: Getting More Help → Getting Help → Thriving')).toBeTruthy();
    expect(within(panel).getByText(CURRENT_VIEW_COMPARISON_NOTE)).toBeTruthy();
    expect(within(table()).getByRole('columnheader', { name: 'At close 08/01/2027' })).toBeTruthy();
  });

  it('never calls a difference better, worse or an improvement (beyond the note saying it is not one)', async () => {
    const { user } = await renderTab('closed');
    await user.click(screen.getByRole('checkbox', { name: 'Show only items that changed' }));
    const region = screen.getByRole('region', { name: 'Current View' });
    const text = (region.textContent ?? '').replace(CURRENT_VIEW_COMPARISON_NOTE, '');
    expect(text).toContain('Changed');
    expect(text).not.toMatch(/improved|improvement|worse|better/i);
  });

  it('shows every item of a single Current View, with no option to filter', async () => {
    const { panel, table } = await renderTab('current-view');
    expect(within(panel).queryByRole('checkbox')).toBeNull();
    expect(within(panel).getByText('Grouping: Getting More Help')).toBeTruthy();
    expect(row(table(), 'Anxious generally (Generalized anxiety)')).toEqual(['Anxious generally (Generalized anxiety)', 'Severe']);
    expect(within(table()).queryByText('Changed')).toBeNull();
  });

  it('says when none has been recorded', async () => {
    const { panel } = await renderTab('opened');
    expect(within(panel).getByText('No Current View has been recorded yet.')).toBeTruthy();
    expect(within(panel).queryByRole('table')).toBeNull();
  });
});

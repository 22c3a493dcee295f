import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw } from '../../../tests/support/app-api/case-story';

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

/** Riley Shaw's open case, reviewed twice (tests/support/app-api/case-story.ts). */
function riley() {
  const backend = createTestBackend();
  return { backend, caseId: seedRileyShaw(backend) };
}

describe('History tab', () => {
  it('lists the audit trail newest first: when (dd/mm/yyyy hh:mm, UK time), who, what, and each field before → after', async () => {
    await renderCasePage({ ...riley(), tab: 'history' });
    const table = await screen.findByRole('table', { name: 'History' });
    const rows = within(table).getAllByRole('row');
    expect(cells(rows[0]!)).toEqual(['When', 'Who', 'What', 'Changes']);
    // Opened, Current View at open, plan, review 1, its Current View, the revision (plan, three goal
    // changes, one criterion reworded) and review 2: eleven entries under the header.
    expect(rows).toHaveLength(12);
    expect(cells(rows[1]!)).toEqual(['04/01/2027 12:00', 'Alex Morgan', 'Review recorded (decision: Move to ending)', 'Next review date: 04/01/2027 → 15/02/2027']);
    expect(cells(rows[5]!)).toEqual(['23/11/2026 12:00', 'Alex Morgan', 'Goal reworded', 'Goal: Go back to school → Go to school three days a week']);
    expect(cells(rows[6]!)[3]).toBe('Plan version: 1 → 2Target date: 01/02/2027 → 01/03/2027');
    expect(cells(rows[7]!)[3]).toBe('Grouping: Getting More Help → Getting Help');
    // Recorded at noon UTC on 5 October (the test clock): 13:00 in London (British Summer Time).
    expect(cells(rows[11]!)).toEqual(['05/10/2026 13:00', 'Alex Morgan', 'Case opened', 'Added']);
  });

  it('says when the history cannot be loaded, and tries again', async () => {
    const { backend, caseId } = riley();
    const { user } = await renderCasePage({ backend, caseId });
    backend.failNext('cases:history', { code: 'internal', message: 'Something went wrong reaching your records. Try again.' });
    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong reaching your records.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'History' })).toBeTruthy();
  });
});

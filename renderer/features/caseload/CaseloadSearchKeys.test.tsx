/**
 * The caseload's search box and keyboard at any speed (hazard H40): the down arrow from the search box
 * goes to the first case of a new search, and keys typed before the caseload has loaded reach the
 * search box and act on the list once it arrives. The browser run at full typing speed is
 * tests/e2e/caseload-fast-keys.e2e.test.ts.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { backendWithCaseload, holdCaseload, openCaseload, rowNames, rowOf, SEARCH } from '../../test-support/render-caseload';

describe('The caseload search box and keys', () => {
  it('keeps the Tab stop on the case last moved to when coming back; a new search starts at its first case', async () => {
    const { user } = await openCaseload();
    await user.keyboard('/{ArrowDown}{ArrowDown}{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Sam Patel' });
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    await screen.findByRole('table', { name: 'My open cases' });
    expect(screen.getByRole('link', { name: 'Sam Patel' }).getAttribute('tabindex')).toBe('0');
    await user.keyboard('/{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Sam Patel' }));

    // Sam Patel matches "a" too, but the row the keyboard was on is not shown while typing: the down
    // arrow goes to the first case of the new search, as a fast typist pressing it unseen expects.
    await user.keyboard('/a');
    expect(rowNames()).toEqual(['Riley Shaw', 'Sam Patel', 'Jo Okafor', 'Alex Brown']);
    expect(screen.getByRole('link', { name: 'Riley Shaw' }).getAttribute('tabindex')).toBe('0');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Riley Shaw' }));
    await user.keyboard('/w');
    // "aw": Sam Patel is filtered out; the first case listed takes the Tab stop.
    expect(rowNames()).toEqual(['Riley Shaw']);
    await user.keyboard('{Backspace}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Sam Patel' }));
  });

  it('keeps keys typed straight after "Back to caseload", before the caseload has loaded, and opens the case they reach', async () => {
    const backend = backendWithCaseload();
    const gate = holdCaseload(backend);
    const caseId = backend.seedCase({ name: 'Zoe Quinn', caseRef: 'RIO-2005', openDate: '2027-01-10' });
    const { user } = await renderApp({ backend, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Zoe Quinn' });
    gate.hold();
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    expect(screen.getByText(/Loading your caseload/)).toBeTruthy();

    // The search box is there while the list loads: nothing typed is lost, and focus stays in it.
    await user.keyboard('/a{ArrowDown}{ArrowDown}{Enter}');
    const box = screen.getByLabelText(SEARCH) as HTMLInputElement;
    expect(box.value).toBe('a');
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('heading', { level: 1, name: 'My caseload' })).toBeTruthy();

    // The list arrives: the arrows reach the second case matching "a" (Riley Shaw is first), and Enter opens it.
    gate.release();
    await screen.findByRole('heading', { level: 1, name: 'Sam Patel' });
  });

  it('moves into the list on arrival when only the arrows were pressed while it loaded', async () => {
    const backend = backendWithCaseload();
    const gate = holdCaseload(backend);
    const caseId = backend.seedCase({ name: 'Zoe Quinn', caseRef: 'RIO-2005', openDate: '2027-01-10' });
    const { user } = await renderApp({ backend, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Zoe Quinn' });
    gate.hold();
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    await user.keyboard('/patel{ArrowDown}');
    gate.release();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Sam Patel' })));
    expect(rowOf('Sam Patel').className).toContain('is-highlighted');

    // Typing more after the arrows cancels them: the person is still searching.
    gate.hold();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Sam Patel' });
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    await user.keyboard('/{Control>}a{/Control}pat{ArrowDown}e');
    gate.release();
    await screen.findByRole('table', { name: 'My open cases' });
    expect(rowNames()).toEqual(['Sam Patel']);
    expect(document.activeElement).toBe(screen.getByLabelText(SEARCH));
    expect((screen.getByLabelText(SEARCH) as HTMLInputElement).value).toBe('pate');
  });
});

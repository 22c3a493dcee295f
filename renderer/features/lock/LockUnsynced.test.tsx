import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { jamie } from '../../../tests/support/app-api/seed';
import { teamBackend } from '../../../tests/support/app-api/team-mode';
import { createTestBackend } from '../../../tests/support/app-api/backend';

const NOTICE = /Some of your changes have not been sent to the team server yet/;

/**
 * Locking with team changes not yet sent. The headless backend has no app lock (it answers lock:lock
 * by refusing, and the app comes back), so lock:lock is held: the lock screen is what shows meanwhile.
 */
describe('Locking with changes not sent', () => {
  it('says on the lock screen that changes are waiting and kept, without counts or names', async () => {
    const { backend } = teamBackend();
    backend.seedCase(jamie());
    const { user } = await renderApp({ backend });
    await within(screen.getByRole('banner')).findByText(/^Signed out · sign in to send \d+ changes$/);
    const release = backend.hold('lock:lock');
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    const notice = screen.getByText(NOTICE);
    expect(notice.closest('[role="status"]')).toBeTruthy();
    expect(notice.textContent).toContain('kept on this computer');
    // The lock screen shows nothing from the records: no count, no name, no sync state in the header.
    expect(document.body.textContent).not.toMatch(/Jamie|RIO-|\d+ changes/);
    await expectNoAxeViolations();
    act(() => release());
  });

  it('says nothing of the kind in solo mode', async () => {
    const backend = createTestBackend();
    backend.seedCase(jamie());
    const { user } = await renderApp({ backend });
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    const release = backend.hold('lock:lock');
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(screen.queryByText(NOTICE)).toBeNull();
    act(() => release());
  });
});

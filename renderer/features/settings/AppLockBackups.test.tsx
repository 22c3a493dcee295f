import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/dates';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';
import { TEST_PASSPHRASE } from '../../../tests/support/app-api/session';

const IDLE = 'Lock after this many idle minutes';
const NEW_PASSPHRASE = 'purple kettle morning';

async function openSettings(backend: TestBackend = createTestBackend()) {
  const view = await renderApp({ backend, route: { name: 'settings' } });
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return view;
}

describe('Settings: idle lock minutes', () => {
  it('saves the minutes and refuses values outside 1 to 60', async () => {
    const { user, backend } = await openSettings();
    expect((screen.getByLabelText(IDLE) as HTMLInputElement).value).toBe('5');
    await user.clear(screen.getByLabelText(IDLE));
    await user.type(screen.getByLabelText(IDLE), '61');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('At most 60 minutes');
    expect(backend.callsTo('settings:update')).toEqual([]);

    await user.clear(screen.getByLabelText(IDLE));
    await user.type(screen.getByLabelText(IDLE), '15');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Settings saved/);
    expect(backend.settings.autoLockMinutes).toBe(15);
  });
});

describe('Settings: change passphrase', () => {
  it('shows errors beside the fields and in the summary, then changes it', async () => {
    const backend = createTestBackend({ lock: 'unlocked' });
    const { user } = await openSettings(backend);
    const current = screen.getByLabelText('Current passphrase') as HTMLInputElement;
    expect(current.type).toBe('password');
    expect(current.autocomplete).toBe('current-password');
    expect((screen.getByLabelText('New passphrase') as HTMLInputElement).autocomplete).toBe('new-password');

    await user.type(screen.getByLabelText('New passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter your passphrase');
    expect(summary.textContent).toContain('Use at least 12 characters');
    expect(screen.getByLabelText('Current passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(backend.callsTo('lock:changePassphrase')).toEqual([]);
    await expectNoAxeViolations();

    await user.type(current, 'not the passphrase');
    await user.clear(screen.getByLabelText('New passphrase'));
    await user.type(screen.getByLabelText('New passphrase'), NEW_PASSPHRASE);
    await user.type(screen.getByLabelText('Type the new passphrase again'), NEW_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('That passphrase is not right.'));
    expect(screen.getByLabelText('Current passphrase').getAttribute('aria-invalid')).toBe('true');

    await user.type(screen.getByLabelText('Current passphrase'), TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByText(/^Passphrase changed/)).closest('[role=status]')).toBeTruthy();
    backend.session.lockNow();
    expect(backend.session.invoke('lock:unlock', { passphrase: NEW_PASSPHRASE }).ok).toBe(true);
    expect((screen.getByLabelText('New passphrase') as HTMLInputElement).value).toBe('');
  });
});

/** A backend on a file with one backup, taken on `day` (the clock then goes back to today). */
function backendWithBackupOn(day: IsoDate): TestBackend {
  const backend = createTestBackend({ onDisk: true });
  backend.clock.set(day);
  backupName = backend.okNow('backup:create', {}).fileName;
  backend.clock.set(backend.today);
  return backend;
}
let backupName = '';

describe('Settings: backups', () => {
  it('lists the backups, backs up now, and says when none exist yet', async () => {
    const { user, backend } = await openSettings(createTestBackend({ onDisk: true }));
    expect(await screen.findByText('No backup yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    // The test clock's instant is noon UTC: 12:00 in London in January.
    expect((await screen.findByText('Backup taken 11/01/2027 12:00.')).closest('[role=status]')).toBeTruthy();
    expect(await screen.findByText('Last backup: 11/01/2027 12:00')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Backups' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(['Taken', 'Kind', 'Size']);
    expect(within(table).getByText('11/01/2027 12:00')).toBeTruthy();
    expect(within(table).getByText(/^\d+(\.\d)? (KB|MB)$/)).toBeTruthy();
    expect(backend.callsTo('backup:create')).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('shows a failed backup', async () => {
    const backend = backendWithBackupOn('2027-01-10');
    const { user } = await openSettings(backend);
    await screen.findByText('Last backup: 10/01/2027 12:00');
    // SQLite cannot copy a database inside an open transaction: a real failure, as a full disk would be.
    backend.db().exec('BEGIN');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The backup could not be made: cannot VACUUM from within a transaction');
    expect(await screen.findByText(/^Last backup failed: The backup on 11\/01\/2027 12:00 failed/)).toBeTruthy();
    backend.db().exec('ROLLBACK');
  });

  it('asks before restoring: Cancel and Escape keep everything, Restore backup restores and reloads', async () => {
    const backend = backendWithBackupOn('2027-01-10');
    const { user } = await openSettings(backend);
    const restore = await screen.findByRole('button', { name: 'Restore' });
    await user.click(restore);
    let dialog = screen.getByRole('alertdialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('10/01/2027 12:00');
    expect(dialog.textContent).toContain('set aside on this computer, not deleted');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    // Focus stays in the dialog.
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await expectNoAxeViolations();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(restore);

    await user.click(restore);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(restore);
    expect(backend.callsTo('backup:restore')).toEqual([]);

    const appStateCalls = backend.callsTo('app:state').length;
    await user.click(restore);
    dialog = screen.getByRole('alertdialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore backup' }));
    expect((await screen.findByText('Restored the backup taken 10/01/2027 12:00.')).closest('[role=status]')).toBeTruthy();
    expect(backend.callsTo('backup:restore')).toEqual([{ fileName: backupName }]);
    await waitFor(() => expect(backend.callsTo('app:state').length).toBeGreaterThan(appStateCalls));
    // The backup taken first, before the restore, is now listed too.
    await screen.findByText('Before a restore');
  });
});

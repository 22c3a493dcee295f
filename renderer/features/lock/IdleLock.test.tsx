import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { TEST_PASSPHRASE } from '../../../tests/support/app-api/session';

const MINUTE = 60_000;

describe('Auto-lock after idle minutes', () => {
  it('locks after the configured minutes without activity; activity resets the wait and pings main', async () => {
    const backend = createTestBackend({ lock: 'unlocked', settings: { autoLockMinutes: 2 } });
    backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    await renderApp({ backend });
    await screen.findByRole('link', { name: 'Jamie Lee' });

    act(() => backend.timers.advance(2 * MINUTE - 1_000));
    expect(screen.queryByRole('heading', { name: 'THRIVE Plans is locked' })).toBeNull();
    // A key press: the two minutes start again, and main hears the person is active.
    fireEvent.keyDown(document.body, { key: 'Shift' });
    expect(backend.callsTo('lock:ping')).toHaveLength(1);
    // Pinged at most every 30 seconds, however busy the mouse.
    fireEvent.mouseMove(document.body);
    fireEvent.touchStart(document.body);
    expect(backend.callsTo('lock:ping')).toHaveLength(1);

    act(() => backend.timers.advance(MINUTE));
    expect(screen.queryByRole('heading', { name: 'THRIVE Plans is locked' })).toBeNull();
    fireEvent.mouseDown(document.body);
    expect(backend.callsTo('lock:ping')).toHaveLength(2);

    await act(async () => backend.timers.advance(2 * MINUTE));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(backend.session.status().state).toBe('locked');
    expect(document.body.textContent).not.toContain('Jamie Lee');
  });

  it('saves the draft being typed before telling main to lock', async () => {
    const backend = createTestBackend({ lock: 'unlocked' });
    const { user } = await renderApp({ backend, route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await user.type(screen.getByLabelText("Young person's name"), 'Jamie Lee');
    // Pressed before the draft's own autosave timer: the draft still goes first.
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    const order = backend.calls.map((c) => c.channel).filter((c) => c === 'drafts:save' || c === 'lock:lock');
    expect(order).toEqual(['drafts:save', 'lock:lock']);
    expect(document.body.textContent).not.toContain('Jamie Lee');
    // The draft is in the database, which opens again with the passphrase.
    backend.okNow('lock:unlock', { passphrase: TEST_PASSPHRASE });
    expect(JSON.stringify(backend.draft('open_case', null)?.payload)).toContain('Jamie Lee');
  });

  it('saves waiting drafts before an idle lock too', async () => {
    const backend = createTestBackend({ lock: 'unlocked', settings: { autoLockMinutes: 1 } });
    const { user } = await renderApp({ backend, route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await user.type(screen.getByLabelText("Young person's name"), 'Sam');
    await act(async () => backend.timers.advance(MINUTE));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    const order = backend.calls.map((c) => c.channel).filter((c) => c === 'drafts:save' || c === 'lock:lock');
    expect(order).toEqual(['drafts:save', 'lock:lock']);
  });
});

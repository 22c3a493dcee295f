import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../test-support/fake-api';
import { renderApp } from '../../test-support/render-app';

const MINUTE = 60_000;

describe('Auto-lock after idle minutes', () => {
  it('locks after the configured minutes without activity; activity resets the wait and pings main', async () => {
    const fake = createFakeApi({ settings: { autoLockMinutes: 2 } });
    fake.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    await renderApp({ fake });
    await screen.findByRole('link', { name: 'Jamie Lee' });

    act(() => fake.timers.advance(2 * MINUTE - 1_000));
    expect(screen.queryByRole('heading', { name: 'THRIVE Plans is locked' })).toBeNull();
    // A key press: the two minutes start again, and main hears the person is active.
    fireEvent.keyDown(document.body, { key: 'Shift' });
    expect(fake.callsTo('lock:ping')).toHaveLength(1);
    // Pinged at most every 30 seconds, however busy the mouse.
    fireEvent.mouseMove(document.body);
    fireEvent.touchStart(document.body);
    expect(fake.callsTo('lock:ping')).toHaveLength(1);

    act(() => fake.timers.advance(MINUTE));
    expect(screen.queryByRole('heading', { name: 'THRIVE Plans is locked' })).toBeNull();
    fireEvent.mouseDown(document.body);
    expect(fake.callsTo('lock:ping')).toHaveLength(2);

    await act(async () => fake.timers.advance(2 * MINUTE));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(fake.lock.state).toBe('locked');
    expect(document.body.textContent).not.toContain('Jamie Lee');
  });

  it('saves the draft being typed before telling main to lock', async () => {
    const fake = createFakeApi();
    const { user } = await renderApp({ fake, route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await user.type(screen.getByLabelText("Young person's name"), 'Jamie Lee');
    // Pressed before the draft's own autosave timer: the draft still goes first.
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    const order = fake.calls.map((c) => c.channel).filter((c) => c === 'drafts:save' || c === 'lock:lock');
    expect(order).toEqual(['drafts:save', 'lock:lock']);
    expect(JSON.stringify(fake.draft('open_case', null)?.payload)).toContain('Jamie Lee');
    expect(document.body.textContent).not.toContain('Jamie Lee');
  });

  it('saves waiting drafts before an idle lock too', async () => {
    const fake = createFakeApi({ settings: { autoLockMinutes: 1 } });
    const { user } = await renderApp({ fake, route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await user.type(screen.getByLabelText("Young person's name"), 'Sam');
    await act(async () => fake.timers.advance(MINUTE));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    const order = fake.calls.map((c) => c.channel).filter((c) => c === 'drafts:save' || c === 'lock:lock');
    expect(order).toEqual(['drafts:save', 'lock:lock']);
  });
});

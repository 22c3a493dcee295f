import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/ipc/schemas/sync';
import { soloStatus } from './sync-service';
import { guardQuit, quitWarning, type QuitPrompt } from './quit-warning';

const team = (s: Partial<SyncStatus>): SyncStatus => ({ ...soloStatus(), mode: 'team', serverUrl: 'https://thrive.example.nhs.uk', ...s });

/** A window whose close can be held, as Electron's 'close' event allows. */
function fakeWindow() {
  let listener: (e: { preventDefault(): void }) => void = () => {};
  const w = {
    closed: 0,
    on: (_: 'close', l: typeof listener) => (listener = l),
    close() {
      let prevented = false;
      listener({ preventDefault: () => (prevented = true) });
      if (!prevented) w.closed++;
    },
  };
  return w;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('quitting with team changes not sent', () => {
  it('asks only in team mode with changes or conflicts waiting', () => {
    expect(quitWarning(soloStatus())).toBeNull();
    expect(quitWarning(team({ state: 'up_to_date' }))).toBeNull();
    expect(quitWarning(null)).toBeNull();
    const p = quitWarning(team({ state: 'offline', pending: 3 }))!;
    expect(p.message).toBe('3 changes have not been sent to the team server.');
    expect(p.detail).toContain('Nothing is lost');
    expect(p.detail).toContain('cannot be reached');
    expect(p.buttons[p.cancelId]).toBe('Keep THRIVE Plans open');
    expect(quitWarning(team({ state: 'signed_out', pending: 1 }))!.detail).toContain('Sign in to send them.');
    expect(quitWarning(team({ state: 'conflict', conflicts: 1 }))!.message).toContain("1 case needs you to choose");
  });

  it('keeps the window open when the person says so, and closes it when they choose to quit', async () => {
    const asked: QuitPrompt[] = [];
    let answer = 1;
    const win = fakeWindow();
    guardQuit(win, { status: async () => team({ state: 'pending', pending: 2 }), ask: async (p) => (asked.push(p), answer) });
    win.close();
    await settle();
    expect(asked).toHaveLength(1);
    expect(win.closed).toBe(0);
    answer = 0;
    win.close();
    await settle();
    expect(win.closed).toBe(1);
  });

  it('closes without asking when nothing waits or the status cannot be read (locked)', async () => {
    const win = fakeWindow();
    guardQuit(win, { status: async () => null, ask: async () => 1 });
    win.close();
    await settle();
    expect(win.closed).toBe(1);
  });
});

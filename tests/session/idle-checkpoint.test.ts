/**
 * The app checkpoints its WAL in idle time, a moment after the last write (main/session/idle-checkpoint.ts),
 * so a save never pays for copying the WAL back into the database file. Seen from outside: the database
 * file itself changes only once the app has been idle for IDLE_CHECKPOINT_MS after a write, and reads
 * alone never touch it.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_MS } from '../../main/session/idle-checkpoint';
import { openCaseArgs } from '../support/test-app';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { setupArgs, startSession } from '../support/test-session';

describe('idle-time WAL checkpoint', () => {
  it('writes saved changes into the database file once the app is idle, not during the save', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    const profile = t.ok<{ id: string }>('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    t.timers.advance(IDLE_CHECKPOINT_MS);
    const settled = statSync(t.dbPath).mtimeMs;

    t.ok('cases:open', openCaseArgs(profile.id));
    expect(statSync(t.dbPath).mtimeMs, 'the save itself leaves the database file alone (the change is in the WAL)').toBe(settled);
    t.timers.advance(IDLE_CHECKPOINT_MS - 1);
    expect(statSync(t.dbPath).mtimeMs).toBe(settled);
    t.timers.advance(1);
    expect(statSync(t.dbPath).mtimeMs, 'after the idle moment the change is checkpointed into the file').toBeGreaterThan(settled);
  });

  it('schedules nothing for reads, and waits for the last of a burst of writes', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    const profile = t.ok<{ id: string }>('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    t.timers.advance(IDLE_CHECKPOINT_MS);
    const settled = statSync(t.dbPath).mtimeMs;

    t.ok('caseload:list', {});
    t.ok('settings:get', {});
    t.timers.advance(IDLE_CHECKPOINT_MS * 3);
    expect(statSync(t.dbPath).mtimeMs, 'reads never checkpoint').toBe(settled);

    t.ok('cases:open', openCaseArgs(profile.id, { caseRef: 'C-1' }));
    t.timers.advance(IDLE_CHECKPOINT_MS - 500);
    t.ok('cases:open', openCaseArgs(profile.id, { caseRef: 'C-2', nhsNumber: null }));
    t.timers.advance(IDLE_CHECKPOINT_MS - 500);
    expect(statSync(t.dbPath).mtimeMs, 'a write moves the idle moment on').toBe(settled);
    t.timers.advance(500);
    expect(statSync(t.dbPath).mtimeMs).toBeGreaterThan(settled);
  });
});

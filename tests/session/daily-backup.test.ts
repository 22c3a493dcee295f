/**
 * "Automatic backups daily": an app left unlocked for days (clinicians rarely quit) still gets one
 * verified backup a day, and a locked app takes none (its database is closed).
 */
import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../../shared/dates';
import type { BackupList } from '../../shared/ipc/security-types';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { fakeTimers, PASSPHRASE, setupArgs, startSession } from '../support/test-session';

const MINUTE = 60_000;

describe('daily backups while the app runs', () => {
  it('takes one at unlock when due, then one a day while unlocked, none while locked', () => {
    const timers = fakeTimers();
    // The backup service reads the same moving time as the session's timers.
    const clock = { today: () => londonDateOf(timers.now()), now: () => new Date(timers.now()).toISOString() };
    const t = startSession(fakeOsCrypto(), { timers, clock });
    t.ok('lock:setup', setupArgs);
    const count = () => t.ok<BackupList>('backup:list').backups.length;
    const stayActive = (ms: number) => {
      // The person keeps working: a ping every 4 minutes keeps the 5-minute idle lock away.
      for (let done = 0; done < ms; done += 4 * MINUTE) {
        timers.advance(4 * MINUTE);
        t.ok('lock:ping');
      }
    };
    const first = count();
    expect(first).toBeGreaterThanOrEqual(1);

    stayActive(22 * 60 * MINUTE);
    expect(count()).toBe(first);
    stayActive(3 * 60 * MINUTE);
    expect(count()).toBe(first + 1);

    t.ok('lock:lock');
    timers.advance(3 * 24 * 60 * MINUTE);
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    // Unlocking after three days takes the overdue one straight away, and only one.
    expect(count()).toBe(first + 2);
  });
});

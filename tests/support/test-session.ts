/** Sessions over real encrypted files in temporary folders, with time that tests move by hand. */
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { IpcResult } from '../../shared/ipc/result';
import type { OsCrypto } from '../../main/keys/os-crypto';
import { createSecureSession, type SecureSession, type SecureSessionOptions } from '../../main/session/secure-session';
import type { SessionTimers } from '../../main/session/timers';
import { tempDir } from './temp-db';

export const PASSPHRASE = 'copper kettle meadow';
export const NEW_PASSPHRASE = 'orange lantern harbour';

export interface FakeTimers extends SessionTimers {
  advance(ms: number): void;
}

export function fakeTimers(): FakeTimers {
  let now = Date.parse('2026-11-22T09:00:00Z');
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(run, ms) {
      next += 1;
      pending.set(next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    now: () => now,
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now || !pending.has(id)) continue;
        pending.delete(id);
        timer.run();
      }
    },
  };
}

export interface TestSession {
  session: SecureSession;
  dir: string;
  dbPath: string;
  keystorePath: string;
  timers: FakeTimers;
  logs: string[];
  call(channel: string, args?: unknown): IpcResult<unknown>;
  ok<T = unknown>(channel: string, args?: unknown): T;
}

const opened: SecureSession[] = [];

export function startSession(os: OsCrypto | null, options: { dir?: string } & Partial<SecureSessionOptions> = {}): TestSession {
  const dir = options.dir ?? tempDir();
  const dbPath = join(dir, 'thrive.db');
  const timers = fakeTimers();
  const logs: string[] = [];
  const session = createSecureSession({ dbPath, os, clock: fixedClock('2026-11-22'), log: (m) => logs.push(m), timers, ...options });
  opened.push(session);
  const call = (channel: string, args: unknown = {}) => session.invoke(channel, args);
  return {
    session,
    dir,
    dbPath,
    keystorePath: join(dir, 'thrive.keys'),
    timers,
    logs,
    call,
    ok<T>(channel: string, args: unknown = {}) {
      const result = call(channel, args);
      if (!result.ok) expect.fail(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
  };
}

// Registered after temp-db's cleanup, so it runs first: databases close before their folders go.
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** Files this process holds open under `dir` (Linux /proc); null where the platform cannot say. */
export function openFilesUnder(dir: string): string[] | null {
  if (!existsSync('/proc/self/fd')) return null;
  const files: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) files.push(target);
    } catch {
      // The descriptor closed while listing (readdir's own, for one).
    }
  }
  return files;
}

export const setupArgs = { passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE };

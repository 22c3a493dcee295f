/**
 * Auto-lock (docs/quality.md#app-lock): after `minutes` without a key press, click, pointer movement,
 * scroll or touch, the app saves every waiting draft and locks. While the person is active, main is
 * told (lock:ping, at most every 30 s) so its own idle backstop does not lock them out mid-task.
 * Time comes from the scheduler (scheduler.ts), so tests move it on by hand.
 */
import { useEffect, useRef } from 'react';
import { request } from '../api/client';
import { getScheduler } from '../lib/scheduler';

/** Often enough for main's backstop (minutes), rarely enough to cost nothing. */
export const PING_INTERVAL_MS = 30_000;

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart'] as const;

export function useIdleLock({ minutes, enabled, onIdle }: { minutes: number; enabled: boolean; onIdle(): void }): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!enabled) return undefined;
    const scheduler = getScheduler();
    const limit = minutes * 60_000;
    let lastActivity = scheduler.now();
    let lastPing = lastActivity;
    let cancel: (() => void) | null = null;

    // One timer for the quiet period, re-armed only when it falls due (not on every mouse move).
    const check = () => {
      const quiet = scheduler.now() - lastActivity;
      if (quiet >= limit) {
        cancel = null;
        onIdleRef.current();
      } else {
        cancel = scheduler.after(limit - quiet, check);
      }
    };
    const onActivity = () => {
      const now = scheduler.now();
      lastActivity = now;
      if (now - lastPing >= PING_INTERVAL_MS) {
        lastPing = now;
        // A failed ping is harmless here: a 'locked' answer reaches the lock store through the client.
        request((api) => api.lock.ping({})).catch(() => undefined);
      }
    };

    cancel = scheduler.after(limit, check);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      cancel?.();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, enabled]);
}

import { describe, expect, it } from 'vitest';
import { createManualScheduler } from './scheduler';

describe('manual scheduler', () => {
  it('runs only what falls due, in time order, and not what was cancelled', () => {
    const timers = createManualScheduler();
    const ran: string[] = [];
    timers.after(800, () => ran.push('b'));
    timers.after(300, () => ran.push('a'));
    const cancel = timers.after(500, () => ran.push('cancelled'));
    cancel();
    timers.advance(799);
    expect(ran).toEqual(['a']);
    expect(timers.pending).toBe(1);
    // A timer set now is due from now, not from when time started.
    timers.after(100, () => ran.push('c'));
    timers.advance(1);
    expect(ran).toEqual(['a', 'b']);
    timers.advance(99);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(timers.pending).toBe(0);
  });
});

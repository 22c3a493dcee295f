/**
 * Timers behind one small interface, so what waits (draft autosave) can be driven by hand in tests
 * instead of by the wall clock: component tests install a manual scheduler and advance it.
 */
export interface Scheduler {
  /** Runs `run` once after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Milliseconds on this scheduler's clock (the idle lock measures quiet time with it). */
  now(): number;
}

const realScheduler: Scheduler = {
  after(ms, run) {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
  now: () => Date.now(),
};

let current: Scheduler = realScheduler;

export function getScheduler(): Scheduler {
  return current;
}

/** Replaces the timers for tests; null puts the real ones back. */
export function setSchedulerForTests(scheduler: Scheduler | null): void {
  current = scheduler ?? realScheduler;
}

export interface ManualScheduler extends Scheduler {
  /** Moves time on by `ms`, running (in time order) everything that falls due. */
  advance(ms: number): void;
  /** How many timers are waiting. */
  readonly pending: number;
}

/** A scheduler whose time only moves when told to. */
export function createManualScheduler(): ManualScheduler {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { due: number; run: () => void }>();
  return {
    after(ms, run) {
      const id = nextId++;
      timers.set(id, { due: now + ms, run });
      return () => {
        timers.delete(id);
      };
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.due <= until).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].due;
        due[1].run();
      }
      now = until;
    },
    now: () => now,
    get pending() {
      return timers.size;
    },
  };
}

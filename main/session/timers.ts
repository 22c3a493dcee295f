/** Time as the session sees it: injectable, so tests move minutes forward without waiting. */
export interface SessionTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds since the epoch. */
  now(): number;
}

export const realTimers: SessionTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The idle timer must never keep a process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

/**
 * The clock and timer of a wait on Canvas. rxjs's `SchedulerLike` is one (tests pass a virtual
 * scheduler), but the client does not need rxjs: it depends on ky alone.
 */
export interface CanvasClock {
  now(): number;
  schedule(work: () => void, delayMs?: number): unknown;
}

// The SDK's own code takes time from an injected scheduler (lint bans the globals there); this is
// the client's default when its caller injects none.
export const wallClock: CanvasClock = {
  // eslint-disable-next-line no-restricted-properties
  now: () => Date.now(),
  schedule: (work, delayMs) => globalThis.setTimeout(work, delayMs),
};

/** Resolves after `delayMs` on `clock`. */
export const sleep = (clock: CanvasClock, delayMs: number): Promise<void> =>
  new Promise((resolve) => {
    clock.schedule(resolve, delayMs);
  });

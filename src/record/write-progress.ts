/**
 * Counts events recorded and events whose write settled (writes settle in order), so a wait is for
 * the events recorded before it, never for those that keep coming after: under a steady stream of
 * events a flush or a keepalive ack would otherwise wait for a quiet moment that may never come.
 */
export interface WriteProgress {
  recorded: (count: number) => void;
  settled: (count: number) => void;
  /** Resolves once every event recorded before the call has been written (or failed to be). */
  written: () => Promise<void>;
}

export function createWriteProgress(): WriteProgress {
  let recordedCount = 0;
  let settledCount = 0;
  let waiters: { upTo: number; resolve: () => void }[] = [];
  return {
    recorded: (count) => {
      recordedCount += count;
    },
    settled: (count) => {
      settledCount += count;
      const ready = waiters.filter((waiter) => waiter.upTo <= settledCount);
      waiters = waiters.filter((waiter) => waiter.upTo > settledCount);
      for (const waiter of ready) waiter.resolve();
    },
    written: () => {
      const upTo = recordedCount;
      return settledCount >= upTo
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ upTo, resolve }));
    },
  };
}

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
  const waiters: { upTo: number; resolve: () => void }[] = [];
  return {
    recorded: (count) => {
      recordedCount += count;
    },
    settled: (count) => {
      settledCount += count;
      // upTo never falls from one waiter to the next (recordedCount only grows): the ready ones lead.
      while (waiters[0] && waiters[0].upTo <= settledCount) waiters.shift()?.resolve();
    },
    written: () => {
      const upTo = recordedCount;
      return settledCount >= upTo
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ upTo, resolve }));
    },
  };
}

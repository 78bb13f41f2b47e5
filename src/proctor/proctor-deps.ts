import { asyncScheduler } from 'rxjs';
import { createIdbEventStore } from '../store/create-idb-event-store.js';
import type { RecordDeps } from '../record/attempt-pipeline.js';
import { electLeader } from '../tabs/tab-leader.js';

/** What the proctor takes from its surroundings; tests inject virtual time, failing stores and so on. */
export interface ProctorDeps extends RecordDeps {
  /**
   * The time left as the page shows it (Canvas's take page does), read instead of asking Canvas's
   * API once a minute.
   */
  readTimeLeft?: () => { endAt: string | null; secondsLeft: number | null };
}

export const defaultDeps = (): ProctorDeps => ({
  scheduler: asyncScheduler,
  target: window,
  random: Math.random,
  openStore: createIdbEventStore,
  electLeader,
  storeOpTimeoutMs: 5000,
  writeWindowMs: 10,
  keepaliveBudgetBytes: 64 * 1024,
  monotonicNow: () => performance.now(),
});

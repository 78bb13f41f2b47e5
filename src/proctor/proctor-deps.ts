import { asyncScheduler } from 'rxjs';
import { createIdbEventStore } from '../store/create-idb-event-store.js';
import type { RecordDeps } from '../record/attempt-pipeline.js';
import { electLeader } from '../tabs/tab-leader.js';

/** What the proctor takes from its surroundings; tests inject virtual time, failing stores and so on. */
export type ProctorDeps = RecordDeps;

export const defaultDeps = (): ProctorDeps => ({
  scheduler: asyncScheduler,
  target: window,
  random: Math.random,
  openStore: createIdbEventStore,
  electLeader,
  storeOpTimeoutMs: 5000,
  writeWindowMs: 10,
  keepaliveBudgetBytes: 64 * 1024,
});

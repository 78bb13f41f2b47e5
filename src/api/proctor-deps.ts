import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { createIdbEventStore } from '../store/create-idb-event-store.js';
import type { EventStore, StoreBounds } from '../store/event-store.js';
import { electLeader, type TabLeader } from '../transport/tab-leader.js';

/** What the proctor takes from its surroundings; tests inject virtual time, failing stores and so on. */
export interface ProctorDeps {
  scheduler: SchedulerLike;
  target: Window;
  random: () => number;
  openStore: (name: string, bounds: StoreBounds) => EventStore;
  electLeader: (lockName: string, onLeader: () => void) => TabLeader;
  /** A store operation slower than this failed (Safari's first IndexedDB open can hang forever). */
  storeOpTimeoutMs: number;
  /** Captured events arriving within this window are written in one transaction. */
  writeWindowMs: number;
  /** The browser's keepalive quota, shared by every keepalive request in flight. */
  keepaliveBudgetBytes: number;
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
});

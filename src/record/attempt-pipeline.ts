import type { KyInstance } from 'ky';
import type { Observable, SchedulerLike } from 'rxjs';
import type { CanvasAuth } from '../canvas/core/canvas-auth.js';
import type { DeliveryState } from '../deliver/create-delivery-engine.js';
import type { ProctorError } from '../errors/proctor-error.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { DeadLetter, EventStore, StoreBounds } from '../store/event-store.js';
import type { StoreResetReason } from '../store/open-resettable-store.js';
import type { TabLeader } from '../tabs/tab-leader.js';
import type { CaptureMemory } from './capture-memory.js';
import type { HeartbeatReason } from './heartbeat.js';

/** The options one attempt's write and delivery path reads (validated and defaulted by the face). */
export interface RecordOptions {
  baseUrl: string;
  courseId: string;
  quizId: string;
  /** Canvas's events URL for the attempt, when the page gave one (otherwise built from the ids). */
  eventsUrl: string | undefined;
  flushIntervalMs: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  maxStoredEvents: number;
  maxStoredBytes: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  retryAfterMaxMs: number;
  /** Record `second_tab_opened` when another page of the attempt says hello. */
  recordSecondTabs: boolean;
  /** Record `heartbeat`s every this many milliseconds (and at start, hide, show, complete); 0: none. */
  heartbeatIntervalMs: number;
  /** Which page states the captured events report, so that with heartbeats on an unreported change is caught. */
  reports: { focus: boolean; visibility: boolean };
}

/** What the write and delivery path takes from its surroundings; tests inject virtual time, failing stores and so on. */
export interface RecordDeps {
  scheduler: SchedulerLike;
  target: Window;
  random: () => number;
  /** `onReset` hears when the database was deleted, upgraded or closed under the page. */
  openStore: (name: string, bounds: StoreBounds, onReset?: (reason: StoreResetReason) => void) => EventStore;
  electLeader: (lockName: string, onLeader: () => void) => TabLeader;
  /** A store operation slower than this failed (Safari's first IndexedDB open can hang forever). */
  storeOpTimeoutMs: number;
  /** Captured events arriving within this window are written in one transaction. */
  writeWindowMs: number;
  /** The browser's keepalive quota, shared by every keepalive request in flight. */
  keepaliveBudgetBytes: number;
  /** A clock no one can set (`performance.now()`), beside the scheduler's wall clock. */
  monotonicNow: () => number;
}

/** What the attempt's path tells the face, which passes it on to `on(...)` listeners. */
export interface AttemptEvents {
  delivered: { count: number; lastSeq: number };
  error: ProctorError;
  deadLettered: DeadLetter;
  delivery: DeliveryState;
}

/** Counters of one attempt's path since this page started it. */
export interface AttemptStats {
  pending: number;
  delivered: number;
  retried: number;
  deadLettered: number;
  dropped: number;
  delivery: DeliveryState;
  storage: 'indexeddb' | 'memory';
}

export interface AttemptPipelineConfig {
  options: RecordOptions;
  deps: RecordDeps;
  submission: { id: string | number; attempt: number };
  /** Canvas's ky instance (createCanvasHttp): no prefixUrl, the events URL is absolute. */
  http: KyInstance;
  /** The current credentials (setAuth may replace them). */
  getAuth: () => CanvasAuth;
  emit: <K extends keyof AttemptEvents>(type: K, value: AttemptEvents[K]) => void;
  /**
   * The capture sources, given the attempt's memory (so "once per attempt" survives reloads) and a
   * notifier on which they record what their timing rules hold back, then complete.
   */
  capture: (memory: CaptureMemory, stop$: Observable<void>) => Observable<CapturedEvent>;
}

/** One attempt's capture → write-ahead → delivery, running until `stop()`. */
export interface AttemptPipeline {
  record(event: CapturedEvent): void;
  /** A heartbeat now (before completing), when heartbeats are on. */
  beat(reason: HeartbeatReason): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
  resume(): void;
  stats(): Promise<AttemptStats>;
  /** Deletes the attempt's store (after completion, once nothing is pending). */
  destroy(): Promise<void>;
}

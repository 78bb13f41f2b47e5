import type { Observable } from 'rxjs';
import type { QuizSubmission } from '../canvas/quiz-submissions/quiz-submission.js';
import type { ProctorError } from '../errors/proctor-error.js';
import type { CanvasAuth, SubmissionRef } from './proctor-options.js';

/** Where the proctor is in its life: idle → starting → active → completing → completed, or failed; stop() → stopped. */
export type ProctorState =
  'idle' | 'starting' | 'active' | 'completing' | 'completed' | 'stopping' | 'stopped' | 'failed';

/** Where delivery stands: `backoff` waits to retry, `paused` needs new auth or a flush. */
export type DeliveryState = 'idle' | 'sending' | 'backoff' | 'paused';

/** An event as the attempt recorded it: numbered by the page load (`tab`) that captured it. */
export interface RecordedEvent {
  /** The page load that captured it (a few base-36 characters). */
  tab: string;
  /** Sequence number within the tab, from 1, gap-free. */
  seq: number;
  type: string;
  data?: unknown;
  /** `client_timestamp`, in ms since the epoch. */
  at: number;
}

/** An event Canvas refused on its own, kept aside with the reason instead of blocking the rest. */
export interface DeadLetter {
  event: RecordedEvent;
  status: number | undefined;
  reason: string;
}

/** What `on(type, listener)` can listen to. */
export interface ProctorEvents {
  /** A batch Canvas acknowledged with a 2xx. */
  delivered: { count: number; lastSeq: number };
  /** A runtime failure; the SDK keeps going where it can. */
  error: ProctorError;
  /** Every change of {@link ProctorState}. */
  state: ProctorState;
  /** Every change of delivery: `idle`, `sending`, `backoff` (waiting to retry) or `paused` (needs auth or a flush). */
  delivery: DeliveryState;
  /** An event Canvas refused on its own, set aside in the dead-letter store. */
  deadLettered: DeadLetter;
  /** The attempt ends in `secondsLeft` seconds (see `timeWarningsSec`). */
  timeWarning: { secondsLeft: number };
  /** The attempt's time is up (it is completed now if `autoComplete` is on). */
  timeUp: { endAt: string | null };
  /**
   * The former name of `timeWarning`; its listeners still hear it.
   * @deprecated Listen to `timeWarning`; this name goes in the next release.
   */
  time_warning: { secondsLeft: number };
  /**
   * The former name of `timeUp`; its listeners still hear it.
   * @deprecated Listen to `timeUp`; this name goes in the next release.
   */
  time_up: { endAt: string | null };
}

/** Delivery counters since this proctor started. */
export interface ProctorStats {
  /** Events in the attempt's store, waiting for a 2xx. */
  pending: number;
  delivered: number;
  /** Sends that failed and were scheduled again. */
  retried: number;
  deadLettered: number;
  /** Events the store's bounds pushed out. */
  dropped: number;
  delivery: DeliveryState;
  /** `memory` after IndexedDB failed (see the `storage_degraded` event). */
  storage: 'indexeddb' | 'memory';
  lastError: ProctorError | undefined;
}

/** What `complete()` did. */
export interface CompleteResult {
  /** Canvas's quiz submission after completion (absent if it could not be read back). */
  submission: QuizSubmission | undefined;
  /** Events not yet acknowledged when the attempt was completed (0 when the flush finished in time). */
  unsentEvents: number;
}

/** A running capture of one quiz attempt. */
export interface Proctor {
  /**
   * Starts, resumes (after a reload) or adopts the submission, then captures and delivers. Idempotent
   * while it runs or once it succeeded. Rejects with a `SessionError`: Canvas's refusal, or
   * `network_failed` when Canvas could not be reached; start() may then be called again (an attempt
   * saved by an earlier page is kept and resumed).
   */
  start(): Promise<SubmissionRef>;
  /**
   * Sends at once (lifting a pause or a backoff) and resolves when every event captured before the
   * call is acknowledged; rejects with the typed error of the send that failed (delivery goes on).
   */
  flush(): Promise<void>;
  /**
   * Flushes (waiting at most `completeFlushTimeoutMs`), completes the attempt with its validation
   * token, stops capture and, once every event is acknowledged, deletes the attempt's store.
   * Rejects with a `SessionError` when Canvas refuses.
   */
  complete(): Promise<CompleteResult>;
  /** Canvas's count of the time left (null: untimed); also re-bases the local countdown. */
  timeLeft(): Promise<{ endAt: string | null; secondsLeft: number | null }>;
  /** Stops capturing, writes what was captured and tries one last delivery. Idempotent. */
  stop(): Promise<void>;
  /** Replaces the credentials (say, a refreshed token) and resumes a paused delivery. */
  setAuth(auth: CanvasAuth): void;
  /** Adds a host-app event to the same pipeline. Ignored unless active. */
  record(type: string, data?: Record<string, unknown>): void;
  /** Listens to a proctor event; returns the function that stops listening. */
  on<K extends keyof ProctorEvents>(type: K, listener: (value: ProctorEvents[K]) => void): () => void;
  /** Counters for dashboards and tests. */
  getStats(): Promise<ProctorStats>;
  readonly state: ProctorState;
  /** The state as an observable: the current state at once, then every change. */
  readonly state$: Observable<ProctorState>;
  readonly submission: SubmissionRef | undefined;
}

import type { SchedulerLike, Subscription } from 'rxjs';
import { TransportError } from '../errors/transport-error.js';
import type { StoredEvent } from '../pipeline/event-record.js';
import { fitBatch } from '../pipeline/fit-batch.js';
import type { DeadLetter, EventStore } from '../store/event-store.js';
import { judgeSend, type RetryTiming, type SendResult, type Verdict } from './retry-policy.js';
import { eventsBody } from './send-events.js';

/** Where delivery stands. */
export type DeliveryState = 'idle' | 'sending' | 'backoff' | 'paused';

export interface DeliveryConfig {
  store: EventStore;
  scheduler: SchedulerLike;
  timing: RetryTiming;
  random: () => number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  /** Most bytes of keepalive bodies in flight at once: the browser's shared 64 KB budget. */
  keepaliveBudgetBytes: number;
  send: (events: readonly StoredEvent[]) => Promise<SendResult>;
  sendKeepalive: (body: string) => Promise<SendResult>;
  /** Resolves when every event captured so far is in the store (an ack must not overtake its write). */
  whenWritten: () => Promise<void>;
  onDelivered: (events: readonly StoredEvent[]) => void;
  onError: (error: TransportError) => void;
  onDeadLetter: (letter: DeadLetter) => void;
  onState: (state: DeliveryState) => void;
  onRetry: () => void;
}

interface RetryState {
  failures: number;
  /** Epoch ms before which no request is sent; persisted so a backoff survives a reload. */
  notBefore: number;
}

const RETRY_KEY = 'retry';

function errorFor(verdict: Exclude<Verdict, { kind: 'ok' }>, result: SendResult): TransportError {
  const status = result.status;
  const detail = status === undefined ? result.body : `HTTP ${status}`;
  const code =
    verdict.kind === 'pause'
      ? verdict.code
      : verdict.kind === 'split'
        ? 'event_rejected'
        : status === undefined
          ? 'network_failed'
          : 'http_error';
  const init: { retryable: boolean; status?: number; body?: string; detail?: string } = {
    retryable: verdict.kind === 'retry',
  };
  if (status !== undefined) init.status = status;
  if (result.body !== undefined) init.body = result.body;
  if (detail !== undefined) init.detail = detail;
  return new TransportError(code, init);
}

/**
 * Sends what the attempt's store holds, oldest first, one request at a time, and removes an event
 * only after a 2xx. Retries back off (persisted across reloads), auth trouble pauses, and an event
 * Canvas refuses is isolated by halving the batch and set aside, so it never blocks the rest.
 */
export class DeliveryEngine {
  readonly #c: DeliveryConfig;
  #running: Promise<TransportError | undefined> | undefined;
  #again = false;
  #state: DeliveryState = 'idle';
  #paused: TransportError | undefined;
  #retry: RetryState = { failures: 0, notBefore: 0 };
  #retryLoaded = false;
  #wake: Subscription | undefined;
  #stopped = false;
  #lastError: TransportError | undefined;
  // Events this tab knows are pending, kept in memory so a page being closed can still send them
  // synchronously; and those already travelling, so the keepalive send never doubles them.
  readonly #known = new Map<number, StoredEvent>();
  readonly #inFlight = new Set<number>();
  #keepaliveBytes = 0;

  constructor(config: DeliveryConfig) {
    this.#c = config;
  }

  get state(): DeliveryState {
    return this.#state;
  }

  get lastError(): TransportError | undefined {
    return this.#lastError;
  }

  /** Events this tab knows to be waiting. */
  get knownCount(): number {
    return this.#known.size;
  }

  /** The network is back: retry now instead of at the end of the backoff. */
  retryNow(): void {
    if (this.#paused || this.#retry.notBefore === 0) return;
    this.#retry = { ...this.#retry, notBefore: 0 };
    this.#wake?.unsubscribe();
    this.#wake = undefined;
  }

  /** Tells the engine about events numbered for the store (written or on their way), for the keepalive path. */
  remember(events: readonly StoredEvent[]): void {
    for (const event of events) this.#known.set(event.seq, event);
  }

  /** Forgets events the store renumbered or dropped. */
  forget(events: readonly StoredEvent[]): void {
    for (const event of events) this.#known.delete(event.seq);
  }

  /** Lifts a pause (new auth, or the app asked to flush) and forgets the backoff. */
  resume(): void {
    this.#paused = undefined;
    this.#retry = { failures: 0, notBefore: 0 };
    this.#wake?.unsubscribe();
    this.#wake = undefined;
    if (this.#state === 'paused' || this.#state === 'backoff') this.#setState('idle');
  }

  /**
   * Sends until the store is empty or a send fails. Joins a drain already running. Resolves with
   * the error that stopped it, if any.
   */
  drain(): Promise<TransportError | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** The drain a flush needs: now, even during a backoff. */
  flush(): Promise<TransportError | undefined> {
    this.resume();
    return this.drain();
  }

  /**
   * Sends what is pending at once with `keepalive`, within the shared keepalive budget, for a page
   * going hidden or away. Synchronous up to the fetch call; what does not fit stays in the store.
   */
  sendOnHide(): void {
    if (this.#stopped || this.#paused) return;
    const pending = [...this.#known.values()]
      .filter((event) => !this.#inFlight.has(event.seq))
      .sort((a, b) => a.seq - b.seq);
    let remaining = pending;
    while (remaining.length > 0) {
      const budget = Math.min(this.#c.maxBatchBytes, this.#c.keepaliveBudgetBytes - this.#keepaliveBytes);
      const batch = fitBatch(remaining, budget);
      const body = eventsBody(batch);
      if (body.length > budget) return;
      remaining = remaining.slice(batch.length);
      this.#keepaliveBytes += body.length;
      for (const event of batch) this.#inFlight.add(event.seq);
      void this.#c.sendKeepalive(body).then(async (result) => {
        this.#keepaliveBytes -= body.length;
        try {
          if (result.status !== undefined && result.status >= 200 && result.status < 300) {
            await this.#c.whenWritten();
            await this.#acked(batch);
          }
          // Anything else stays in the store for the ordinary path, which classifies and retries it.
        } finally {
          // Only now: until the ack is written, a drain peeking the store must not send them again.
          for (const event of batch) this.#inFlight.delete(event.seq);
        }
      });
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#wake?.unsubscribe();
  }

  /** Whether drain() was called while this loop awaited (it then looks at the store once more). */
  #askedAgain(): boolean {
    return this.#again;
  }

  #setState(state: DeliveryState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#c.onState(state);
  }

  async #acked(events: readonly StoredEvent[]): Promise<void> {
    await this.#c.store.ack(events);
    for (const event of events) this.#known.delete(event.seq);
    this.#c.onDelivered(events);
  }

  async #saveRetry(): Promise<void> {
    await this.#c.store.setValue(RETRY_KEY, this.#retry).catch(() => undefined);
  }

  #scheduleWake(delayMs: number): void {
    this.#wake?.unsubscribe();
    this.#wake = this.#c.scheduler.schedule(() => {
      this.#wake = undefined;
      void this.drain();
    }, delayMs);
  }

  async #loop(): Promise<TransportError | undefined> {
    const { store, scheduler } = this.#c;
    if (!this.#retryLoaded) {
      this.#retryLoaded = true;
      const saved = await store.getValue<RetryState>(RETRY_KEY).catch(() => undefined);
      if (saved && this.#retry.failures === 0) this.#retry = saved;
    }
    for (;;) {
      if (this.#stopped) return undefined;
      if (this.#paused) return this.#paused;
      const waitMs = this.#retry.notBefore - scheduler.now();
      if (waitMs > 0) {
        this.#setState('backoff');
        this.#wake ??= this.#c.scheduler.schedule(() => {
          this.#wake = undefined;
          void this.drain();
        }, waitMs);
        return this.#lastError;
      }
      this.#again = false;
      const pending = (await store.peek(this.#c.maxBatchEvents)).filter(
        (event) => !this.#inFlight.has(event.seq),
      );
      this.remember(pending);
      if (pending.length === 0) {
        if (this.#askedAgain()) continue;
        this.#setState('idle');
        return undefined;
      }
      this.#setState('sending');
      const stop = await this.#sendBatch(fitBatch(pending, this.#c.maxBatchBytes));
      if (stop) return stop;
    }
  }

  /** Sends one batch (halving it on a content refusal); returns the error that stops the drain. */
  async #sendBatch(batch: StoredEvent[]): Promise<TransportError | undefined> {
    for (const event of batch) this.#inFlight.add(event.seq);
    try {
      return await this.#deliver(batch);
    } finally {
      // Released once the batch is acknowledged (or known to have failed), never in between, so the
      // keepalive path of a page being hidden cannot send it a second time.
      for (const event of batch) this.#inFlight.delete(event.seq);
    }
  }

  async #deliver(batch: StoredEvent[]): Promise<TransportError | undefined> {
    const result = await this.#c.send(batch);
    const verdict = judgeSend(
      result,
      this.#retry.failures + 1,
      this.#c.timing,
      this.#c.scheduler.now(),
      this.#c.random,
    );
    if (verdict.kind === 'ok') {
      if (this.#retry.failures > 0) {
        this.#retry = { failures: 0, notBefore: 0 };
        await this.#saveRetry();
      }
      await this.#acked(batch);
      return undefined;
    }
    if (verdict.kind === 'split') {
      if (batch.length === 1) {
        const [event] = batch as [StoredEvent];
        const error = errorFor(verdict, result);
        const letter: DeadLetter = { event, status: result.status, reason: result.body ?? error.message };
        await this.#c.store.deadLetter(letter);
        this.#known.delete(event.seq);
        this.#c.onDeadLetter(letter);
        this.#report(error);
        return undefined;
      }
      const half = Math.ceil(batch.length / 2);
      return (await this.#sendBatch(batch.slice(0, half))) ?? (await this.#sendBatch(batch.slice(half)));
    }
    const error = errorFor(verdict, result);
    this.#report(error);
    if (verdict.kind === 'retry') {
      this.#retry = {
        failures: this.#retry.failures + 1,
        notBefore: this.#c.scheduler.now() + verdict.delayMs,
      };
      await this.#saveRetry();
      this.#c.onRetry();
      this.#setState('backoff');
      this.#scheduleWake(verdict.delayMs);
      return error;
    }
    this.#paused = error;
    this.#setState('paused');
    return error;
  }

  #report(error: TransportError): void {
    this.#lastError = error;
    this.#c.onError(error);
  }
}

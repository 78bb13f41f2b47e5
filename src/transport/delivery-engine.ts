import type { SchedulerLike, Subscription } from 'rxjs';
import { TransportError } from '../errors/transport-error.js';
import { eventKey, type StoredEvent } from '../pipeline/event-record.js';
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
  /** Whether this tab sends for the attempt (the others only rescue what they have not written). */
  leading: () => boolean;
}

interface RetryState {
  failures: number;
  /** Epoch ms before which no request is sent; persisted so a backoff survives a reload. */
  notBefore: number;
  /** When the backoff was set (scheduler ms), so a flush called earlier does not lift it. */
  setAt?: number;
  /** Set by a request that got no answer: only those backoffs end when the browser comes online. */
  network?: boolean;
}

/**
 * When a flush was asked for. A flush lifts only the pause or backoff that was already in force
 * then: under load its wait for pending writes can end after a new failure, whose backoff (or
 * Retry-After) must hold. `epoch` orders events within this engine exactly; a flush handed over
 * from another tab has only its wall-clock `at`.
 */
export interface FlushTicket {
  epoch?: number;
  at: number;
}

interface Block {
  epoch: number;
  at: number;
}

const RETRY_KEY = 'retry';
const encoder = new TextEncoder();

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
  #pausedBy: Block = { epoch: 0, at: 0 };
  #retry: RetryState = { failures: 0, notBefore: 0 };
  // A backoff loaded from the store predates every flush of this page: epoch 0.
  #retryBy: Block = { epoch: 0, at: 0 };
  #epoch = 0;
  #retryLoaded = false;
  #wake: Subscription | undefined;
  #stopped = false;
  #lastError: TransportError | undefined;
  // Events this tab numbered whose write it has not seen commit: if the page dies now they exist
  // nowhere else, so every tab, leader or not, sends them by keepalive when it is hidden or closed.
  readonly #unconfirmed = new Map<string, StoredEvent>();
  // Written events the leader knows are pending, so a page being closed can send them synchronously;
  // and those already travelling, so the keepalive send never doubles them.
  readonly #known = new Map<string, StoredEvent>();
  readonly #inFlight = new Set<string>();
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

  /** The network is back: a backoff for a request that got no answer ends now; a server's does not. */
  retryNow(): void {
    if (this.#paused || this.#retry.notBefore === 0 || this.#retry.network !== true) return;
    this.#clearBackoff();
  }

  /** Events numbered for the store, not yet written: at risk until {@link confirm}. */
  remember(events: readonly StoredEvent[]): void {
    for (const event of events) this.#unconfirmed.set(eventKey(event), event);
  }

  /** The store wrote `numbered`; `stored` is what stayed (the bounds may have dropped some). */
  confirm(numbered: readonly StoredEvent[], stored: readonly StoredEvent[]): void {
    for (const event of numbered) this.#unconfirmed.delete(eventKey(event));
    if (this.#c.leading()) for (const event of stored) this.#known.set(eventKey(event), event);
  }

  /** Events numbered here whose write this tab has not seen commit: lost if the page dies now. */
  atRisk(): StoredEvent[] {
    return [...this.#unconfirmed.values()];
  }

  /** A flush asked for now: see {@link FlushTicket}. */
  ticket(): FlushTicket {
    return { epoch: this.#epoch, at: this.#c.scheduler.now() };
  }

  /** New credentials: lifts a pause (a backoff holds: the server asked for it). */
  resume(): void {
    this.#unpause();
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

  /**
   * The drain a flush needs: now, lifting the pause or backoff that was in force when the flush was
   * asked for (`ticket`, default now), but none that came after it.
   */
  flush(ticket: FlushTicket = this.ticket()): Promise<TransportError | undefined> {
    const before = (block: Block) =>
      ticket.epoch === undefined ? block.at < ticket.at : block.epoch <= ticket.epoch;
    if (this.#paused && before(this.#pausedBy)) this.#unpause();
    if (this.#retry.notBefore > 0 && before(this.#retryBy)) this.#clearBackoff();
    return this.drain();
  }

  /**
   * Sends by `keepalive`, for a page going hidden or away, what would be lost or late if it died now:
   * the events it has not seen written (any tab), and the leader's pending ones unless a pause or a
   * backoff holds. Synchronous up to the fetch call, within the shared keepalive budget; what does
   * not fit stays in the store (or, unwritten, in its write). Resolves when the answers are handled.
   */
  sendOnHide(): Promise<void> {
    const sent: Promise<void>[] = [];
    if (this.#stopped) return Promise.resolve();
    const blocked = this.#paused !== undefined || this.#retry.notBefore > this.#c.scheduler.now();
    const candidates = new Map(this.#unconfirmed);
    if (!blocked && this.#c.leading()) for (const [key, event] of this.#known) candidates.set(key, event);
    let remaining = [...candidates.values()]
      .filter((event) => !this.#inFlight.has(eventKey(event)))
      .sort((a, b) => a.at - b.at);
    while (remaining.length > 0) {
      const budget = Math.min(this.#c.maxBatchBytes, this.#c.keepaliveBudgetBytes - this.#keepaliveBytes);
      const batch = fitBatch(remaining, budget);
      const body = eventsBody(batch);
      // The browser's budget counts bytes, not UTF-16 units.
      const bytes = encoder.encode(body).length;
      if (bytes > budget) break;
      remaining = remaining.slice(batch.length);
      this.#keepaliveBytes += bytes;
      for (const event of batch) this.#inFlight.add(eventKey(event));
      const answered = this.#c.sendKeepalive(body).then(async (result) => {
        this.#keepaliveBytes -= bytes;
        try {
          const verdict = this.#judge(result);
          if (verdict.kind === 'ok') {
            // An ack must not overtake the write of what it removes.
            await this.#c.whenWritten();
            await this.#acked(batch);
          } else if (verdict.kind !== 'split') {
            // A hidden page lives on: the server's answer holds for the ordinary path too. A refused
            // event is left for that path, which isolates it.
            await this.#failed(verdict, result);
          }
        } finally {
          // Only now: until the ack is written, a drain peeking the store must not send them again.
          for (const event of batch) this.#inFlight.delete(eventKey(event));
        }
      });
      sent.push(answered.catch(() => undefined));
    }
    return Promise.all(sent).then(() => undefined);
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
    for (const event of events) {
      this.#known.delete(eventKey(event));
      // A keepalive that got through also settles an event whose write failed.
      this.#unconfirmed.delete(eventKey(event));
    }
    this.#c.onDelivered(events);
  }

  #unpause(): void {
    this.#paused = undefined;
    if (this.#state === 'paused') this.#setState('idle');
  }

  #clearBackoff(): void {
    this.#retry = { failures: 0, notBefore: 0 };
    this.#wake?.unsubscribe();
    this.#wake = undefined;
    if (this.#state === 'backoff') this.#setState('idle');
  }

  #block(): Block {
    this.#epoch += 1;
    return { epoch: this.#epoch, at: this.#c.scheduler.now() };
  }

  #judge(result: SendResult): Verdict {
    const now = this.#c.scheduler.now();
    return judgeSend(result, this.#retry.failures + 1, this.#c.timing, now, this.#c.random);
  }

  /**
   * A retry or pause verdict: set synchronously (no await before it), so no path that runs while the
   * state is being saved can send through it. Returns the error to report.
   */
  async #failed(
    verdict: Exclude<Verdict, { kind: 'ok' | 'split' }>,
    result: SendResult,
  ): Promise<TransportError> {
    const error = errorFor(verdict, result);
    this.#report(error);
    if (verdict.kind === 'pause') {
      this.#paused = error;
      this.#pausedBy = this.#block();
      this.#setState('paused');
      return error;
    }
    const by = this.#block();
    const notBefore = Math.max(this.#retry.notBefore, by.at + verdict.delayMs);
    this.#retry = {
      failures: this.#retry.failures + 1,
      notBefore,
      setAt: by.at,
      network: result.status === undefined,
    };
    this.#retryBy = by;
    this.#c.onRetry();
    this.#setState('backoff');
    this.#scheduleWake(notBefore - by.at);
    await this.#saveRetry();
    return error;
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
      if (saved && this.#retry.failures === 0) {
        this.#retry = saved;
        this.#retryBy = { epoch: 0, at: saved.setAt ?? 0 };
      }
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
        (event) => !this.#inFlight.has(eventKey(event)),
      );
      for (const event of pending) this.#known.set(eventKey(event), event);
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
    for (const event of batch) this.#inFlight.add(eventKey(event));
    try {
      return await this.#deliver(batch);
    } finally {
      // Released once the batch is acknowledged (or known to have failed), never in between, so the
      // keepalive path of a page being hidden cannot send it a second time.
      for (const event of batch) this.#inFlight.delete(eventKey(event));
    }
  }

  async #deliver(batch: StoredEvent[]): Promise<TransportError | undefined> {
    const result = await this.#c.send(batch);
    const verdict = this.#judge(result);
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
        this.#known.delete(eventKey(event));
        this.#c.onDeadLetter(letter);
        this.#report(error);
        return undefined;
      }
      const half = Math.ceil(batch.length / 2);
      return (await this.#sendBatch(batch.slice(0, half))) ?? (await this.#sendBatch(batch.slice(half)));
    }
    return this.#failed(verdict, result);
  }

  #report(error: TransportError): void {
    this.#lastError = error;
    this.#c.onError(error);
  }
}

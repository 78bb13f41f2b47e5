// One state machine, so one file: drain, flush and keepalive all read and set the same pause,
// backoff and ledger synchronously, and the order of those reads is what keeps a backoff holding
// under load (issue 9). Its parts that keep no order (ledger, backoff store, errors) are their own.
import type { SchedulerLike, Subscription } from 'rxjs';
import type { TransportError } from '../errors/transport-error.js';
import type { StoredEvent } from '../events/stored-event.js';
import type { DeadLetter, EventStore } from '../store/event-store.js';
import { errorFor } from './error-for.js';
import { fitBatch } from './fit-batch.js';
import { KeepaliveLedger } from './keepalive-ledger.js';
import { PersistedBackoff, setBefore, type Block, type FlushTicket } from './persisted-backoff.js';
import { judgeSend, type RetryTiming, type SendResult, type Verdict } from './retry-policy.js';
import { eventsBody } from './send-events.js';

export type { FlushTicket };

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

const encoder = new TextEncoder();

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
  readonly #backoff = new PersistedBackoff();
  #epoch = 0;
  /** Counts new credentials: a refusal of a request sent before them says nothing of them. */
  #credentials = 0;
  #wake: Subscription | undefined;
  #stopped = false;
  #lastError: TransportError | undefined;
  readonly #ledger = new KeepaliveLedger();

  constructor(config: DeliveryConfig) {
    this.#c = config;
  }

  get state(): DeliveryState {
    return this.#state;
  }

  /** The network is back: a backoff for a request that got no answer ends now; a server's does not. */
  retryNow(): void {
    if (this.#paused || this.#backoff.notBefore === 0 || !this.#backoff.network) return;
    this.#clearBackoff();
  }

  /** Events numbered for the store, not yet written: at risk until {@link confirm}. */
  remember(events: readonly StoredEvent[]): void {
    this.#ledger.remember(events);
  }

  /** The store wrote `numbered`; `stored` is what stayed (the bounds may have dropped some). */
  confirm(numbered: readonly StoredEvent[], stored: readonly StoredEvent[]): void {
    this.#ledger.confirm(numbered, stored, this.#c.leading());
  }

  /** Events numbered here whose write this tab has not seen commit: lost if the page dies now. */
  atRisk(): StoredEvent[] {
    return this.#ledger.atRisk();
  }

  /** A flush asked for now: see {@link FlushTicket}. */
  ticket(): FlushTicket {
    return { epoch: this.#epoch, at: this.#c.scheduler.now() };
  }

  /** New credentials: lifts a pause (a backoff holds: the server asked for it). */
  resume(): void {
    this.#credentials += 1;
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
    if (this.#paused && setBefore(this.#pausedBy, ticket)) this.#unpause();
    if (this.#backoff.notBefore > 0 && setBefore(this.#backoff.setBy, ticket)) this.#clearBackoff();
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
    const ledger = this.#ledger;
    const blocked = this.#paused !== undefined || this.#backoff.notBefore > this.#c.scheduler.now();
    let remaining = ledger.toRescue(!blocked && this.#c.leading());
    while (remaining.length > 0) {
      const budget = Math.min(this.#c.maxBatchBytes, this.#c.keepaliveBudgetBytes - ledger.bytes);
      const batch = fitBatch(remaining, budget);
      const body = eventsBody(batch);
      // The browser's budget counts bytes, not UTF-16 units.
      const bytes = encoder.encode(body).length;
      if (bytes > budget) break;
      remaining = remaining.slice(batch.length);
      ledger.bytes += bytes;
      ledger.depart(batch);
      const credentials = this.#credentials;
      const answered = this.#c.sendKeepalive(body).then(async (result) => {
        ledger.bytes -= bytes;
        try {
          const verdict = this.#judge(result);
          // Refused with credentials replaced since: the ordinary path sends it with the new ones.
          const stale = verdict.kind === 'pause' && credentials !== this.#credentials;
          if (verdict.kind === 'ok') {
            // An ack must not overtake the write of what it removes.
            await this.#c.whenWritten();
            await this.#acked(batch);
          } else if (verdict.kind !== 'split' && !stale) {
            // A hidden page lives on: the server's answer holds for the ordinary path too. A refused
            // event is left for that path, which isolates it.
            await this.#failed(verdict, result);
          }
        } finally {
          // Only now: until the ack is written, a drain peeking the store must not send them again.
          ledger.arrive(batch);
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
    this.#ledger.settle(events);
    this.#c.onDelivered(events);
  }

  #unpause(): void {
    this.#paused = undefined;
    if (this.#state === 'paused') this.#setState('idle');
  }

  #clearBackoff(): void {
    this.#backoff.clear();
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
    return judgeSend(result, this.#backoff.failures + 1, this.#c.timing, now, this.#c.random);
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
    const notBefore = this.#backoff.fail(by, verdict.delayMs, result.status === undefined);
    this.#c.onRetry();
    this.#setState('backoff');
    this.#scheduleWake(notBefore - by.at);
    await this.#backoff.save(this.#c.store);
    return error;
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
    await this.#backoff.load(store);
    for (;;) {
      if (this.#stopped) return undefined;
      if (this.#paused) return this.#paused;
      const waitMs = this.#backoff.notBefore - scheduler.now();
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
        (event) => !this.#ledger.isInFlight(event),
      );
      this.#ledger.know(pending);
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
    this.#ledger.depart(batch);
    try {
      return await this.#deliver(batch);
    } finally {
      // Released once the batch is acknowledged (or known to have failed), never in between, so the
      // keepalive path of a page being hidden cannot send it a second time.
      this.#ledger.arrive(batch);
    }
  }

  async #deliver(batch: StoredEvent[]): Promise<TransportError | undefined> {
    const credentials = this.#credentials;
    const result = await this.#c.send(batch);
    const verdict = this.#judge(result);
    // New credentials came while the old ones were being refused (on a slow page, setAuth and a
    // flush can land mid-request): that 401 is stale, so the loop sends again rather than pause.
    if (verdict.kind === 'pause' && credentials !== this.#credentials) return undefined;
    if (verdict.kind === 'ok') {
      if (this.#backoff.failures > 0) {
        this.#backoff.clear();
        await this.#backoff.save(this.#c.store);
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
        this.#ledger.settle([event]);
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

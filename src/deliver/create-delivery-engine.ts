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
import {
  createPersistedBackoff,
  setBefore,
  type Block,
  type FlushTicket,
} from './create-persisted-backoff.js';
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

/** One attempt's delivery: see {@link createDeliveryEngine}. */
export interface DeliveryEngine {
  readonly state: DeliveryState;
  /** The network is back: a backoff for a request that got no answer ends now; a server's does not. */
  retryNow(): void;
  /** Events numbered for the store, not yet written: at risk until {@link confirm}. */
  remember(events: readonly StoredEvent[]): void;
  /** The store wrote `numbered`; `stored` is what stayed (the bounds may have dropped some). */
  confirm(numbered: readonly StoredEvent[], stored: readonly StoredEvent[]): void;
  /** Events numbered here whose write this tab has not seen commit: lost if the page dies now. */
  atRisk(): StoredEvent[];
  /** A flush asked for now: see {@link FlushTicket}. */
  ticket(): FlushTicket;
  /** New credentials: lifts a pause (a backoff holds: the server asked for it). */
  resume(): void;
  /**
   * Sends until the store is empty or a send fails. Joins a drain already running. Resolves with
   * the error that stopped it, if any.
   */
  drain(): Promise<TransportError | undefined>;
  /**
   * The drain a flush needs: now, lifting the pause or backoff that was in force when the flush was
   * asked for (`ticket`, default now), but none that came after it.
   */
  flush(ticket?: FlushTicket): Promise<TransportError | undefined>;
  /**
   * Sends by `keepalive`, for a page going hidden or away, what would be lost or late if it died now:
   * the events it has not seen written (any tab), and the leader's pending ones unless a pause or a
   * backoff holds. Synchronous up to the fetch call, within the shared keepalive budget; what does
   * not fit stays in the store (or, unwritten, in its write). Resolves when the answers are handled.
   */
  sendOnHide(): Promise<void>;
  stop(): void;
}

/**
 * Sends what the attempt's store holds, oldest first, one request at a time, and removes an event
 * only after a 2xx. Retries back off (persisted across reloads), auth trouble pauses, and an event
 * Canvas refuses is isolated by halving the batch and set aside, so it never blocks the rest.
 */
export function createDeliveryEngine(c: DeliveryConfig): DeliveryEngine {
  let running: Promise<TransportError | undefined> | undefined;
  let again = false;
  let state: DeliveryState = 'idle';
  let paused: TransportError | undefined;
  let pausedBy: Block = { epoch: 0, at: 0 };
  const backoff = createPersistedBackoff();
  let epoch = 0;
  // Counts new credentials: a refusal of a request sent before them says nothing of them.
  let credentials = 0;
  let wake: Subscription | undefined;
  let stopped = false;
  let lastError: TransportError | undefined;
  const ledger = new KeepaliveLedger();

  // Whether drain() was called while the loop awaited (it then looks at the store once more).
  const askedAgain = (): boolean => again;

  const setState = (next: DeliveryState): void => {
    if (next === state) return;
    state = next;
    c.onState(next);
  };

  const acked = async (events: readonly StoredEvent[]): Promise<void> => {
    await c.store.ack(events);
    ledger.settle(events);
    c.onDelivered(events);
  };

  const unpause = (): void => {
    paused = undefined;
    if (state === 'paused') setState('idle');
  };

  const clearBackoff = (): void => {
    backoff.clear();
    wake?.unsubscribe();
    wake = undefined;
    if (state === 'backoff') setState('idle');
  };

  const block = (): Block => {
    epoch += 1;
    return { epoch, at: c.scheduler.now() };
  };

  const judge = (result: SendResult): Verdict => {
    const now = c.scheduler.now();
    return judgeSend(result, backoff.failures + 1, c.timing, now, c.random);
  };

  const report = (error: TransportError): void => {
    lastError = error;
    c.onError(error);
  };

  /**
   * A retry or pause verdict: set synchronously (no await before it), so no path that runs while the
   * state is being saved can send through it. Returns the error to report.
   */
  const failed = async (
    verdict: Exclude<Verdict, { kind: 'ok' | 'split' }>,
    result: SendResult,
  ): Promise<TransportError> => {
    const error = errorFor(verdict, result);
    report(error);
    if (verdict.kind === 'pause') {
      paused = error;
      pausedBy = block();
      setState('paused');
      return error;
    }
    const by = block();
    const notBefore = backoff.fail(by, verdict.delayMs, result.status === undefined);
    c.onRetry();
    setState('backoff');
    scheduleWake(notBefore - by.at);
    await backoff.save(c.store);
    return error;
  };

  const scheduleWake = (delayMs: number): void => {
    wake?.unsubscribe();
    wake = c.scheduler.schedule(() => {
      wake = undefined;
      void engine.drain();
    }, delayMs);
  };

  const loop = async (): Promise<TransportError | undefined> => {
    const { store, scheduler } = c;
    await backoff.load(store);
    for (;;) {
      if (stopped) return undefined;
      if (paused) return paused;
      const waitMs = backoff.notBefore - scheduler.now();
      if (waitMs > 0) {
        setState('backoff');
        wake ??= c.scheduler.schedule(() => {
          wake = undefined;
          void engine.drain();
        }, waitMs);
        return lastError;
      }
      again = false;
      const pending = (await store.peek(c.maxBatchEvents)).filter((event) => !ledger.isInFlight(event));
      ledger.know(pending);
      if (pending.length === 0) {
        if (askedAgain()) continue;
        setState('idle');
        return undefined;
      }
      setState('sending');
      const stop = await sendBatch(fitBatch(pending, c.maxBatchBytes));
      if (stop) return stop;
    }
  };

  /** Sends one batch (halving it on a content refusal); returns the error that stops the drain. */
  const sendBatch = async (batch: StoredEvent[]): Promise<TransportError | undefined> => {
    ledger.depart(batch);
    try {
      return await deliver(batch);
    } finally {
      // Released once the batch is acknowledged (or known to have failed), never in between, so the
      // keepalive path of a page being hidden cannot send it a second time.
      ledger.arrive(batch);
    }
  };

  const deliver = async (batch: StoredEvent[]): Promise<TransportError | undefined> => {
    const sentWith = credentials;
    const result = await c.send(batch);
    const verdict = judge(result);
    // New credentials came while the old ones were being refused (on a slow page, setAuth and a
    // flush can land mid-request): that 401 is stale, so the loop sends again rather than pause.
    if (verdict.kind === 'pause' && sentWith !== credentials) return undefined;
    if (verdict.kind === 'ok') {
      if (backoff.failures > 0) {
        backoff.clear();
        await backoff.save(c.store);
      }
      await acked(batch);
      return undefined;
    }
    if (verdict.kind === 'split') {
      if (batch.length === 1) {
        const [event] = batch as [StoredEvent];
        const error = errorFor(verdict, result);
        const letter: DeadLetter = { event, status: result.status, reason: result.body ?? error.message };
        await c.store.deadLetter(letter);
        ledger.settle([event]);
        c.onDeadLetter(letter);
        report(error);
        return undefined;
      }
      const half = Math.ceil(batch.length / 2);
      return (await sendBatch(batch.slice(0, half))) ?? (await sendBatch(batch.slice(half)));
    }
    return failed(verdict, result);
  };

  const engine: DeliveryEngine = {
    get state() {
      return state;
    },

    retryNow() {
      if (paused || backoff.notBefore === 0 || !backoff.network) return;
      clearBackoff();
    },

    remember(events) {
      ledger.remember(events);
    },

    confirm(numbered, stored) {
      ledger.confirm(numbered, stored, c.leading());
    },

    atRisk() {
      return ledger.atRisk();
    },

    ticket() {
      return { epoch, at: c.scheduler.now() };
    },

    resume() {
      credentials += 1;
      unpause();
    },

    drain() {
      if (stopped) return Promise.resolve(undefined);
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = undefined;
      });
      return running;
    },

    flush(ticket = engine.ticket()) {
      if (paused && setBefore(pausedBy, ticket)) unpause();
      if (backoff.notBefore > 0 && setBefore(backoff.setBy, ticket)) clearBackoff();
      return engine.drain();
    },

    sendOnHide() {
      const sent: Promise<void>[] = [];
      if (stopped) return Promise.resolve();
      const blocked = paused !== undefined || backoff.notBefore > c.scheduler.now();
      let remaining = ledger.toRescue(!blocked && c.leading());
      while (remaining.length > 0) {
        const budget = Math.min(c.maxBatchBytes, c.keepaliveBudgetBytes - ledger.bytes);
        const batch = fitBatch(remaining, budget);
        const body = eventsBody(batch);
        // The browser's budget counts bytes, not UTF-16 units.
        const bytes = encoder.encode(body).length;
        if (bytes > budget) break;
        remaining = remaining.slice(batch.length);
        ledger.bytes += bytes;
        ledger.depart(batch);
        const sentWith = credentials;
        const answered = c.sendKeepalive(body).then(async (result) => {
          ledger.bytes -= bytes;
          try {
            const verdict = judge(result);
            // Refused with credentials replaced since: the ordinary path sends it with the new ones.
            const stale = verdict.kind === 'pause' && sentWith !== credentials;
            if (verdict.kind === 'ok') {
              // An ack must not overtake the write of what it removes.
              await c.whenWritten();
              await acked(batch);
            } else if (verdict.kind !== 'split' && !stale) {
              // A hidden page lives on: the server's answer holds for the ordinary path too. A refused
              // event is left for that path, which isolates it.
              await failed(verdict, result);
            }
          } finally {
            // Only now: until the ack is written, a drain peeking the store must not send them again.
            ledger.arrive(batch);
          }
        });
        sent.push(answered.catch(() => undefined));
      }
      return Promise.all(sent).then(() => undefined);
    },

    stop() {
      stopped = true;
      wake?.unsubscribe();
    },
  };
  return engine;
}

import type { EventStore } from '../store/event-store.js';

/**
 * When a flush was asked for. A flush lifts only the pause or backoff that was already in force
 * then: under load its wait for pending writes can end after a new failure, whose backoff (or
 * Retry-After) must hold. `epoch` orders events within one engine exactly; a flush handed over
 * from another tab has only its wall-clock `at`.
 */
export interface FlushTicket {
  epoch?: number;
  at: number;
}

/** When a pause or backoff was set, in the same two clocks as a {@link FlushTicket}. */
export interface Block {
  epoch: number;
  at: number;
}

/** Whether `block` was set before the flush of `ticket` was asked for. */
export const setBefore = (block: Block, ticket: FlushTicket): boolean =>
  ticket.epoch === undefined ? block.at < ticket.at : block.epoch <= ticket.epoch;

interface RetryState {
  failures: number;
  /** Epoch ms before which no request is sent. */
  notBefore: number;
  /** When the backoff was set (scheduler ms), so a flush called earlier does not lift it. */
  setAt?: number;
  /** Set by a request that got no answer: only those backoffs end when the browser comes online. */
  network?: boolean;
}

const RETRY_KEY = 'retry';

/** The attempt's retry backoff, kept in its store so that a reload does not send early. */
export interface PersistedBackoff {
  readonly failures: number;
  readonly notBefore: number;
  readonly setBy: Block;
  /** Set by a request without an answer (see {@link RetryState.network}). */
  readonly network: boolean;
  /** Reads the saved backoff once, unless this page already failed on its own. */
  load(store: EventStore): Promise<void>;
  /** One more failure: no request before `notBefore` (a later backoff already set holds). */
  fail(by: Block, delayMs: number, network: boolean): number;
  clear(): void;
  save(store: EventStore): Promise<void>;
}

/** No backoff yet: see {@link PersistedBackoff}. */
export function createPersistedBackoff(): PersistedBackoff {
  let state: RetryState = { failures: 0, notBefore: 0 };
  // A backoff loaded from the store predates every flush of this page: epoch 0.
  let setBy: Block = { epoch: 0, at: 0 };
  let loaded = false;
  return {
    get failures() {
      return state.failures;
    },

    get notBefore() {
      return state.notBefore;
    },

    get setBy() {
      return setBy;
    },

    get network() {
      return state.network === true;
    },

    async load(store) {
      if (loaded) return;
      loaded = true;
      const saved = await store.getValue<RetryState>(RETRY_KEY).catch(() => undefined);
      if (saved && state.failures === 0) {
        state = saved;
        setBy = { epoch: 0, at: saved.setAt ?? 0 };
      }
    },

    fail(by, delayMs, network) {
      const notBefore = Math.max(state.notBefore, by.at + delayMs);
      state = { failures: state.failures + 1, notBefore, setAt: by.at, network };
      setBy = by;
      return notBefore;
    },

    clear() {
      state = { failures: 0, notBefore: 0 };
    },

    save(store) {
      return store.setValue(RETRY_KEY, state).catch(() => undefined);
    },
  };
}

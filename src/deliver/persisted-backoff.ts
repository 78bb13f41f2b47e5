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
export class PersistedBackoff {
  #state: RetryState = { failures: 0, notBefore: 0 };
  // A backoff loaded from the store predates every flush of this page: epoch 0.
  #by: Block = { epoch: 0, at: 0 };
  #loaded = false;

  get failures(): number {
    return this.#state.failures;
  }

  get notBefore(): number {
    return this.#state.notBefore;
  }

  get setBy(): Block {
    return this.#by;
  }

  /** Set by a request without an answer (see {@link RetryState.network}). */
  get network(): boolean {
    return this.#state.network === true;
  }

  /** Reads the saved backoff once, unless this page already failed on its own. */
  async load(store: EventStore): Promise<void> {
    if (this.#loaded) return;
    this.#loaded = true;
    const saved = await store.getValue<RetryState>(RETRY_KEY).catch(() => undefined);
    if (saved && this.#state.failures === 0) {
      this.#state = saved;
      this.#by = { epoch: 0, at: saved.setAt ?? 0 };
    }
  }

  /** One more failure: no request before `notBefore` (a later backoff already set holds). */
  fail(by: Block, delayMs: number, network: boolean): number {
    const notBefore = Math.max(this.#state.notBefore, by.at + delayMs);
    this.#state = { failures: this.#state.failures + 1, notBefore, setAt: by.at, network };
    this.#by = by;
    return notBefore;
  }

  clear(): void {
    this.#state = { failures: 0, notBefore: 0 };
  }

  save(store: EventStore): Promise<void> {
    return store.setValue(RETRY_KEY, this.#state).catch(() => undefined);
  }
}

import { eventKey, type StoredEvent } from '../events/stored-event.js';

/**
 * What a page being hidden or closed must send by keepalive, and what it must not send twice.
 * Events this tab numbered but has not seen written exist nowhere else if the page dies now, so
 * every tab, leader or not, sends them; the leader also knows the written events pending in the
 * store, so it can send them synchronously; and events already travelling are never doubled.
 */
export class KeepaliveLedger {
  readonly #unconfirmed = new Map<string, StoredEvent>();
  readonly #known = new Map<string, StoredEvent>();
  readonly #inFlight = new Set<string>();
  /** Bytes of keepalive bodies in flight: the browser's budget is shared by all of them. */
  bytes = 0;

  /** Numbered for the store, not yet written: at risk until {@link confirm}. */
  remember(events: readonly StoredEvent[]): void {
    for (const event of events) this.#unconfirmed.set(eventKey(event), event);
  }

  /** The store wrote `numbered`; `stored` is what stayed, known to a leading tab as pending. */
  confirm(numbered: readonly StoredEvent[], stored: readonly StoredEvent[], leading: boolean): void {
    for (const event of numbered) this.#unconfirmed.delete(eventKey(event));
    if (leading) for (const event of stored) this.#known.set(eventKey(event), event);
  }

  /** Pending events the store handed out (the leader's peek). */
  know(events: readonly StoredEvent[]): void {
    for (const event of events) this.#known.set(eventKey(event), event);
  }

  /** Acknowledged (or dead-lettered): nothing more to send or rescue. */
  settle(events: readonly StoredEvent[]): void {
    for (const event of events) {
      this.#known.delete(eventKey(event));
      // A keepalive that got through also settles an event whose write failed.
      this.#unconfirmed.delete(eventKey(event));
    }
  }

  atRisk(): StoredEvent[] {
    return [...this.#unconfirmed.values()];
  }

  /** What a page going away should send now, oldest first, without what is already travelling. */
  toRescue(withKnown: boolean): StoredEvent[] {
    const candidates = new Map(this.#unconfirmed);
    if (withKnown) for (const [key, event] of this.#known) candidates.set(key, event);
    return [...candidates.values()].filter((event) => !this.isInFlight(event)).sort((a, b) => a.at - b.at);
  }

  isInFlight(event: StoredEvent): boolean {
    return this.#inFlight.has(eventKey(event));
  }

  depart(events: readonly StoredEvent[]): void {
    for (const event of events) this.#inFlight.add(eventKey(event));
  }

  arrive(events: readonly StoredEvent[]): void {
    for (const event of events) this.#inFlight.delete(eventKey(event));
  }
}

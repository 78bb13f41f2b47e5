import { eventKey, type StoredEvent } from '../events/stored-event.js';
import { chooseVictims } from './choose-victims.js';
import type { EventStore, StoreBounds } from './event-store.js';

const byTime = (a: StoredEvent, b: StoredEvent) => a.at - b.at || a.tab.localeCompare(b.tab) || a.seq - b.seq;

/** The same store in memory: where events live when IndexedDB is unusable. */
export function createMemoryEventStore(bounds: StoreBounds): EventStore {
  let events: StoredEvent[] = [];
  const values = new Map<string, unknown>();
  // Adds what it does not hold yet (a retried or rescued write), in the IndexedDB store's key order.
  const add = (more: readonly StoredEvent[]) => {
    const present = new Set(events.map(eventKey));
    events = [...events, ...more.filter((event) => !present.has(eventKey(event)))].sort(byTime);
  };
  const ack = (acked: readonly StoredEvent[]) => {
    // Only the events acknowledged: same tab, seq and client timestamp (see the IndexedDB store).
    const sent = new Map(acked.map((event) => [eventKey(event), event.at]));
    events = events.filter((event) => sent.get(eventKey(event)) !== event.at);
    return Promise.resolve();
  };
  return {
    append(incoming) {
      add(incoming);
      const { victims, dropped } = chooseVictims(events, bounds);
      const gone = new Set(victims.map(eventKey));
      events = events.filter((event) => !gone.has(eventKey(event)));
      return Promise.resolve({ stored: incoming.filter((event) => !gone.has(eventKey(event))), dropped });
    },
    restore(rescued) {
      add(rescued);
      return Promise.resolve();
    },
    peek: (limit) => Promise.resolve(events.slice(0, limit)),
    ack,
    // Nothing reads dead letters back, and memory ends with the page: the host heard of it already.
    deadLetter: (letter) => ack([letter.event]),
    count: () => Promise.resolve(events.length),
    getValue: <T>(key: string) => Promise.resolve(values.get(key) as T | undefined),
    setValue(key, value) {
      values.set(key, value);
      return Promise.resolve();
    },
    destroy() {
      events = [];
      values.clear();
      return Promise.resolve();
    },
  };
}

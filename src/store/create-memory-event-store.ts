import { eventKey, type StoredEvent } from '../events/stored-event.js';
import { chooseVictims } from './choose-victims.js';
import {
  EMPTY_META,
  type DeadLetter,
  type EventStore,
  type StoreBounds,
  type StoreMeta,
} from './event-store.js';

const byTime = (a: StoredEvent, b: StoredEvent) => a.at - b.at || a.tab.localeCompare(b.tab) || a.seq - b.seq;

/** The same store in memory: where events live when IndexedDB is unusable. */
export function createMemoryEventStore(bounds: StoreBounds): EventStore {
  let meta: StoreMeta = EMPTY_META;
  let events: StoredEvent[] = [];
  const dead: DeadLetter[] = [];
  const values = new Map<string, unknown>();
  const recount = () => {
    meta = { count: events.length, bytes: events.reduce((sum, event) => sum + event.bytes, 0) };
  };
  return {
    append(incoming) {
      const present = new Set(events.map(eventKey));
      const fresh = incoming.filter((event) => !present.has(eventKey(event)));
      events = [...events, ...fresh].sort(byTime);
      recount();
      const choice = chooseVictims(events, meta, bounds);
      const gone = new Set(choice.victims.map(eventKey));
      if (gone.size > 0) {
        events = events.filter((event) => !gone.has(eventKey(event)));
        recount();
      }
      return Promise.resolve({
        stored: incoming.filter((event) => !gone.has(eventKey(event))),
        dropped: choice.dropped,
        meta,
      });
    },
    restore(rescued) {
      const present = new Set(events.map(eventKey));
      events = [...events, ...rescued.filter((event) => !present.has(eventKey(event)))].sort(byTime);
      recount();
      return Promise.resolve();
    },
    getMeta: () => Promise.resolve(meta),
    peek: (limit) => Promise.resolve(events.slice(0, limit)),
    ack(acked) {
      // Only the events acknowledged: same tab, seq and client timestamp (see the IndexedDB store).
      const sent = new Map(acked.map((event) => [eventKey(event), event.at]));
      events = events.filter((event) => sent.get(eventKey(event)) !== event.at);
      recount();
      return Promise.resolve();
    },
    deadLetter(letter) {
      dead.push(letter);
      return this.ack([letter.event]);
    },
    deadLetters: () => Promise.resolve([...dead]),
    count: () => Promise.resolve(events.length),
    getValue: <T>(key: string) => Promise.resolve(values.get(key) as T | undefined),
    setValue(key, value) {
      values.set(key, value);
      return Promise.resolve();
    },
    destroy() {
      events = [];
      dead.length = 0;
      values.clear();
      recount();
      return Promise.resolve();
    },
  };
}

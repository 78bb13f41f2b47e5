import type { StoredEvent } from '../pipeline/event-record.js';
import { chooseVictims } from './choose-victims.js';
import {
  EMPTY_META,
  type DeadLetter,
  type EventStore,
  type StoreBounds,
  type StoreMeta,
} from './event-store.js';
import { follows, numberEvents, withAdded } from './number-events.js';

/**
 * The same store in memory: where events live when IndexedDB is unusable. `start` continues the
 * numbering of the store it replaces, so seq and client_timestamp stay unique within the attempt.
 */
export function createMemoryEventStore(bounds: StoreBounds, start: StoreMeta = EMPTY_META): EventStore {
  let meta: StoreMeta = { ...start, count: 0, bytes: 0 };
  let events: StoredEvent[] = [];
  const dead: DeadLetter[] = [];
  const values = new Map<string, unknown>();
  const recount = () => {
    meta = { ...meta, count: events.length, bytes: events.reduce((sum, event) => sum + event.bytes, 0) };
  };
  return {
    append(incoming) {
      const next = follows(meta, incoming)
        ? { stored: [...incoming], meta: withAdded(meta, incoming) }
        : numberEvents(meta, incoming);
      events.push(...next.stored);
      meta = next.meta;
      const choice = chooseVictims(events, meta, bounds);
      const gone = new Set(choice.victims.map((event) => event.seq));
      if (gone.size > 0) {
        events = events.filter((event) => !gone.has(event.seq));
        recount();
      }
      return Promise.resolve({
        stored: next.stored.filter((event) => !gone.has(event.seq)),
        dropped: choice.dropped,
        meta,
      });
    },
    getMeta: () => Promise.resolve(meta),
    peek: (limit) => Promise.resolve(events.slice(0, limit)),
    ack(acked) {
      const gone = new Set(acked.map((event) => event.seq));
      events = events.filter((event) => !gone.has(event.seq));
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

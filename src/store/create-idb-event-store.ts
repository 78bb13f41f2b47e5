import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
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

// One object store per attempt database. Events are keyed by their seq (numbers); everything else by
// strings. IndexedDB orders every number before every string, so a numeric range reads events only.
const EVENTS = IDBKeyRange.bound(0, Infinity);
const META_KEY = 'meta';
const DEAD = IDBKeyRange.bound('dead:', 'dead;');
const valueKey = (key: string) => `value:${key}`;

/** Key ranges covering exactly the given events' seqs, one per run of consecutive numbers. */
function consecutiveRanges(events: readonly StoredEvent[]): IDBKeyRange[] {
  const seqs = events.map((event) => event.seq).sort((a, b) => a - b);
  const ranges: IDBKeyRange[] = [];
  let start = seqs[0];
  for (let i = 1; i <= seqs.length; i += 1) {
    const seq = seqs[i];
    const previous = seqs[i - 1];
    if (start !== undefined && previous !== undefined && seq !== previous + 1) {
      ranges.push(IDBKeyRange.bound(start, previous));
      start = seq;
    }
  }
  return ranges;
}

const read = <T>(store: IDBObjectStore, key: IDBValidKey) =>
  promisifyRequest(store.get(key) as IDBRequest<T | undefined>);

/** An {@link EventStore} in IndexedDB, one database per attempt (idb-keyval's `createStore`). */
export function createIdbEventStore(dbName: string, bounds: StoreBounds): EventStore {
  const useStore: UseStore = createStore(dbName, 'events');
  return {
    append: (events) =>
      useStore('readwrite', async (store) => {
        // Meta is read and written in the same transaction as the events, so two tabs writing
        // the same attempt are serialised by IndexedDB and never store one seq twice.
        const meta = (await read<StoreMeta>(store, META_KEY)) ?? EMPTY_META;
        const first = events[0];
        const already = first === undefined ? undefined : await read<StoredEvent>(store, first.seq);
        if (first && already?.at === first.at && already.type === first.type) {
          // A retried write whose first attempt did commit (it only looked failed, say timed out):
          // writing it again would store the burst twice under new numbers.
          return { stored: [...events], dropped: {}, meta };
        }
        const next = follows(meta, events)
          ? { stored: [...events], meta: withAdded(meta, events) }
          : numberEvents(meta, events);
        for (const event of next.stored) store.put(event, event.seq);
        let stored = next.stored;
        let nextMeta = next.meta;
        let dropped = {};
        if (nextMeta.count > bounds.maxEvents || nextMeta.bytes > bounds.maxBytes) {
          // Rare: only an attempt that cannot deliver for a long time gets here, so reading all is fine.
          const all = await promisifyRequest(store.getAll(EVENTS) as IDBRequest<StoredEvent[]>);
          const choice = chooseVictims(all, nextMeta, bounds);
          const gone = new Set(choice.victims.map((event) => event.seq));
          for (const seq of gone) store.delete(seq);
          stored = stored.filter((event) => !gone.has(event.seq));
          nextMeta = {
            ...nextMeta,
            count: nextMeta.count - choice.victims.length,
            bytes: nextMeta.bytes - choice.victims.reduce((sum, event) => sum + event.bytes, 0),
          };
          dropped = choice.dropped;
        }
        store.put(nextMeta, META_KEY);
        await promisifyRequest(store.transaction);
        return { stored, dropped, meta: nextMeta };
      }),
    getMeta: () =>
      useStore('readonly', async (store) => (await read<StoreMeta>(store, META_KEY)) ?? EMPTY_META),
    peek: (limit) =>
      useStore('readonly', (store) =>
        promisifyRequest(store.getAll(EVENTS, limit) as IDBRequest<StoredEvent[]>),
      ),
    ack: (events) =>
      useStore('readwrite', async (store) => {
        const meta = (await read<StoreMeta>(store, META_KEY)) ?? EMPTY_META;
        let { count, bytes } = meta;
        // One read and one delete per run of consecutive seqs, not two requests per event: a range
        // holds only events of this batch, and what another tab already acknowledged is not counted.
        for (const range of consecutiveRanges(events)) {
          const present = await promisifyRequest(store.getAll(range) as IDBRequest<StoredEvent[]>);
          store.delete(range);
          count -= present.length;
          bytes -= present.reduce((sum, event) => sum + event.bytes, 0);
        }
        store.put({ ...meta, count, bytes }, META_KEY);
        return promisifyRequest(store.transaction);
      }),
    deadLetter: (letter) =>
      useStore('readwrite', async (store) => {
        const meta = (await read<StoreMeta>(store, META_KEY)) ?? EMPTY_META;
        const present = (await promisifyRequest(store.getKey(letter.event.seq))) !== undefined;
        store.delete(letter.event.seq);
        store.put(letter, `dead:${String(letter.event.seq).padStart(12, '0')}`);
        if (present)
          store.put({ ...meta, count: meta.count - 1, bytes: meta.bytes - letter.event.bytes }, META_KEY);
        return promisifyRequest(store.transaction);
      }),
    deadLetters: () =>
      useStore('readonly', (store) => promisifyRequest(store.getAll(DEAD) as IDBRequest<DeadLetter[]>)),
    count: () => useStore('readonly', (store) => promisifyRequest(store.count(EVENTS))),
    getValue: <T>(key: string) => useStore('readonly', (store) => read<T>(store, valueKey(key))),
    setValue: (key, value) =>
      useStore('readwrite', (store) => {
        store.put(value, valueKey(key));
        return promisifyRequest(store.transaction);
      }),
    destroy: async () => {
      // Our own open connection would block the deletion forever: close it first. Another tab's
      // connection only delays it (the browser deletes once that tab closes), so "blocked" is enough.
      await useStore('readonly', (store) => {
        store.transaction.db.close();
      });
      const request = indexedDB.deleteDatabase(dbName);
      await new Promise<void>((resolve, reject) => {
        request.onsuccess = () => {
          resolve();
        };
        request.onblocked = () => {
          resolve();
        };
        request.onerror = () => {
          reject(request.error ?? new Error('deleteDatabase failed'));
        };
      });
    },
  };
}

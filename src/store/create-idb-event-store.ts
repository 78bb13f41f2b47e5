import { promisifyRequest, type UseStore } from 'idb-keyval';
import { eventKey, type StoredEvent } from '../events/stored-event.js';
import { chooseVictims } from './choose-victims.js';
import { openResettableStore, type StoreEntry, type StoreResetReason } from './open-resettable-store.js';
import { EMPTY_META, type EventStore, type StoreBounds, type StoreMeta } from './event-store.js';

// One object store per attempt database. Events are keyed [client timestamp, tab, seq]: unique
// without any coordination between tabs, and in time order. Everything else has a string key, and
// IndexedDB orders every string before every array, so the range of arrays reads events only.
const EVENTS = IDBKeyRange.lowerBound([]);
const META_KEY = 'meta';
const valueKey = (key: string) => `value:${key}`;
// Written just before the store deletes itself at the attempt's end.
const DESTROYED_KEY = 'destroyed';
const keyOf = (event: StoredEvent): IDBValidKey => [event.at, event.tab, event.seq];

const read = <T>(store: IDBObjectStore, key: IDBValidKey) =>
  promisifyRequest(store.get(key) as IDBRequest<T | undefined>);
const readMeta = async (store: IDBObjectStore) => (await read<StoreMeta>(store, META_KEY)) ?? EMPTY_META;

/**
 * An {@link EventStore} in IndexedDB, one database per attempt (idb-keyval's `createStore`).
 * `onReset` hears when the database was deleted, upgraded or closed under the page (see
 * openResettableStore): what the page could still read is written back, and the store goes on.
 */
export function createIdbEventStore(
  dbName: string,
  bounds: StoreBounds,
  onReset?: (reason: StoreResetReason) => void,
): EventStore {
  const useStore: UseStore = openResettableStore(dbName, 'events', {
    endKey: DESTROYED_KEY,
    writeBack,
    onReset: onReset ?? (() => undefined),
  });
  return {
    append: (events) =>
      useStore('readwrite', async (store) => {
        const meta = await readMeta(store);
        const first = events[0];
        if (first === undefined || (await read<StoredEvent>(store, keyOf(first))) !== undefined) {
          // A retried write whose first attempt did commit (it only looked failed, say timed out).
          return { stored: [...events], dropped: {} };
        }
        for (const event of events) store.put(event, keyOf(event));
        let nextMeta: StoreMeta = {
          count: meta.count + events.length,
          bytes: meta.bytes + events.reduce((sum, event) => sum + event.bytes, 0),
        };
        let stored = [...events];
        let dropped = {};
        if (nextMeta.count > bounds.maxEvents || nextMeta.bytes > bounds.maxBytes) {
          // Rare: only an attempt that cannot deliver for a long time gets here, so reading all is fine.
          const all = await promisifyRequest(store.getAll(EVENTS) as IDBRequest<StoredEvent[]>);
          const choice = chooseVictims(all, bounds);
          const gone = new Set(choice.victims.map(eventKey));
          for (const event of choice.victims) store.delete(keyOf(event));
          stored = stored.filter((event) => !gone.has(eventKey(event)));
          nextMeta = {
            count: nextMeta.count - choice.victims.length,
            bytes: nextMeta.bytes - choice.victims.reduce((sum, event) => sum + event.bytes, 0),
          };
          dropped = choice.dropped;
        }
        store.put(nextMeta, META_KEY);
        await promisifyRequest(store.transaction);
        return { stored, dropped };
      }),
    restore: (events) =>
      useStore('readwrite', (store) =>
        writeBack(
          store,
          events.map((event) => [keyOf(event), event]),
        ),
      ),
    peek: (limit) =>
      useStore('readonly', (store) =>
        promisifyRequest(store.getAll(EVENTS, limit) as IDBRequest<StoredEvent[]>),
      ),
    ack: (events) =>
      useStore('readwrite', async (store) => {
        const meta = await readMeta(store);
        const keys = events.map(keyOf).sort((a, b) => indexedDB.cmp(a, b));
        const [low, high] = [keys[0], keys[keys.length - 1]];
        if (low === undefined || high === undefined) return undefined;
        // One read and one delete for the batch (it is usually the oldest events, side by side), not
        // two requests per event. Only the events acknowledged are removed: another tab's events
        // may sit between them, and what another tab already acknowledged is not counted.
        const range = IDBKeyRange.bound(low, high);
        const present = await promisifyRequest(store.getAll(range) as IDBRequest<StoredEvent[]>);
        const sent = new Map(events.map((event) => [eventKey(event), event.at]));
        const same = present.filter((event) => sent.get(eventKey(event)) === event.at);
        if (same.length === present.length) store.delete(range);
        else for (const event of same) store.delete(keyOf(event));
        const bytes = same.reduce((sum, event) => sum + event.bytes, 0);
        store.put({ count: meta.count - same.length, bytes: meta.bytes - bytes }, META_KEY);
        return promisifyRequest(store.transaction);
      }),
    deadLetter: (letter) =>
      useStore('readwrite', async (store) => {
        const meta = await readMeta(store);
        const { event } = letter;
        const present = (await promisifyRequest(store.getKey(keyOf(event)))) !== undefined;
        store.delete(keyOf(event));
        store.put(letter, `dead:${String(event.at).padStart(15, '0')}:${eventKey(event)}`);
        if (present) store.put({ count: meta.count - 1, bytes: meta.bytes - event.bytes }, META_KEY);
        return promisifyRequest(store.transaction);
      }),
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
      // The mark tells that tab the deletion is the attempt's end, not a reset to undo.
      await useStore('readwrite', (store) => {
        store.put(true, DESTROYED_KEY);
        store.transaction.db.close();
        return promisifyRequest(store.transaction);
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

/**
 * Writes back what a reset database held, or events rescued from a page that went away, skipping
 * what is there already (another tab of the attempt may have written it back first), and counts the
 * events it adds into the meta.
 */
async function writeBack(store: IDBObjectStore, entries: readonly StoreEntry[]): Promise<void> {
  const meta = await readMeta(store);
  let { count, bytes } = meta;
  for (const [key, value] of entries) {
    if (key === META_KEY || (await promisifyRequest(store.getKey(key))) !== undefined) continue;
    store.put(value, key);
    if (Array.isArray(key)) {
      count += 1;
      bytes += (value as StoredEvent).bytes;
    }
  }
  store.put({ count, bytes }, META_KEY);
  await promisifyRequest(store.transaction);
}

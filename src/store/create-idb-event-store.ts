import { promisifyRequest, type UseStore } from 'idb-keyval';
import { eventKey, type StoredEvent } from '../events/stored-event.js';
import { chooseVictims } from './choose-victims.js';
import { openResettableStore, type StoreEntry, type StoreResetReason } from './open-resettable-store.js';
import type { EventStore, StoreBounds, StoreMeta } from './event-store.js';

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
  // A write resolves once its transaction has committed: before that, what it wrote is not safe.
  const write = <T>(work: (store: IDBObjectStore) => T | Promise<T>) =>
    useStore('readwrite', async (store) => {
      const result = await work(store);
      await promisifyRequest(store.transaction);
      return result;
    });
  return {
    append: (events) =>
      write(async (store) => {
        const first = events[0];
        if (first === undefined || (await read<StoredEvent>(store, keyOf(first))) !== undefined) {
          // A retried write whose first attempt did commit (it only looked failed, say timed out).
          return { stored: [...events], dropped: {} };
        }
        for (const event of events) store.put(event, keyOf(event));
        const meta = await recount(store, events, 1);
        let victims: StoredEvent[] = [];
        let dropped = {};
        if (meta.count > bounds.maxEvents || meta.bytes > bounds.maxBytes) {
          // Rare: only an attempt that cannot deliver for a long time gets here, so reading all is fine.
          const all = await promisifyRequest(store.getAll(EVENTS) as IDBRequest<StoredEvent[]>);
          ({ victims, dropped } = chooseVictims(all, bounds));
          for (const event of victims) store.delete(keyOf(event));
          await recount(store, victims, -1);
        }
        const gone = new Set(victims.map(eventKey));
        return { stored: events.filter((event) => !gone.has(eventKey(event))), dropped };
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
    ack: (events) => write((store) => remove(store, events)),
    deadLetter: (letter) =>
      write((store) => {
        const { event } = letter;
        store.put(letter, `dead:${String(event.at).padStart(15, '0')}:${eventKey(event)}`);
        return remove(store, [event]);
      }),
    count: () => useStore('readonly', (store) => promisifyRequest(store.count(EVENTS))),
    getValue: <T>(key: string) => useStore('readonly', (store) => read<T>(store, valueKey(key))),
    setValue: (key, value) =>
      write((store) => {
        store.put(value, valueKey(key));
      }),
    destroy: async () => {
      // Our own open connection would block the deletion forever: close it first. Another tab's
      // connection only delays it (the browser deletes once that tab closes), so "blocked" is enough.
      // The mark tells that tab the deletion is the attempt's end, not a reset to undo.
      await write((store) => {
        store.put(true, DESTROYED_KEY);
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

/**
 * Writes back what a reset database held, or events rescued from a page that went away, skipping
 * what is there already (another tab of the attempt may have written it back first), and counts the
 * events it adds into the meta.
 */
async function writeBack(store: IDBObjectStore, entries: readonly StoreEntry[]): Promise<void> {
  const added: StoredEvent[] = [];
  for (const [key, value] of entries) {
    if (key === META_KEY || (await promisifyRequest(store.getKey(key))) !== undefined) continue;
    store.put(value, key);
    if (Array.isArray(key)) added.push(value as StoredEvent);
  }
  await recount(store, added, 1);
  await promisifyRequest(store.transaction);
}

/**
 * Removes exactly these events, in the operation's transaction, and counts out only those it found:
 * another tab of the attempt may have removed some first.
 */
async function remove(store: IDBObjectStore, events: readonly StoredEvent[]): Promise<void> {
  const keys = events.map(keyOf).sort((a, b) => indexedDB.cmp(a, b));
  const [low, high] = [keys[0], keys[keys.length - 1]];
  if (low === undefined || high === undefined) return;
  // One read and one delete for the batch (it is usually the oldest events, side by side), not
  // two requests per event. Only the events given are removed: another tab's events may sit
  // between them.
  const range = IDBKeyRange.bound(low, high);
  const present = await promisifyRequest(store.getAll(range) as IDBRequest<StoredEvent[]>);
  const sent = new Map(events.map((event) => [eventKey(event), event.at]));
  const same = present.filter((event) => sent.get(eventKey(event)) === event.at);
  if (same.length === present.length) store.delete(range);
  else for (const event of same) store.delete(keyOf(event));
  await recount(store, same, -1);
}

/**
 * Counts events into (`sign` 1) or out of (-1) the meta record, in the operation's transaction, and
 * returns the new meta: the bounds are checked against it without reading every event.
 */
async function recount(
  store: IDBObjectStore,
  events: readonly StoredEvent[],
  sign: 1 | -1,
): Promise<StoreMeta> {
  const meta = (await read<StoreMeta>(store, META_KEY)) ?? { count: 0, bytes: 0 };
  const bytes = events.reduce((sum, event) => sum + event.bytes, 0);
  const next = { count: meta.count + sign * events.length, bytes: meta.bytes + sign * bytes };
  store.put(next, META_KEY);
  return next;
}

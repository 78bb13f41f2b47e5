import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** How an attempt's database went away under the page. */
export type StoreResetReason = 'deleted' | 'upgraded' | 'closed';

/** One record of a store, key and value, as read before a reset. */
export type StoreEntry = readonly [IDBValidKey, unknown];

export interface ResettableStoreHooks {
  /** A record whose presence says the deletion is the store's own end (nothing to write back). */
  endKey?: IDBValidKey;
  /** Writes what the old database held into the new one. */
  writeBack: (store: IDBObjectStore, entries: readonly StoreEntry[]) => Promise<void>;
  /** Called once per reason and page load: a script that deletes in a loop must not flood the log. */
  onReset: (reason: StoreResetReason) => void;
}

/**
 * idb-keyval's `createStore`, answering what happens to the database under the page. A page
 * script's `indexedDB.deleteDatabase` (or an open at a higher version) waits, unseen, for as long
 * as we hold our connection open: so on `versionchange` we read what we hold, close, let it happen
 * and write it back into a new database. A connection the browser closes itself (site data cleared
 * in devtools, a crashed storage process) cannot be read any more: idb-keyval opens a new one on the
 * next operation, and we say so. Operations started meanwhile wait for the new database.
 */
export function openResettableStore(
  dbName: string,
  storeName: string,
  hooks: ResettableStoreHooks,
): UseStore {
  const reported = new Set<StoreResetReason>();
  const report = (reason: StoreResetReason) => {
    if (reported.has(reason)) return;
    reported.add(reason);
    hooks.onReset(reason);
  };

  const watched = (use: UseStore): UseStore => {
    const seen = new WeakSet<IDBDatabase>();
    return (mode, callback) =>
      use(mode, (store) => {
        const { db } = store.transaction;
        if (!seen.has(db)) {
          seen.add(db);
          db.addEventListener('versionchange', (event) => {
            ready = moveOut(db, event.newVersion === null ? 'deleted' : 'upgraded');
          });
          db.addEventListener('close', () => {
            report('closed');
          });
        }
        return callback(store);
      });
  };

  const readAll = async (db: IDBDatabase): Promise<StoreEntry[]> => {
    const store = db.transaction(storeName, 'readonly').objectStore(storeName);
    const [keys, values] = await Promise.all([
      promisifyRequest(store.getAllKeys()),
      promisifyRequest(store.getAll()),
    ]);
    // Both come in key order, so they pair up by index.
    return keys.map((key, index): StoreEntry => [key, values[index]]);
  };

  async function moveOut(db: IDBDatabase, reason: StoreResetReason): Promise<UseStore> {
    // Operations already under way created their transactions before this event's task ran, and
    // this read is queued after them: it sees everything they wrote.
    const entries = await readAll(db).catch((): StoreEntry[] => []);
    db.close();
    const fresh = watched(createStore(dbName, storeName));
    const { endKey } = hooks;
    if (endKey !== undefined && entries.some(([key]) => indexedDB.cmp(key, endKey) === 0)) return fresh;
    report(reason);
    // If this fails, so will the operations after it, and the resilient store falls back to memory.
    await fresh('readwrite', (store) => hooks.writeBack(store, entries)).catch(() => undefined);
    return fresh;
  }

  let ready: Promise<UseStore> = Promise.resolve(watched(createStore(dbName, storeName)));
  return (mode, callback) => ready.then((use) => use(mode, callback));
}

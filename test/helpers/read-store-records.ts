import { promisifyRequest } from 'idb-keyval';

/**
 * The records of an attempt's database that `query` selects (the page reads no meta or dead letter
 * back, so a test reads them here). Its own connection closes at once: one left open would block
 * the deletions the tests make or watch.
 */
export async function readStoreRecords(dbName: string, query: IDBValidKey | IDBKeyRange): Promise<unknown[]> {
  const db = await promisifyRequest(indexedDB.open(dbName));
  try {
    return await promisifyRequest<unknown[]>(db.transaction('events').objectStore('events').getAll(query));
  } finally {
    db.close();
  }
}

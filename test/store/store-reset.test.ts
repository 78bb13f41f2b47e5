import { expect } from '@esm-bundle/chai';
import { createIdbEventStore } from '../../src/store/create-idb-event-store.js';
import { createNumbering } from '../../src/store/number-events.js';
import type { StoreResetReason } from '../../src/store/open-resettable-store.js';
import { eventually } from '../helpers/canvas.js';
import { readStoreRecords } from '../helpers/read-store-records.js';

let n = 0;
const freshName = () => `qp-test-reset-${Date.now()}-${(n += 1)}`;
const bounds = { maxEvents: 1000, maxBytes: 1_000_000 };

/** What a page script does: `indexedDB.deleteDatabase`, resolving with how the request ended. */
function deleteDatabase(name: string): Promise<'success' | 'blocked' | 'error'> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => {
      resolve('success');
    };
    request.onerror = () => {
      resolve('error');
    };
    // Blocked is not the end: the request waits. A store that never closes leaves it blocked forever.
    request.onblocked = () => {
      setTimeout(() => {
        resolve('blocked');
      }, 2000);
    };
  });
}

const listed = async (name: string) => (await indexedDB.databases()).some((db) => db.name === name);

describe('an attempt store deleted under the page', () => {
  it('lets a page script delete it, says so once, and writes back every pending event and value', async () => {
    const name = freshName();
    const resets: StoreResetReason[] = [];
    const store = createIdbEventStore(name, bounds, (reason) => resets.push(reason));
    const tab = createNumbering('t1');
    await store.append(tab.number([1, 2, 3].map((i) => ({ type: 'evidence', data: { i }, capturedAt: i }))));
    await store.setValue('retry', { attempt: 2 });
    const refused = createNumbering('t0').number([{ type: 'refused', capturedAt: 9 }])[0]!;
    await store.deadLetter({ event: refused, status: 400, reason: 'bad' });

    expect(await deleteDatabase(name)).to.equal('success');
    // The next operations wait for the new database and find what the old one held.
    expect((await store.peek(10)).map((event) => [event.seq, event.data])).to.deep.equal([
      [1, { i: 1 }],
      [2, { i: 2 }],
      [3, { i: 3 }],
    ]);
    expect(await store.getValue('retry')).to.deep.equal({ attempt: 2 });
    const [meta] = await readStoreRecords(name, 'meta');
    expect(meta).to.deep.include({ count: 3 });
    expect(await readStoreRecords(name, IDBKeyRange.bound('dead:', 'dead;'))).to.have.length(1);
    expect(resets).to.deep.equal(['deleted']);

    // Numbering is the page's, not the store's: the next event goes on from seq 4.
    await store.append(tab.number([{ type: 'evidence', data: { i: 4 }, capturedAt: 20 }]));
    expect((await store.peek(10)).map((event) => event.seq)).to.deep.equal([1, 2, 3, 4]);

    // A script that deletes again and again: each deletion goes through, and is said once.
    expect(await deleteDatabase(name)).to.equal('success');
    expect(await store.count()).to.equal(4);
    expect(resets).to.deep.equal(['deleted']);
    await store.destroy();
  });

  it('answers an open at a higher version the same way', async () => {
    const name = freshName();
    const resets: StoreResetReason[] = [];
    const store = createIdbEventStore(name, bounds, (reason) => resets.push(reason));
    await store.append(createNumbering('t1').number([{ type: 'evidence', capturedAt: 1 }]));
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    upgraded.close();
    expect(await store.count()).to.equal(1);
    expect(resets).to.deep.equal(['upgraded']);
    await store.destroy();
  });

  it('does not undo the deletion that ends the attempt in another tab of it', async () => {
    const name = freshName();
    const resets: StoreResetReason[] = [];
    // Two tabs of one attempt: two connections to one database.
    const other = createIdbEventStore(name, bounds, (reason) => resets.push(reason));
    const ending = createIdbEventStore(name, bounds);
    await other.append(createNumbering('t1').number([{ type: 'evidence', capturedAt: 1 }]));
    expect(await ending.count()).to.equal(1);
    await ending.destroy();
    await eventually(async () => ((await listed(name)) ? undefined : true), 'the database deleted');
    expect(resets).to.deep.equal([]);
  });
});

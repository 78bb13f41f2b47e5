import { expect } from '@esm-bundle/chai';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { createIdbEventStore } from '../../src/store/create-idb-event-store.js';
import { createMemoryEventStore } from '../../src/store/create-memory-event-store.js';
import type { DeadLetter, EventStore, StoreMeta } from '../../src/store/event-store.js';
import { createNumbering, type Numbering } from '../../src/store/number-events.js';
import { createRescueJournal } from '../../src/store/rescue-journal.js';
import { readStoreRecords } from '../helpers/read-store-records.js';

let n = 0;
const freshName = () => `qp-test-store-${Date.now()}-${(n += 1)}`;
const bounds = { maxEvents: 1000, maxBytes: 1_000_000 };

/** Numbers like a tab does, then appends. */
function write(store: EventStore, events: CapturedEvent[], tab: Numbering = createNumbering('t1')) {
  return store.append(tab.number(events));
}

/** The count in an IndexedDB store's meta record: what its bounds are checked against. */
async function metaCount(dbName: string): Promise<number> {
  const [meta] = (await readStoreRecords(dbName, 'meta')) as StoreMeta[];
  return meta?.count ?? 0;
}

/** A fresh store, and the count its bounds go by (the memory store counts what it holds). */
interface Opened {
  store: EventStore;
  counted: () => Promise<number>;
}

for (const [name, open] of [
  [
    'the IndexedDB event store',
    (b = bounds): Opened => {
      const dbName = freshName();
      return { store: createIdbEventStore(dbName, b), counted: () => metaCount(dbName) };
    },
  ],
  [
    'the memory event store',
    (b = bounds): Opened => {
      const store = createMemoryEventStore(b);
      return { store, counted: () => store.count() };
    },
  ],
] as const) {
  describe(name, () => {
    it('keeps two tabs’ events as they were numbered, oldest first, even at the same moment', async () => {
      const { store, counted } = open();
      const a = createNumbering('a');
      const b = createNumbering('b');
      await Promise.all([
        write(store, [{ type: 'from_a', capturedAt: 10 }], a),
        write(store, [{ type: 'from_b', capturedAt: 10 }], b),
      ]);
      await write(store, [{ type: 'from_a', capturedAt: 5 }], a);
      expect((await store.peek(10)).map((e) => [e.tab, e.seq, e.at])).to.deep.equal([
        ['a', 1, 10],
        ['b', 1, 10],
        ['a', 2, 11],
      ]);
      expect(await counted()).to.equal(3);
    });

    it('removes only the events acknowledged, not others between them or with their seq', async () => {
      const { store, counted } = open();
      const a = createNumbering('a');
      const stored = (
        await write(
          store,
          [1, 2, 3, 4, 5].map((i) => ({ type: `t${i}`, capturedAt: i })),
          a,
        )
      ).stored;
      const other = (await write(store, [{ type: 'other', capturedAt: 2 }], createNumbering('z'))).stored;
      await store.ack([stored[0]!, stored[1]!, stored[3]!]);
      expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['other', 't3', 't5']);
      expect(await counted()).to.equal(3);
      // Acknowledging again (another tab got there first) changes nothing; nor does an event that
      // only shares a seq with a stored one.
      await store.ack([stored[0]!, { ...stored[2]!, at: 999 }]);
      expect(await counted()).to.equal(3);
      await store.ack(other);
      expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['t3', 't5']);
    });

    it('does not store a burst twice when a write that did commit is retried', async () => {
      const { store, counted } = open();
      const burst = createNumbering('t').number([
        { type: 'session_started', data: { user_agent: 'x' }, capturedAt: 5 },
        { type: 'screen_changed', data: {}, capturedAt: 6 },
      ]);
      await store.append(burst);
      const again = await store.append(burst);
      expect(again.stored.map((e) => e.seq)).to.deep.equal([1, 2]);
      expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['session_started', 'screen_changed']);
      expect(await counted()).to.equal(2);
    });

    it('drops low-value events first when over its bounds, and says what it dropped', async () => {
      const { store, counted } = open({ maxEvents: 3, maxBytes: 1_000_000 });
      const tab = createNumbering('t');
      await write(
        store,
        [
          { type: 'page_blurred', capturedAt: 1 },
          { type: 'question_viewed', data: ['1'], capturedAt: 2 },
          { type: 'page_focused', capturedAt: 3 },
        ],
        tab,
      );
      const result = await write(store, [{ type: 'page_hidden', data: {}, capturedAt: 4 }], tab);
      expect(result.dropped).to.deep.equal({ question_viewed: 1 });
      expect((await store.peek(10)).map((e) => e.type)).to.deep.equal([
        'page_blurred',
        'page_focused',
        'page_hidden',
      ]);
      expect(await counted()).to.equal(3);
    });

    it('takes a dead letter out of the pending events', async () => {
      const { store, counted } = open();
      const { stored } = await write(store, [
        { type: 'ok', capturedAt: 1 },
        { type: 'poison', capturedAt: 2 },
      ]);
      await store.deadLetter({ event: stored[1]!, status: 400, reason: 'refused' });
      expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['ok']);
      expect(await store.count()).to.equal(1);
      expect(await counted()).to.equal(1);
    });
  });
}

describe('the IndexedDB event store’s dead letters', () => {
  it('keeps a refused event apart with Canvas’s answer, counted once however often it is set aside', async () => {
    const name = freshName();
    const store = createIdbEventStore(name, bounds);
    const { stored } = await write(store, [
      { type: 'ok', capturedAt: 1 },
      { type: 'poison', capturedAt: 2 },
    ]);
    const letter = { event: stored[1]!, status: 400, reason: 'refused' };
    await store.deadLetter(letter);
    // Another tab of the attempt set it aside too: the pending count is not taken down twice.
    await store.deadLetter(letter);
    const dead = (await readStoreRecords(name, IDBKeyRange.bound('dead:', 'dead;'))) as DeadLetter[];
    expect(dead.map((d) => [d.event.type, d.status, d.reason])).to.deep.equal([['poison', 400, 'refused']]);
    expect(await metaCount(name)).to.equal(1);
  });
});

describe('the IndexedDB event store across a reopen', () => {
  it('keeps events across a reopen (a reload) and removes only acknowledged ones', async () => {
    const name = freshName();
    const first = createIdbEventStore(name, bounds);
    await write(
      first,
      [1, 2, 3].map((i) => ({ type: `t${i}`, capturedAt: i })),
    );
    const reopened = createIdbEventStore(name, bounds);
    const oldest = await reopened.peek(2);
    expect(oldest.map((e) => e.seq)).to.deep.equal([1, 2]);
    await reopened.ack(oldest);
    expect((await reopened.peek(10)).map((e) => e.seq)).to.deep.equal([3]);
  });
});

describe('the rescue journal', () => {
  it('keeps a tab’s at-risk events across pages; restoring them twice stores them once', async () => {
    const name = freshName();
    const tab = createNumbering('r1');
    const atRisk = tab.number([
      { type: 'last', capturedAt: 1 },
      { type: 'words', capturedAt: 2 },
    ]);
    createRescueJournal(name, 'r1', window).save(atRisk);
    // Another tab's journal of another attempt is not touched.
    createRescueJournal(`${name}-other`, 'x', window).save(atRisk);
    const next = createRescueJournal(name, 'r2', window);
    const rescued = next.takeAll();
    expect(rescued.map((e) => [e.tab, e.seq, e.type])).to.deep.equal([
      ['r1', 1, 'last'],
      ['r1', 2, 'words'],
    ]);
    expect(next.takeAll()).to.deep.equal([]);
    const store = createIdbEventStore(name, bounds);
    // The write did commit after all: restoring is a no-op for what the store holds.
    await store.append(atRisk.slice(0, 1));
    await store.restore(rescued);
    await store.restore(rescued);
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['last', 'words']);
    expect(await metaCount(name)).to.equal(2);
    expect(createRescueJournal(`${name}-other`, 'y', window).takeAll()).to.have.length(2);
  });
});

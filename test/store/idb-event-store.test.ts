import { expect } from '@esm-bundle/chai';
import type { CapturedEvent } from '../../src/pipeline/event-record.js';
import { createIdbEventStore } from '../../src/store/create-idb-event-store.js';
import { EMPTY_META, type EventStore } from '../../src/store/event-store.js';
import { numberEvents } from '../../src/store/number-events.js';

let n = 0;
const freshName = () => `qp-test-store-${Date.now()}-${(n += 1)}`;
const bounds = { maxEvents: 1000, maxBytes: 1_000_000 };

/** Numbers like a tab does (from the store's meta), then appends. */
async function write(store: EventStore, events: CapturedEvent[]) {
  const meta = await store.getMeta();
  return store.append(numberEvents(meta, events).stored);
}

describe('the IndexedDB event store', () => {
  it('numbers events per attempt and makes client timestamps strictly increasing', async () => {
    const store = createIdbEventStore(freshName(), bounds);
    const { stored } = await write(store, [
      { type: 'a', capturedAt: 1000 },
      { type: 'b', capturedAt: 1000 },
      { type: 'c', capturedAt: 999, data: { x: 1 } },
    ]);
    expect(stored.map((e) => [e.seq, e.at])).to.deep.equal([
      [1, 1000],
      [2, 1001],
      [3, 1002],
    ]);
    const more = await write(store, [{ type: 'd', capturedAt: 5000 }]);
    expect(more.stored[0]).to.include({ seq: 4, type: 'd', at: 5000 });
    expect(await store.count()).to.equal(4);
    expect((await store.getMeta()).count).to.equal(4);
  });

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
    // Numbering continues after what was written before the reopen.
    expect((await write(reopened, [{ type: 'next', capturedAt: 0 }])).stored[0]!.seq).to.equal(4);
  });

  it('acknowledges non-consecutive events without touching the ones between them', async () => {
    const store = createIdbEventStore(freshName(), bounds);
    const { stored } = await write(
      store,
      [1, 2, 3, 4, 5].map((i) => ({ type: `t${i}`, capturedAt: i })),
    );
    await store.ack([stored[0]!, stored[1]!, stored[3]!]);
    expect((await store.peek(10)).map((e) => e.seq)).to.deep.equal([3, 5]);
    expect((await store.getMeta()).count).to.equal(2);
    // Acknowledging again (another tab got there first) changes nothing.
    await store.ack([stored[0]!]);
    expect((await store.getMeta()).count).to.equal(2);
  });

  it('renumbers a burst another tab numbered the same, so no seq is stored twice', async () => {
    const name = freshName();
    const a = createIdbEventStore(name, bounds);
    const b = createIdbEventStore(name, bounds);
    // Both tabs number from the same (empty) meta, as two tabs of one attempt can.
    const fromA = numberEvents(EMPTY_META, [{ type: 'a', capturedAt: 10 }]).stored;
    const fromB = numberEvents(EMPTY_META, [{ type: 'b', capturedAt: 10 }]).stored;
    const [ra, rb] = await Promise.all([a.append(fromA), b.append(fromB)]);
    const all = await a.peek(10);
    expect(all.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(new Set(all.map((e) => e.at)).size).to.equal(2);
    expect([ra.stored[0]!.seq, rb.stored[0]!.seq].sort()).to.deep.equal([1, 2]);
  });

  it('drops low-value events first when over its bounds, and says what it dropped', async () => {
    const store = createIdbEventStore(freshName(), { maxEvents: 3, maxBytes: 1_000_000 });
    await write(store, [
      { type: 'page_blurred', capturedAt: 1 },
      { type: 'question_viewed', data: ['1'], capturedAt: 2 },
      { type: 'page_focused', capturedAt: 3 },
    ]);
    const result = await write(store, [{ type: 'page_hidden', data: {}, capturedAt: 4 }]);
    expect(result.dropped).to.deep.equal({ question_viewed: 1 });
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal([
      'page_blurred',
      'page_focused',
      'page_hidden',
    ]);
  });

  it('keeps dead letters apart from pending events', async () => {
    const store = createIdbEventStore(freshName(), bounds);
    const { stored } = await write(store, [
      { type: 'ok', capturedAt: 1 },
      { type: 'poison', capturedAt: 2 },
    ]);
    await store.deadLetter({ event: stored[1]!, status: 400, reason: 'refused' });
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['ok']);
    expect((await store.deadLetters()).map((d) => [d.event.type, d.status])).to.deep.equal([['poison', 400]]);
    expect(await store.count()).to.equal(1);
  });
});

describe('the IndexedDB event store, retried writes', () => {
  it('does not store a burst twice when a write that did commit is retried', async () => {
    const store = createIdbEventStore(freshName(), bounds);
    const burst = numberEvents(EMPTY_META, [
      { type: 'session_started', data: { user_agent: 'x' }, capturedAt: 5 },
      { type: 'screen_changed', data: {}, capturedAt: 6 },
    ]).stored;
    await store.append(burst);
    const again = await store.append(burst);
    expect(again.stored.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['session_started', 'screen_changed']);
    expect((await store.getMeta()).count).to.equal(2);
  });
});

import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import type { StoredEvent } from '../../src/pipeline/event-record.js';
import { createMemoryEventStore } from '../../src/store/create-memory-event-store.js';
import type { EventStore } from '../../src/store/event-store.js';
import { createNumbering } from '../../src/store/number-events.js';
import { DeliveryEngine, type DeliveryConfig } from '../../src/transport/delivery-engine.js';
import { DEFAULT_RETRY, type SendResult } from '../../src/transport/retry-policy.js';

// The engine's timing (backoff, Retry-After, persisted notBefore) runs on an injected scheduler:
// here a VirtualTimeScheduler, advanced by flush(), so no test waits on the wall clock.

interface Rig {
  engine: DeliveryEngine;
  scheduler: VirtualTimeScheduler;
  store: EventStore;
  sends: { at: number; seqs: number[] }[];
  answers: SendResult[];
}

function rig(
  store: EventStore = createMemoryEventStore({ maxEvents: 1000, maxBytes: 1e6 }),
  scheduler = new VirtualTimeScheduler(),
): Rig {
  const sends: Rig['sends'] = [];
  const answers: SendResult[] = [];
  const config: DeliveryConfig = {
    store,
    scheduler,
    timing: DEFAULT_RETRY,
    random: () => 0.5,
    maxBatchEvents: 100,
    maxBatchBytes: 60_000,
    keepaliveBudgetBytes: 65_536,
    send: (events: readonly StoredEvent[]) => {
      sends.push({ at: scheduler.now(), seqs: events.map((e) => e.seq) });
      return Promise.resolve(answers.shift() ?? { status: 204 });
    },
    sendKeepalive: () => Promise.resolve({ status: 204 }),
    whenWritten: () => Promise.resolve(),
    onDelivered: () => undefined,
    onError: () => undefined,
    onDeadLetter: () => undefined,
    onState: () => undefined,
    onRetry: () => undefined,
    leading: () => true,
  };
  return { engine: new DeliveryEngine(config), scheduler, store, sends, answers };
}

// One tab's numbering per store, as one page writes into its attempt's store.
const tabs = new WeakMap<EventStore, ReturnType<typeof createNumbering>>();

async function put(store: EventStore, types: string[]) {
  const tab = tabs.get(store) ?? createNumbering('t');
  tabs.set(store, tab);
  await store.append(tab.number(types.map((type, i) => ({ type, capturedAt: i }))));
}

/** Runs every timer due, then waits for the drain the timer started. */
async function advance(r: Rig) {
  r.scheduler.flush();
  await r.engine.drain();
}

describe('the delivery engine (virtual time)', () => {
  it('backs off 1 s, 2 s, 4 s between failures, then delivers', async () => {
    const r = rig();
    await put(r.store, ['a', 'b']);
    r.answers.push({ status: 503 }, { body: 'reset' }, { status: 500 });
    await r.engine.drain();
    for (let i = 0; i < 3; i += 1) await advance(r);
    expect(r.sends.map((s) => s.at)).to.deep.equal([0, 1000, 3000, 7000]);
    expect(await r.store.count()).to.equal(0);
  });

  it('waits as long as Retry-After asks', async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.answers.push({ status: 429, retryAfter: '12' });
    await r.engine.drain();
    await advance(r);
    expect(r.sends.map((s) => s.at)).to.deep.equal([0, 12_000]);
  });

  it('keeps a backoff across a reload: a new engine on the same store waits it out', async () => {
    const store = createMemoryEventStore({ maxEvents: 1000, maxBytes: 1e6 });
    const scheduler = new VirtualTimeScheduler();
    const first = rig(store, scheduler);
    await put(store, ['a']);
    first.answers.push({ status: 503 }, { status: 503 });
    await first.engine.drain();
    await advance(first); // second failure at 1000: next try not before 3000
    first.engine.stop();
    const second = rig(store, scheduler);
    await second.engine.drain();
    expect(second.sends).to.deep.equal([]);
    await advance(second);
    expect(second.sends.map((s) => s.at)).to.deep.equal([3000]);
  });

  it('halves a refused batch down to the poison event, sets it aside and delivers the rest', async () => {
    const r = rig();
    await put(r.store, ['a', 'b', 'poison', 'd', 'e']);
    // 1-5 refused; 1-3 refused; 1-2 ok; 3 refused → dead letter; 4-5 ok.
    r.answers.push(
      { status: 400 },
      { status: 400 },
      { status: 204 },
      { status: 400, body: 'bad' },
      { status: 204 },
    );
    await r.engine.drain();
    expect(r.sends.map((s) => s.seqs)).to.deep.equal([[1, 2, 3, 4, 5], [1, 2, 3], [1, 2], [3], [4, 5]]);
    expect((await r.store.deadLetters()).map((d) => [d.event.type, d.reason])).to.deep.equal([
      ['poison', 'bad'],
    ]);
    expect(await r.store.count()).to.equal(0);
  });

  it('pauses on 401 keeping every event, and resumes on resume()', async () => {
    const r = rig();
    await put(r.store, ['a', 'b']);
    r.answers.push({ status: 401 });
    const error = await r.engine.drain();
    expect(error?.code).to.equal('unauthorized');
    expect(r.engine.state).to.equal('paused');
    r.scheduler.flush();
    expect(await r.engine.drain()).to.equal(error);
    expect(r.sends).to.have.length(1);
    expect(await r.store.count()).to.equal(2);
    r.engine.resume();
    expect(await r.engine.drain()).to.equal(undefined);
    expect(await r.store.count()).to.equal(0);
  });
});

describe('the delivery engine and the keepalive path', () => {
  it('never sends a batch again by keepalive while its acknowledgement is being written', async () => {
    const memory = createMemoryEventStore({ maxEvents: 1000, maxBytes: 1e6 });
    let releaseAck: () => void = () => undefined;
    const slowAck: EventStore = {
      ...memory,
      ack: (events) =>
        new Promise<void>((resolve) => {
          releaseAck = () => void memory.ack(events).then(resolve);
        }),
    };
    const r = rig(slowAck);
    const keepalives: string[] = [];
    const engine = new DeliveryEngine({
      store: slowAck,
      scheduler: r.scheduler,
      timing: DEFAULT_RETRY,
      random: () => 0.5,
      maxBatchEvents: 100,
      maxBatchBytes: 60_000,
      keepaliveBudgetBytes: 65_536,
      send: () => Promise.resolve({ status: 204 }),
      sendKeepalive: (body) => {
        keepalives.push(body);
        return Promise.resolve({ status: 204 });
      },
      whenWritten: () => Promise.resolve(),
      onDelivered: () => undefined,
      onError: () => undefined,
      onDeadLetter: () => undefined,
      onState: () => undefined,
      onRetry: () => undefined,
      leading: () => true,
    });
    await put(memory, ['a', 'b']);
    const draining = engine.drain();
    // Let the send answer; the ack is now being written.
    await new Promise((resolve) => setTimeout(resolve, 0));
    engine.sendOnHide();
    releaseAck();
    await draining;
    expect(keepalives).to.deep.equal([]);
    expect(await memory.count()).to.equal(0);
  });
});

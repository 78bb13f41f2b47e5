import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import type { StoredEvent } from '../../src/events/stored-event.js';
import { createMemoryEventStore } from '../../src/store/create-memory-event-store.js';
import type { DeadLetter, EventStore } from '../../src/store/event-store.js';
import { createNumbering } from '../../src/store/number-events.js';
import {
  createDeliveryEngine,
  type DeliveryConfig,
  type DeliveryEngine,
} from '../../src/deliver/create-delivery-engine.js';
import { DEFAULT_RETRY, type SendResult } from '../../src/deliver/retry-policy.js';

// The engine's timing (backoff, Retry-After, persisted notBefore) runs on an injected scheduler:
// here a VirtualTimeScheduler, advanced by flush(), so no test waits on the wall clock.

interface Rig {
  config: DeliveryConfig;
  engine: DeliveryEngine;
  scheduler: VirtualTimeScheduler;
  store: EventStore;
  sends: { at: number; seqs: number[] }[];
  answers: SendResult[];
  /** What the engine set aside, as it told the page. */
  deadLetters: DeadLetter[];
}

function rig(
  store: EventStore = createMemoryEventStore({ maxEvents: 1000, maxBytes: 1e6 }),
  scheduler = new VirtualTimeScheduler(),
): Rig {
  const sends: Rig['sends'] = [];
  const answers: SendResult[] = [];
  const deadLetters: DeadLetter[] = [];
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
    onDeadLetter: (letter) => {
      deadLetters.push(letter);
    },
    onState: () => undefined,
    onRetry: () => undefined,
    leading: () => true,
  };
  return { config, engine: createDeliveryEngine(config), scheduler, store, sends, answers, deadLetters };
}

// One tab's numbering per store, as one page writes into its attempt's store.
const tabs = new WeakMap<EventStore, ReturnType<typeof createNumbering>>();

async function put(store: EventStore, types: string[]) {
  const tab = tabs.get(store) ?? createNumbering('t');
  tabs.set(store, tab);
  await store.append(tab.number(types.map((type, i) => ({ type, capturedAt: i }))));
}

const configFor = (r: Rig): DeliveryConfig => r.config;
// A second page load's numbering, for events a test hands to an engine directly.
const tab2 = createNumbering('u');

/** Waits (microtasks only, no clock) until `count` requests have gone out. */
async function eventuallySent(r: Rig, count: number) {
  for (let i = 0; i < 1000 && r.sends.length < count; i += 1) await Promise.resolve();
  expect(r.sends.length).to.equal(count);
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
    expect(r.deadLetters.map((d) => [d.event.type, d.reason])).to.deep.equal([['poison', 'bad']]);
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
    const engine = createDeliveryEngine({
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
    void engine.sendOnHide();
    releaseAck();
    await draining;
    expect(keepalives).to.deep.equal([]);
    expect(await memory.count()).to.equal(0);
  });
});

describe('the delivery engine: what lifts a backoff or a pause (virtual time)', () => {
  it('a flush lifts a backoff in force when it was asked for, never one set after', async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.answers.push({ status: 503 });
    // Asked for before the send fails (its wait for pending writes can end after the failure).
    const ticket = r.engine.ticket();
    await r.engine.drain();
    expect(r.engine.state).to.equal('backoff');
    expect((await r.engine.flush(ticket))?.code).to.equal('http_error');
    expect(r.sends).to.have.length(1);
    // Asked for now: the backoff was already there, so the app's flush sends at once.
    expect(await r.engine.flush()).to.equal(undefined);
    expect(r.sends.map((s) => s.at)).to.deep.equal([0, 0]);
  });

  it("another tab's flush, which has only its wall-clock time, lifts only an older backoff", async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.answers.push({ status: 429, retryAfter: '60' });
    r.scheduler.schedule(() => undefined, 500);
    r.scheduler.flush(); // now = 500
    await r.engine.drain(); // backoff set at 500
    await r.engine.flush({ at: 500 });
    expect(r.sends).to.have.length(1);
    await r.engine.flush({ at: 501 });
    expect(r.sends).to.have.length(2);
  });

  it('the browser coming online ends a network-failure backoff, not the server’s Retry-After', async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.answers.push({ status: 429, retryAfter: '60' }, { body: 'Failed to fetch' });
    await r.engine.drain();
    r.engine.retryNow();
    await r.engine.drain();
    expect(r.sends).to.have.length(1);
    await advance(r); // 60 s later: the network error
    expect(r.sends.map((s) => s.at)).to.deep.equal([0, 60_000]);
    r.engine.retryNow();
    await r.engine.drain();
    expect(r.sends.map((s) => s.at)).to.deep.equal([0, 60_000, 60_000]);
  });

  it('new credentials lift a pause, not a backoff', async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.answers.push({ status: 503 }, { status: 401 });
    await r.engine.drain();
    r.engine.resume();
    await r.engine.drain();
    expect(r.sends).to.have.length(1);
    await advance(r); // the 401
    expect(r.engine.state).to.equal('paused');
    r.engine.resume();
    await r.engine.drain();
    expect(r.sends).to.have.length(3);
    expect(await r.store.count()).to.equal(0);
  });

  it('a 401 answering credentials replaced mid-request is stale: sent again with the new ones, no pause', async () => {
    const r = rig();
    await put(r.store, ['a', 'b']);
    // The first request is still out when new credentials arrive, and a flush joins its drain.
    let answer!: (result: SendResult) => void;
    const send = r.config.send;
    r.config.send = (events) => {
      if (r.sends.length > 0) return send(events);
      r.sends.push({ at: r.scheduler.now(), seqs: events.map((e) => e.seq) });
      return new Promise((resolve) => {
        answer = resolve;
      });
    };
    const errors: string[] = [];
    r.config.onError = (error) => errors.push(error.code);
    const draining = r.engine.drain();
    await eventuallySent(r, 1);
    r.engine.resume();
    const flushed = r.engine.flush();
    answer({ status: 401 });
    expect(await flushed).to.equal(undefined);
    expect(await draining).to.equal(undefined);
    expect(r.engine.state).to.equal('idle');
    expect(errors).to.deep.equal([]);
    expect(r.sends.map((s) => s.seqs)).to.deep.equal([
      [1, 2],
      [1, 2],
    ]);
    expect(await r.store.count()).to.equal(0);
  });

  it('a 401 to the credentials in force still pauses, after new ones came before the request', async () => {
    const r = rig();
    await put(r.store, ['a']);
    r.engine.resume();
    r.answers.push({ status: 401 });
    expect((await r.engine.drain())?.code).to.equal('unauthorized');
    expect(r.engine.state).to.equal('paused');
  });

  it('a keepalive answered 429 holds the ordinary path to its Retry-After', async () => {
    const r = rig();
    const engine = createDeliveryEngine({
      ...configFor(r),
      sendKeepalive: () => Promise.resolve({ status: 429, retryAfter: '30' }),
    });
    const events = tab2.number([{ type: 'a', capturedAt: 0 }]);
    engine.remember(events);
    void engine.sendOnHide();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.state).to.equal('backoff');
    await r.store.append(events);
    engine.confirm(events, events);
    await engine.drain();
    expect(r.sends).to.deep.equal([]);
    r.scheduler.flush();
    await engine.drain();
    expect(r.sends.map((s) => s.at)).to.deep.equal([30_000]);
  });
});

describe('the delivery engine: what a tab sends by keepalive', () => {
  it('a follower sends only what it has not seen written; the leader also what is pending', async () => {
    const r = rig();
    const bodies: string[] = [];
    let leading = false;
    const engine = createDeliveryEngine({
      ...configFor(r),
      leading: () => leading,
      sendKeepalive: (body) => {
        bodies.push(body);
        return new Promise(() => undefined); // the page is going away: no answer
      },
    });
    const written = tab2.number([{ type: 'written', capturedAt: 0 }]);
    const unwritten = tab2.number([{ type: 'unwritten', capturedAt: 1 }]);
    engine.remember([...written, ...unwritten]);
    await r.store.append(written);
    engine.confirm(written, written);
    void engine.sendOnHide();
    const types = (body: string) =>
      (JSON.parse(body) as { quiz_submission_events: { event_type: string }[] }).quiz_submission_events.map(
        (e) => e.event_type,
      );
    expect(bodies.map(types)).to.deep.equal([['unwritten']]);
    // Sent once: a second hide (visibilitychange, then pagehide) does not double it.
    void engine.sendOnHide();
    expect(bodies).to.have.length(1);
    // The leader of the same store also sends the written event it knows is pending.
    leading = true;
    const leader = createDeliveryEngine({
      ...configFor(r),
      sendKeepalive: (body) => {
        bodies.push(body);
        return new Promise(() => undefined);
      },
    });
    leader.remember(written);
    leader.confirm(written, written);
    void leader.sendOnHide();
    expect(bodies.slice(1).map(types)).to.deep.equal([['written']]);
  });
});

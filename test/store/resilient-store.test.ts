import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { createMemoryEventStore } from '../../src/store/create-memory-event-store.js';
import { createResilientStore } from '../../src/store/create-resilient-store.js';
import type { EventStore } from '../../src/store/event-store.js';
import { createNumbering } from '../../src/store/number-events.js';

// The wrapper's timing runs on the injected scheduler: a VirtualTimeScheduler here, so an open that
// hangs forever times out when the test moves virtual time, not after 5 s of wall clock.

const TIMEOUT_MS = 5000;
const bounds = { maxEvents: 1000, maxBytes: 1_000_000 };

/** What every operation of one opened store does now (a test may change it later). */
type Mode = 'ok' | 'hang' | 'held' | Error;

interface Rig {
  scheduler: VirtualTimeScheduler;
  store: EventStore;
  /** The stores the wrapper opened, in order, each with its current mode. */
  opened: { mode: Mode }[];
  degraded: { reason: string; cause: unknown }[];
  /** Operations answered `held`, waiting for the test to release them. */
  held: (() => void)[];
}

type Operations = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** A memory store whose operations answer as `opened.mode` says at the time of each call. */
function scripted(opened: { mode: Mode }, held: (() => void)[]): EventStore {
  const real = createMemoryEventStore(bounds) as unknown as Operations;
  const wrapped: Operations = {};
  for (const key of Object.keys(real)) {
    wrapped[key] = (...args) => {
      const { mode } = opened;
      if (mode === 'hang') return new Promise(() => undefined);
      if (mode instanceof Error) return Promise.reject(mode);
      if (mode === 'held')
        return new Promise((resolve) => {
          held.push(() => {
            resolve(real[key]!(...args));
          });
        });
      return real[key]!(...args);
    };
  }
  return wrapped as unknown as EventStore;
}

/** A resilient store whose n-th open gets `modes[n]` (then 'ok'). */
function rig(modes: Mode[]): Rig {
  const scheduler = new VirtualTimeScheduler();
  const opened: Rig['opened'] = [];
  const degraded: Rig['degraded'] = [];
  const held: Rig['held'] = [];
  const store = createResilientStore({
    open: () => {
      const entry = { mode: modes[opened.length] ?? 'ok' };
      opened.push(entry);
      return scripted(entry, held);
    },
    bounds,
    scheduler,
    opTimeoutMs: TIMEOUT_MS,
    onDegraded: (reason, cause) => {
      degraded.push({ reason, cause });
    },
  });
  return { scheduler, store, opened, degraded, held };
}

/** Lets the promise callbacks due now run (no wall-clock wait: a few microtask turns). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** Watches a promise without awaiting it, so a test can look at it between virtual-time steps. */
function watch<T>(promise: Promise<T>): { readonly state: 'pending' | 'resolved' | 'rejected'; value?: T } {
  const seen: { state: 'pending' | 'resolved' | 'rejected'; value?: T } = { state: 'pending' };
  promise.then(
    (value) => {
      seen.state = 'resolved';
      seen.value = value;
    },
    () => {
      seen.state = 'rejected';
    },
  );
  return seen;
}

/** Moves virtual time to `ms` (running every timer due by then), letting promises run between. */
async function advanceTo(r: Rig, ms: number): Promise<void> {
  await settle();
  r.scheduler.maxFrames = ms;
  r.scheduler.flush();
  await settle();
}

const burst = (types: string[], tab = createNumbering('t')) =>
  tab.number(types.map((type, i) => ({ type, capturedAt: 1000 + i })));

describe('the resilient store (virtual time)', () => {
  it('times out a first open that hangs, reopens once, and goes on with the reopened store', async () => {
    const r = rig(['hang', 'ok']);
    const count = watch(r.store.count());
    await advanceTo(r, TIMEOUT_MS - 1);
    expect(count.state, 'before the timeout').to.equal('pending');
    expect(r.opened.length).to.equal(1);
    await advanceTo(r, TIMEOUT_MS);
    expect(count).to.deep.equal({ state: 'resolved', value: 0 });
    expect(r.opened.length).to.equal(2);
    expect(r.degraded).to.deep.equal([]);
    await r.store.append(burst(['a']));
    expect((await r.store.peek(10)).map((e) => e.type)).to.deep.equal(['a']);
  });

  it('goes to memory when the reopened store hangs too, saying so once with the reason "timeout"', async () => {
    const r = rig(['hang', 'hang']);
    const appended = watch(r.store.append(burst(['a', 'b'])));
    await advanceTo(r, TIMEOUT_MS);
    expect(appended.state).to.equal('pending');
    expect(r.degraded).to.deep.equal([]);
    await advanceTo(r, 2 * TIMEOUT_MS - 1);
    expect(appended.state, 'before the reopened store times out').to.equal('pending');
    await advanceTo(r, 2 * TIMEOUT_MS);
    // The operation that found the trouble is done in memory: its events are not lost.
    expect(appended.state).to.equal('resolved');
    expect(r.degraded.map((d) => d.reason)).to.deep.equal(['timeout']);
    expect(r.opened.length).to.equal(2);
    expect((await r.store.peek(10)).map((e) => e.type)).to.deep.equal(['a', 'b']);
    // Memory does not time out, and nothing opens again or says "degraded" again.
    await r.store.append(burst(['c'], createNumbering('u')));
    await r.store.setValue('marks', ['x']);
    expect(await r.store.getValue('marks')).to.deep.equal(['x']);
    expect(await r.store.count()).to.equal(3);
    expect(r.scheduler.actions).to.have.length(0);
    expect(r.opened.length).to.equal(2);
    expect(r.degraded).to.have.length(1);
  });

  it('times only the opening: once an operation succeeded, a slow one is waited for, not timed out', async () => {
    const r = rig(['held']);
    const first = watch(r.store.count());
    await settle();
    r.held.shift()!();
    await settle();
    expect(first.state).to.equal('resolved');
    const slow = watch(r.store.append(burst(['slow'])));
    await settle();
    // No timer at all for it: a timed-out write would be retried and written twice.
    expect(r.scheduler.actions).to.have.length(0);
    await advanceTo(r, 100 * TIMEOUT_MS);
    expect(slow.state).to.equal('pending');
    r.held.shift()!();
    await settle();
    expect(slow.state).to.equal('resolved');
    expect(r.opened.length).to.equal(1);
    expect(r.degraded).to.deep.equal([]);
  });

  it('reopens once on a failing operation and retries it there', async () => {
    const r = rig([new DOMException('gone', 'InvalidStateError'), 'ok']);
    const result = await r.store.append(burst(['a']));
    expect(result.stored.map((e) => e.type)).to.deep.equal(['a']);
    expect(r.opened.length).to.equal(2);
    expect(r.degraded).to.deep.equal([]);
    expect((await r.store.peek(10)).map((e) => e.type)).to.deep.equal(['a']);
  });

  it('goes to memory when the retry on the reopened store fails too, with the second failure as cause', async () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const r = rig([new DOMException('lost', 'UnknownError'), full]);
    const result = await r.store.append(burst(['a', 'b']));
    expect(result.stored.map((e) => e.type)).to.deep.equal(['a', 'b']);
    expect(r.degraded).to.have.length(1);
    expect(r.degraded[0]!.reason).to.equal('quota_exceeded');
    expect(r.degraded[0]!.cause).to.equal(full);
    expect(await r.store.count()).to.equal(2);
    expect(r.opened.length).to.equal(2);
  });

  it('reopens only once per attempt: a later failure goes to memory at once', async () => {
    const broken = new DOMException('gone', 'InvalidStateError');
    const r = rig([broken, 'ok']);
    expect(await r.store.count()).to.equal(0);
    expect(r.opened.length).to.equal(2);
    await r.store.append(burst(['a']));
    // Now the reopened store fails too: no third open; memory at once, the operation done there.
    r.opened[1]!.mode = broken;
    const result = await r.store.append(burst(['b'], createNumbering('u')));
    expect(result.stored.map((e) => e.type)).to.deep.equal(['b']);
    expect(r.opened.length).to.equal(2);
    expect(r.degraded).to.deep.equal([{ reason: 'connection_lost', cause: broken }]);
    expect((await r.store.peek(10)).map((e) => e.type)).to.deep.equal(['b']);
  });

  it('says "degraded" once when many operations in flight all fail, and loses none of them', async () => {
    const full = new DOMException('full', 'QuotaExceededError');
    const r = rig([full, full]);
    const tab = createNumbering('t');
    const results = await Promise.all([
      r.store.append(tab.number([{ type: 'a', capturedAt: 1 }])),
      r.store.append(tab.number([{ type: 'b', capturedAt: 2 }])),
      r.store.append(tab.number([{ type: 'c', capturedAt: 3 }])),
      r.store.setValue('retry', { failures: 1 }),
    ]);
    expect(results).to.have.length(4);
    expect(r.degraded.map((d) => d.reason)).to.deep.equal(['quota_exceeded']);
    expect(r.opened.length).to.equal(2);
    expect((await r.store.peek(10)).map((e) => e.type)).to.deep.equal(['a', 'b', 'c']);
    expect(await r.store.getValue('retry')).to.deep.equal({ failures: 1 });
  });

  it('retries on the reopened store an operation that failed on the old connection after the reopen, without going to memory', async () => {
    const lost = new DOMException('closing', 'InvalidStateError');
    const scheduler = new VirtualTimeScheduler();
    const failures: ((cause: unknown) => void)[] = [];
    const degraded: string[] = [];
    const reopened = createMemoryEventStore(bounds);
    let opens = 0;
    // The first connection: every operation waits, then the connection is lost under all of them.
    const broken = new Proxy(
      {},
      { get: () => () => new Promise((_, reject) => failures.push(reject)) },
    ) as EventStore;
    const store = createResilientStore({
      open: () => (++opens === 1 ? broken : reopened),
      bounds,
      scheduler,
      opTimeoutMs: TIMEOUT_MS,
      onDegraded: (reason) => degraded.push(reason),
    });
    const tab = createNumbering('t');
    const a = store.append(tab.number([{ type: 'a', capturedAt: 1 }]));
    const b = store.append(tab.number([{ type: 'b', capturedAt: 2 }]));
    await settle();
    expect(failures).to.have.length(2);
    failures[0]!(lost);
    await a;
    // The first failure reopened and its retry succeeded; now the old connection fails the second.
    failures[1]!(lost);
    await b;
    expect(degraded).to.deep.equal([]);
    expect(opens).to.equal(2);
    expect((await reopened.peek(10)).map((e) => e.type)).to.deep.equal(['a', 'b']);
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['a', 'b']);
  });

  for (const [label, failure, reason] of [
    ['no IndexedDB at all', new ReferenceError('indexedDB is not defined'), 'unavailable'],
    ['a page that may not use it', new DOMException('denied', 'SecurityError'), 'unavailable'],
    ['a lost connection', new DOMException('closing', 'InvalidStateError'), 'connection_lost'],
    ['a full disk', new DOMException('full', 'QuotaExceededError'), 'quota_exceeded'],
    ['another failure', new TypeError('odd'), 'TypeError'],
  ] as const) {
    it(`names the reason for ${label}: ${reason}`, async () => {
      const r = rig([failure, failure]);
      await r.store.count();
      expect(r.degraded).to.deep.equal([{ reason, cause: failure }]);
    });
  }

  it('goes to memory when opening itself throws (no IndexedDB), twice, then never opens again', async () => {
    let opens = 0;
    const degraded: string[] = [];
    const store = createResilientStore({
      open: () => {
        opens += 1;
        throw new ReferenceError('indexedDB is not defined');
      },
      bounds,
      scheduler: new VirtualTimeScheduler(),
      opTimeoutMs: TIMEOUT_MS,
      onDegraded: (reason) => degraded.push(reason),
    });
    await store.append(burst(['a']));
    await store.append(burst(['b'], createNumbering('u')));
    expect((await store.peek(10)).map((e) => e.type)).to.deep.equal(['a', 'b']);
    expect(opens).to.equal(2);
    expect(degraded).to.deep.equal(['unavailable']);
  });
});

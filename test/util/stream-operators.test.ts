import { expect } from '@esm-bundle/chai';
import { NEVER, Observable, Subject, VirtualTimeScheduler } from 'rxjs';
import { auditWindow } from '../../src/util/audit-window.js';
import { completeOn } from '../../src/util/complete-on.js';
import { createRelay } from '../../src/util/create-relay.js';
import { debounceWindow } from '../../src/util/debounce-window.js';
import { deferObservable } from '../../src/util/defer-observable.js';
import { filterValues } from '../../src/util/filter-values.js';
import { fromDomEvent } from '../../src/util/from-dom-event.js';
import { mapInTurn } from '../../src/util/map-in-turn.js';
import { mapValues } from '../../src/util/map-values.js';
import { mergeStreams } from '../../src/util/merge-streams.js';
import { repeatEvery } from '../../src/util/repeat-every.js';
import { startWithValue } from '../../src/util/start-with-value.js';

// The page's own small operators in place of rxjs's general ones (issue 15): each keeps the rxjs
// behaviour the page relies on, checked here in virtual time.

/** Records what a stream emits, with the virtual time, and how it ends. */
function watch<T>(source: Observable<T>, scheduler?: VirtualTimeScheduler) {
  const seen: string[] = [];
  const at = () => (scheduler ? `@${String(scheduler.now())}` : '');
  const subscription = source.subscribe({
    next: (value) => seen.push(`${JSON.stringify(value)}${at()}`),
    error: (error: unknown) => seen.push(`error ${String(error)}${at()}`),
    complete: () => seen.push(`complete${at()}`),
  });
  return { seen, subscription };
}

/** Runs `act` when the virtual clock reaches `atMs`. */
function at(scheduler: VirtualTimeScheduler, atMs: number, act: () => void) {
  scheduler.schedule(act, atMs);
}

describe('the page’s stream operators', () => {
  it('debounceWindow emits the latest value once quiet, and what is pending on completion', () => {
    const scheduler = new VirtualTimeScheduler();
    const input = new Subject<number>();
    const { seen } = watch(input.pipe(debounceWindow(100, scheduler)), scheduler);
    at(scheduler, 0, () => {
      input.next(1);
    });
    at(scheduler, 50, () => {
      input.next(2);
    });
    at(scheduler, 120, () => {
      input.next(3);
    }); // moves the due time to 220
    at(scheduler, 400, () => {
      input.next(4);
    });
    at(scheduler, 450, () => {
      input.complete();
    });
    scheduler.flush();
    expect(seen).to.deep.equal(['3@220', '4@450', 'complete@450']);
  });

  it('debounceWindow sends a value its `now` picks at once, with nothing left pending', () => {
    const scheduler = new VirtualTimeScheduler();
    const input = new Subject<string>();
    const { seen } = watch(
      input.pipe(debounceWindow(100, scheduler, (value) => value.startsWith('change'))),
      scheduler,
    );
    at(scheduler, 0, () => {
      input.next('input 1');
    });
    at(scheduler, 30, () => {
      input.next('change 1');
    });
    at(scheduler, 60, () => {
      input.next('input 2');
    });
    scheduler.flush();
    expect(seen).to.deep.equal(['"change 1"@30', '"input 2"@160']);
  });

  it('auditWindow emits the latest value at the end of the window the first one opened', () => {
    const scheduler = new VirtualTimeScheduler();
    const input = new Subject<number>();
    const { seen } = watch(input.pipe(auditWindow(50, scheduler)), scheduler);
    at(scheduler, 10, () => {
      input.next(1);
    });
    at(scheduler, 30, () => {
      input.next(2);
    });
    at(scheduler, 100, () => {
      input.next(3);
    });
    at(scheduler, 110, () => {
      input.complete();
    }); // waits for the open window
    scheduler.flush();
    expect(seen).to.deep.equal(['2@60', '3@150', 'complete@150']);
  });

  it('the timed operators cancel their timer when unsubscribed', () => {
    const scheduler = new VirtualTimeScheduler();
    const input = new Subject<number>();
    const debounced = watch(input.pipe(debounceWindow(100, scheduler)), scheduler);
    const audited = watch(input.pipe(auditWindow(100, scheduler)), scheduler);
    input.next(1);
    debounced.subscription.unsubscribe();
    audited.subscription.unsubscribe();
    scheduler.flush();
    expect([...debounced.seen, ...audited.seen]).to.deep.equal([]);
    expect(input.observed).to.equal(false);
  });

  it('completeOn completes when the notifier emits, not when it completes, and passes its error', () => {
    const input = new Subject<number>();
    const stop = new Subject<void>();
    const { seen } = watch(input.pipe(completeOn(stop)));
    input.next(1);
    input.next(2);
    stop.next();
    input.next(3);
    expect(seen).to.deep.equal(['1', '2', 'complete']);
    expect(input.observed).to.equal(false);
    const quiet = new Subject<void>();
    const going = watch(new Subject<number>().pipe(completeOn(quiet)));
    quiet.complete();
    expect(going.seen).to.deep.equal([]);
    const failing = new Subject<void>();
    const failed = watch(NEVER.pipe(completeOn(failing)));
    failing.error(new Error('gone'));
    expect(failed.seen).to.deep.equal(['error Error: gone']);
  });

  it('deferObservable makes its source per subscriber, takes arrays, and errors on a throw', () => {
    let made = 0;
    const deferred = deferObservable(() => {
      made += 1;
      return [made, made * 10];
    });
    expect(made).to.equal(0);
    expect(watch(deferred).seen).to.deep.equal(['1', '10', 'complete']);
    expect(watch(deferred).seen).to.deep.equal(['2', '20', 'complete']);
    const inner = new Subject<string>();
    const { seen, subscription } = watch(deferObservable(() => inner));
    inner.next('a');
    subscription.unsubscribe();
    expect(seen).to.deep.equal(['"a"']);
    expect(inner.observed).to.equal(false);
    expect(
      watch(
        deferObservable((): number[] => {
          throw new Error('bad');
        }),
      ).seen,
    ).to.deep.equal(['error Error: bad']);
  });

  it('mergeStreams interleaves its sources and completes after the last one', () => {
    const a = new Subject<string>();
    const b = new Subject<string>();
    const { seen } = watch(mergeStreams(a, b));
    a.next('a1');
    b.next('b1');
    a.complete();
    b.next('b2');
    b.complete();
    expect(seen).to.deep.equal(['"a1"', '"b1"', '"b2"', 'complete']);
    expect(watch(mergeStreams()).seen).to.deep.equal(['complete']);
    const c = new Subject<string>();
    watch(mergeStreams(c, NEVER)).subscription.unsubscribe();
    expect(c.observed).to.equal(false);
  });

  it('startWithValue emits its value on subscribe, then the source', () => {
    const input = new Subject<number>();
    const { seen } = watch(input.pipe(startWithValue(undefined)));
    input.next(1);
    expect(seen).to.deep.equal(['undefined', '1']);
  });

  it('mapInTurn starts the first work at once, the next when it has ended, in order', async () => {
    const input = new Subject<number>();
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const { seen } = watch(
      input.pipe(
        mapInTurn(
          (n) =>
            new Promise<number>((resolve) => {
              started.push(n);
              finish.push(() => {
                resolve(n * 2);
              });
            }),
        ),
      ),
    );
    input.next(1);
    expect(started).to.deep.equal([1]); // in the caller's task
    input.next(2);
    input.next(3);
    input.complete();
    expect(started).to.deep.equal([1]);
    finish[0]!();
    await Promise.resolve();
    expect(started).to.deep.equal([1, 2]);
    finish[1]!();
    await Promise.resolve();
    finish[2]!();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).to.deep.equal(['2', '4', '6', 'complete']);
  });

  it('fromDomEvent listens in the capture phase, passively, until unsubscribed', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const subscription = fromDomEvent(target, 'ping').subscribe((event) => seen.push(event.type));
    target.dispatchEvent(new Event('ping'));
    subscription.unsubscribe();
    target.dispatchEvent(new Event('ping'));
    expect(seen).to.deep.equal(['ping']);
  });

  it('createRelay multicasts to its subscribers, from a snapshot, and completes late ones at once', () => {
    const relay = createRelay<number>();
    const first = watch(relay);
    let late: { seen: string[] } | undefined;
    relay.subscribe((value) => {
      // Subscribed during an emission: hears the next value, not this one.
      if (value === 1) late = watch(relay);
    });
    relay.next(1);
    relay.next(2);
    first.subscription.unsubscribe();
    relay.next(3);
    relay.complete();
    relay.next(4);
    expect(first.seen).to.deep.equal(['1', '2']);
    expect(late?.seen).to.deep.equal(['2', '3', 'complete']);
    expect(watch(relay).seen).to.deep.equal(['complete']);
  });

  it('mapValues and filterValues pass values, completion and errors on; a throw is the result’s error', () => {
    const input = createRelay<number>();
    const { seen } = watch(
      input.pipe(
        filterValues((n) => n % 2 === 1),
        mapValues((n) => {
          if (n > 4) throw new Error(`too big: ${String(n)}`);
          return n * 10;
        }),
      ),
    );
    [1, 2, 3, 4, 5, 7].forEach((n) => {
      input.next(n);
    });
    expect(seen).to.deep.equal(['10', '30', 'error Error: too big: 5']);
    const ends = watch(createRelay<number>().pipe(mapValues((n) => n)));
    const source = createRelay<number>();
    const done = watch(source.pipe(filterValues(() => true)));
    source.complete();
    expect(done.seen).to.deep.equal(['complete']);
    expect(ends.seen).to.deep.equal([]);
  });

  it('repeatEvery ticks each period until unsubscribed; a throwing tick neither stops it nor others', async () => {
    const scheduler = new VirtualTimeScheduler();
    const ticks: number[] = [];
    const other: number[] = [];
    const thrown: unknown[] = [];
    // The throw reaches the page's error handler, as rxjs reports a subscriber's: mocha's own
    // (window.onerror) is set aside for the run, so the report is read, not failed on.
    const mochaOnError = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      thrown.push(error);
      return true;
    };
    try {
      const subscription = repeatEvery(100, scheduler, () => {
        ticks.push(scheduler.now());
        if (scheduler.now() === 200) throw new Error('tick at 200');
      });
      repeatEvery(100, scheduler, () => other.push(scheduler.now()));
      at(scheduler, 450, () => {
        subscription.unsubscribe();
      });
      at(scheduler, 650, () => {
        scheduler.maxFrames = 0;
      });
      scheduler.maxFrames = 700;
      scheduler.flush();
      await new Promise((resolve) => setTimeout(resolve));
      expect(ticks).to.deep.equal([100, 200, 300, 400]);
      expect(other.slice(0, 6)).to.deep.equal([100, 200, 300, 400, 500, 600]);
      expect(thrown.map(String)).to.deep.equal(['Error: tick at 200']);
    } finally {
      window.onerror = mochaOnError;
    }
  });
});

import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler that compares with chai's deep equality. */
export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => {
    expect(actual).to.deep.equal(expected);
  });
}

/**
 * Virtual time for code that also meets real browser events, which a TestScheduler's synchronous
 * `run` cannot await: the clock stands still while the browser delivers them and moves only when
 * the test moves it. Work due now (a read left for a later task, a batch sent one tick later) runs
 * at {@link runDue}, as the event loop would run it; nothing moves time but {@link advanceBy}.
 */
export class VirtualClock extends VirtualTimeScheduler {
  /** Runs, in order, everything due within `ms` from now (what it schedules too), then stands at now + `ms`. */
  advanceBy(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advanceBy(${ms}): time only moves forward`);
    const to = this.frame + ms;
    this.maxFrames = to;
    this.flush();
    this.frame = to;
  }

  /** Runs what is due now, without moving time. */
  runDue(): void {
    this.advanceBy(0);
  }
}

import { expect } from '@esm-bundle/chai';
import { VirtualTimeScheduler } from 'rxjs';
import { createSessionClock } from '../../src/session/session-clock.js';

describe('the session clock (virtual time)', () => {
  function rig() {
    const scheduler = new VirtualTimeScheduler();
    const fired: string[] = [];
    const clock = createSessionClock({
      scheduler,
      warningsSec: [300, 60],
      onWarning: (secondsLeft) => fired.push(`warning ${secondsLeft} at ${scheduler.now()}`),
      onTimeUp: () => fired.push(`up at ${scheduler.now()}`),
    });
    return { scheduler, fired, clock };
  }

  it('warns 5 min and 1 min before the end and says when time is up', () => {
    const { scheduler, fired, clock } = rig();
    clock.correct(600);
    scheduler.flush();
    expect(fired).to.deep.equal(['warning 300 at 300000', 'warning 60 at 540000', 'up at 600000']);
  });

  it("re-bases on Canvas's count, never firing a warning twice", () => {
    const { scheduler, fired, clock } = rig();
    clock.correct(400);
    // Canvas says less time is left than the local clock thinks (the page's clock is off).
    scheduler.schedule(() => {
      clock.correct(200);
    }, 150_000);
    scheduler.flush();
    expect(fired).to.deep.equal(['warning 300 at 100000', 'warning 60 at 290000', 'up at 350000']);
  });

  it('has nothing to count for an untimed attempt', () => {
    const { scheduler, fired, clock } = rig();
    clock.correct(null);
    scheduler.flush();
    expect(fired).to.deep.equal([]);
  });

  it('drops the countdown when Canvas says the attempt has become untimed', () => {
    const { scheduler, fired, clock } = rig();
    clock.correct(400);
    scheduler.schedule(() => {
      clock.correct(null);
    }, 150_000);
    scheduler.flush();
    expect(fired).to.deep.equal(['warning 300 at 100000']);
  });

  it('fires nothing once stopped', () => {
    const { scheduler, fired, clock } = rig();
    clock.correct(400);
    clock.stop();
    scheduler.flush();
    expect(fired).to.deep.equal([]);
  });
});

import { expect } from '@esm-bundle/chai';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { createHeartbeat } from '../../src/record/heartbeat.js';
import { VirtualClock } from '../helpers/test-scheduler.js';

function heartbeatOn(clock: VirtualClock, monotonic: { ms: number }) {
  const recorded: CapturedEvent[] = [];
  const state = { focused: true, visible: true };
  const heartbeat = createHeartbeat({
    scheduler: clock,
    intervalMs: 15_000,
    monotonicNow: () => monotonic.ms,
    record: (event) => recorded.push(event),
    pageState: () => ({ ...state }),
    storage: () => 'indexeddb',
  });
  return { heartbeat, recorded, state };
}

describe('heartbeat', () => {
  it('beats at start and every interval, with cumulative counts by type and the time on both clocks', () => {
    const clock = new VirtualClock();
    const monotonic = { ms: 1000 };
    const { heartbeat, recorded, state } = heartbeatOn(clock, monotonic);
    heartbeat.beat('start');
    const running = heartbeat.start();
    heartbeat.count('window_blurred');
    heartbeat.count('window_focused');
    heartbeat.count('window_blurred');
    heartbeat.count('heartbeat');
    state.focused = false;
    monotonic.ms += 15_000;
    clock.advanceBy(15_000);
    running.unsubscribe();
    expect(recorded.map((event) => event.data)).to.deep.equal([
      {
        n: 1,
        reason: 'start',
        sent: {},
        focused: true,
        visible: true,
        wall_ms: null,
        mono_ms: null,
        store: 'indexeddb',
      },
      {
        n: 2,
        reason: 'interval',
        sent: { window_blurred: 2, window_focused: 1 },
        focused: false,
        visible: true,
        wall_ms: 15_000,
        mono_ms: 15_000,
        store: 'indexeddb',
      },
    ]);
    expect(recorded.every((event) => event.type === 'heartbeat')).to.equal(true);
  });

  it('shows a wall clock set forward as a difference between the two clocks', () => {
    const clock = new VirtualClock();
    const monotonic = { ms: 0 };
    const { heartbeat, recorded } = heartbeatOn(clock, monotonic);
    heartbeat.beat('start');
    clock.advanceBy(60_000); // the wall clock moved a minute…
    monotonic.ms += 2000; // …in two seconds of real time
    heartbeat.beat('hidden');
    expect(recorded[1]!.data).to.deep.include({ reason: 'hidden', wall_ms: 60_000, mono_ms: 2000 });
  });
});

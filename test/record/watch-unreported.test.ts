import { expect } from '@esm-bundle/chai';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { watchUnreported } from '../../src/record/watch-unreported.js';
import { VirtualClock } from '../helpers/test-scheduler.js';

function watching(state = { focused: true, visible: true }) {
  const clock = new VirtualClock();
  // The monotonic clock moves with virtual time unless a test holds the page.
  const held = { ms: 0 };
  const recorded: CapturedEvent[] = [];
  const watch = watchUnreported({
    scheduler: clock,
    sampleMs: 2000,
    thresholdMs: 10_000,
    pageState: () => ({ ...state }),
    monotonicNow: () => clock.now() + held.ms,
    stallMs: 5000,
    focus: true,
    visibility: true,
    record: (event) => recorded.push(event),
  });
  const running = watch.start();
  const summary = () => recorded.map(({ type, data, capturedAt }) => ({ type, data, at: capturedAt }));
  return { clock, state, watch, running, summary, held };
}

describe('departures no event reported', () => {
  it('records tamper_suspected and the true departure with its length once it has lasted 10 s', () => {
    const { clock, state, running, summary } = watching(); // baseline at start: present
    state.focused = false; // a script stopped the blur: no event says so
    clock.advanceBy(12_000);
    state.focused = true;
    clock.advanceBy(2000);
    running.unsubscribe();
    expect(summary()).to.deep.equal([
      { type: 'tamper_suspected', data: { reason: 'focus_unreported', since_ms: 10_000 }, at: 12_000 },
      { type: 'window_blurred', data: { sampled: true }, at: 12_000 },
      { type: 'window_focused', data: { away_ms: 12_000, sampled: true }, at: 14_000 },
    ]);
  });

  it('says nothing of a departure the events reported, however long', () => {
    const { clock, state, watch, running, summary } = watching();
    clock.advanceBy(2000);
    state.visible = false;
    state.focused = false;
    watch.saw('page_hidden');
    watch.saw('window_blurred');
    clock.advanceBy(60_000);
    state.visible = true;
    state.focused = true;
    watch.saw('page_visible');
    watch.saw('window_focused');
    clock.advanceBy(4000);
    running.unsubscribe();
    expect(summary()).to.deep.equal([]);
  });

  it('says nothing of a change the focus throttle holds back for 5 s, nor of a page that starts unfocused', () => {
    const { clock, state, watch, running, summary } = watching({ focused: false, visible: true });
    clock.advanceBy(30_000); // unfocused from the start: the baseline, no blur event could come
    state.focused = true;
    watch.saw('window_focused');
    clock.advanceBy(2000);
    // A blur the throttle holds back until its window ends, 5 s later.
    state.focused = false;
    clock.advanceBy(5000);
    watch.saw('window_blurred');
    clock.advanceBy(30_000);
    running.unsubscribe();
    expect(summary()).to.deep.equal([]);
  });

  it('ends an episode without a record when the events catch up before 10 s', () => {
    const { clock, state, watch, running, summary } = watching();
    clock.advanceBy(2000);
    state.visible = false;
    clock.advanceBy(8000);
    watch.saw('page_hidden');
    clock.advanceBy(20_000);
    running.unsubscribe();
    expect(summary()).to.deep.equal([]);
  });

  it('records a visible page held 5 s or more as page_stalled, and not a hidden page slowed by the browser', () => {
    const { clock, state, running, summary, held } = watching();
    clock.advanceBy(2000);
    held.ms += 8000; // the debugger held the page 8 s between two samples
    clock.advanceBy(2000);
    state.visible = false;
    state.focused = false;
    clock.advanceBy(2000);
    held.ms += 60_000; // hidden: the browser slows its timers
    clock.advanceBy(2000);
    running.unsubscribe();
    expect(summary().filter((event) => event.type === 'page_stalled')).to.deep.equal([
      { type: 'page_stalled', data: { stalled_ms: 8000 }, at: 4000 },
    ]);
  });
});

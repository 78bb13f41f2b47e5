import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import { createCapture } from '../../src/capture/create-capture.js';
import { testScheduler } from '../helpers/test-scheduler.js';
import { capture, cleanUp, click, memoryOf, mount, only, until } from './capture-fixtures.js';

const away = (state: boolean) => executeServerCommand('page-focus', { away: state });

/** The rich content editor: a same-origin iframe with an editable body, loaded. */
async function mountEditor(): Promise<HTMLIFrameElement> {
  const frame = mount(document.createElement('iframe'));
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  frame.srcdoc = '<body contenteditable style="height:100px">essay</body>';
  await loaded;
  return frame;
}

// Past every timing rule of capture (the focus throttle is 5 s): whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

describe('page_blurred / page_focused in a real browser', () => {
  afterEach(cleanUp);

  it('records leaving for another tab and coming back, with no event_data key', async () => {
    const capturing = capture(only('captureFocus'));
    await away(true);
    await until(() => capturing.events.length === 1, 'page_blurred', capturing.clock);
    await away(false);
    await until(() => capturing.events.length === 2, 'page_focused', capturing.clock);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.type)).to.deep.equal(['page_blurred', 'page_focused']);
    for (const event of capturing.events) expect(event).to.not.have.property('data');
  });

  it('records a real blur during the blur itself on a page without frames: no task is needed', async () => {
    const capturing = capture(only('captureFocus'));
    const seenAtEndOfBlur: number[] = [];
    const atEnd = (event: Event) => {
      if (event.target === window) seenAtEndOfBlur.push(capturing.events.length);
    };
    window.addEventListener('blur', atEnd);
    try {
      await away(true);
      await until(() => seenAtEndOfBlur.length === 1, 'the blur');
    } finally {
      window.removeEventListener('blur', atEnd);
      await away(false);
    }
    capturing.subscription.unsubscribe();
    expect(seenAtEndOfBlur).to.deep.equal([1]);
    expect(capturing.events[0]!.type).to.equal('page_blurred');
  });

  it('does not count focus moving into the rich content editor (a same-origin iframe) as a blur, but does count leaving from it', async () => {
    const frame = await mountEditor();
    const capturing = capture(only('captureFocus'));
    // Firefox blurs the window before it moves the focus into the frame (Chromium after): during the
    // blur the page looks left. Nothing may be recorded once the focus has settled in the editor.
    await click(frame);
    await until(() => document.activeElement === frame && document.hasFocus(), 'focus in the editor');
    // Any read left for later, and anything a throttle holds back, is done with.
    capturing.clock.advanceBy(LONG_AFTER_MS);
    expect(capturing.events).to.deep.equal([]);
    // Canvas never sees this: its window hears nothing once focus is in the iframe.
    await away(true);
    await until(() => capturing.events.length === 1, 'page_blurred from inside the iframe', capturing.clock);
    await away(false);
    await until(() => capturing.events.length === 2, 'page_focused back into the iframe', capturing.clock);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.type)).to.deep.equal(['page_blurred', 'page_focused']);
  });

  it('records leaving from an answer field at once, and leaving from the page itself after the blur, with the editor on the page', async () => {
    await mountEditor();
    const input = mount(document.createElement('input'));
    input.focus();
    // No throttle: the second blur comes within 5 s of the first.
    const capturing = capture({ ...only('captureFocus'), focusThrottleMs: 0 });
    const seenAtEndOfBlur: number[] = [];
    const atEnd = (event: Event) => {
      if (event.target === window) seenAtEndOfBlur.push(capturing.ofType('page_blurred').length);
    };
    window.addEventListener('blur', atEnd);
    try {
      await away(true);
      await until(
        () => capturing.ofType('page_blurred').length === 1,
        'page_blurred from the field',
        capturing.clock,
      );
      await away(false);
      await until(() => capturing.ofType('page_focused').length === 1, 'page_focused', capturing.clock);
      // An element still holding the focus during the blur means it did not move into the editor.
      expect(seenAtEndOfBlur).to.deep.equal([1]);
      input.blur();
      // From the body, the blur cannot tell in Firefox whether the focus goes to the editor: one task later.
      await away(true);
      await until(
        () => capturing.ofType('page_blurred').length === 2,
        'page_blurred from the body',
        capturing.clock,
      );
    } finally {
      window.removeEventListener('blur', atEnd);
      await away(false);
    }
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.type)).to.deep.equal([
      'page_blurred',
      'page_focused',
      'page_blurred',
      'page_focused',
    ]);
  });

  it('does not record a focus that follows no recorded blur', () => {
    const capturing = capture(only('captureFocus'));
    window.dispatchEvent(new FocusEvent('focus'));
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(capturing.events).to.deep.equal([]);
  });
});

describe('page_blurred / page_focused timing (virtual time, window events)', () => {
  const blur = () => window.dispatchEvent(new FocusEvent('blur'));
  const focus = () => window.dispatchEvent(new FocusEvent('focus'));

  it('blur twice within 5 s and stay away: the record ends as away', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      cold('-b 998ms f 999ms b', { b: blur, f: focus }).subscribe((act) => act());
      const capture$ = createCapture(only('captureFocus'), {
        target: window,
        scheduler: asyncScheduler,
        memory: memoryOf(),
      });
      // Blur at 1 ms (read one task later, as Canvas does), focus at 1 s, blur at 2 s held until the
      // first blur's 5 s window ends.
      expectObservable(capture$, '^ 10s !').toBe('-a 998ms b 4000ms c', {
        a: { type: 'page_blurred', capturedAt: 1 },
        b: { type: 'page_focused', capturedAt: 1000 },
        c: { type: 'page_blurred', capturedAt: 5001 },
      });
    });
  });

  it('records a change still held back when stop$ fires, then completes', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      cold('-b 998ms f 999ms b', { b: blur, f: focus }).subscribe((act) => act());
      const stop$ = hot<unknown>('3s s');
      const capture$ = createCapture(only('captureFocus'), {
        target: window,
        scheduler: asyncScheduler,
        memory: memoryOf(),
        stop$,
      });
      expectObservable(capture$).toBe('-a 998ms b 1999ms (c|)', {
        a: { type: 'page_blurred', capturedAt: 1 },
        b: { type: 'page_focused', capturedAt: 1000 },
        c: { type: 'page_blurred', capturedAt: 3000 },
      });
    });
  });

  it('measures away_ms from the moments the page left and came back, not when the throttle let them through', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      cold('-b 5998ms f 999ms b 1999ms f', { b: blur, f: focus }).subscribe((act) => act());
      const capture$ = createCapture(only('captureFocus'), {
        target: window,
        scheduler: asyncScheduler,
        memory: memoryOf(),
        withoutCanvasTypes: true,
      });
      // A 2 s look away at 7 s, 1 s after the first return: its return at 9 s is held until the first
      // return's 5 s window ends (11 s), and is still 2 s away.
      expectObservable(capture$, '^ 20s !').toBe('-a 5998ms b 999ms c 3999ms d', {
        a: { type: 'window_blurred', data: {}, capturedAt: 1 },
        b: { type: 'window_focused', data: { away_ms: 5999 }, capturedAt: 6000 },
        c: { type: 'window_blurred', data: {}, capturedAt: 7000 },
        d: { type: 'window_focused', data: { away_ms: 2000 }, capturedAt: 11_000 },
      });
    });
  });

  it('takes the throttle from focusThrottleMs', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      cold('-b 99ms f 99ms b', { b: blur, f: focus }).subscribe((act) => act());
      const capture$ = createCapture(
        { ...only('captureFocus'), focusThrottleMs: 1000 },
        { target: window, scheduler: asyncScheduler, memory: memoryOf() },
      );
      expectObservable(capture$, '^ 5s !').toBe('-a 99ms b 899ms c', {
        a: { type: 'page_blurred', capturedAt: 1 },
        b: { type: 'page_focused', capturedAt: 101 },
        c: { type: 'page_blurred', capturedAt: 1001 },
      });
    });
  });
});

describe('page_hidden / page_visible in a real browser', () => {
  it('records the page being hidden behind another tab and for how long', async () => {
    const capturing = capture(only('captureVisibility'));
    await away(true);
    await until(() => capturing.events.length === 1, 'page_hidden', capturing.clock);
    capturing.clock.advanceBy(150);
    await away(false);
    await until(() => capturing.events.length === 2, 'page_visible', capturing.clock);
    capturing.subscription.unsubscribe();
    const [hidden, visible] = capturing.events;
    expect(hidden).to.include({ type: 'page_hidden' });
    expect(hidden!.data).to.deep.equal({});
    expect(visible!.type).to.equal('page_visible');
    const { hidden_ms } = visible!.data as { hidden_ms: number };
    expect(hidden_ms).to.equal(150);
    expect(hidden_ms).to.equal(visible!.capturedAt - hidden!.capturedAt);
  });

  it('records nothing while the page stays visible', () => {
    const capturing = capture(only('captureVisibility'));
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(capturing.events).to.deep.equal([]);
  });
});

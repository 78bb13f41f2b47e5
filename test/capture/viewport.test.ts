import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { asyncScheduler } from 'rxjs';
import { fromViewport } from '../../src/capture/from-viewport.js';
import { testScheduler } from '../helpers/test-scheduler.js';
import { capture, cleanUp, frames, only, until } from './capture-fixtures.js';

// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

/** What the page has been told of its viewport so far: each resize (size and ratio) and ratio change. */
function watchViewport() {
  const seen: string[] = [];
  const onResize = () => seen.push(`resize ${innerWidth}x${innerHeight}@${devicePixelRatio}`);
  const ratio = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
  const onRatio = () => seen.push(`ratio ${devicePixelRatio}`);
  window.addEventListener('resize', onResize);
  ratio.addEventListener('change', onRatio);
  return {
    has: (what: string) => seen.includes(what),
    stop() {
      window.removeEventListener('resize', onResize);
      ratio.removeEventListener('change', onRatio);
    },
  };
}

describe('window_resized / screen_changed in a real browser', () => {
  afterEach(cleanUp);

  it('reads the screen at start, with screen.isExtended where the browser has it', async () => {
    const capturing = capture(only('captureScreen'));
    await until(() => capturing.events.length === 1, 'screen_changed');
    capturing.subscription.unsubscribe();
    // Chromium has screen.isExtended (false on one monitor); Firefox does not, and the key is left out.
    const extended = 'isExtended' in screen ? { is_extended: false } : {};
    expect(capturing.events[0]!.data).to.deep.equal({
      width_px: screen.width,
      height_px: screen.height,
      device_pixel_ratio: devicePixelRatio,
      ...extended,
      initial: true,
    });
  });

  it('records a resize once it settles, and a change of pixel ratio (zoom)', async () => {
    const capturing = capture({ ...only('captureWindowSize'), resizeDebounceMs: 400 });
    const { clock } = capturing;
    const viewport = watchViewport();
    try {
      await setViewport({ width: 700, height: 500 });
      await setViewport({ width: 640, height: 480 });
      // The clock stands still while the burst comes in: it settles once the debounce has passed.
      await until(() => viewport.has('resize 640x480@1'), 'the resize events');
      clock.advanceBy(399);
      expect(capturing.events).to.deep.equal([]);
      clock.advanceBy(1);
      expect(capturing.events).to.have.length(1);
      // Browser zoom: CSS size and pixel ratio change together. (Chromium's emulation of a ratio change
      // alone fires neither resize nor the media query change, so that case is not reproducible here.)
      await setViewport({ width: 500, height: 400, deviceScaleFactor: 2 });
      await until(
        () => viewport.has('resize 500x400@2') && viewport.has('ratio 2'),
        'the resize and the ratio change',
      );
      clock.advanceBy(400);
      expect(capturing.events).to.have.length(2);
      await frames();
      clock.advanceBy(LONG_AFTER_MS);
    } finally {
      viewport.stop();
    }
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([
      {
        width_px: 640,
        height_px: 480,
        outer_width_px: outerWidth,
        outer_height_px: outerHeight,
        device_pixel_ratio: 1,
      },
      {
        width_px: 500,
        height_px: 400,
        outer_width_px: outerWidth,
        outer_height_px: outerHeight,
        device_pixel_ratio: 2,
      },
    ]);
  });
});

/** A window on a screen the test controls: headless Chromium cannot plug in a monitor. */
function fakeWindow() {
  const screen = Object.assign(new EventTarget(), {
    width: 1920,
    height: 1080,
    isExtended: false,
    onchange: null,
  });
  const target = Object.assign(new EventTarget(), {
    screen,
    innerWidth: 1200,
    innerHeight: 800,
    outerWidth: 1200,
    outerHeight: 900,
    devicePixelRatio: 1,
    matchMedia: () => new EventTarget(),
  });
  return { target: target as unknown as Window, screen };
}

describe('screen_changed (virtual time, a controlled screen)', () => {
  it('records the window moving to another screen, and a monitor being plugged in, once each', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const { target, screen } = fakeWindow();
      cold('10ms a 9ms b 99ms c 99ms d', {
        // Moved to a bigger screen: change, then a resize burst.
        a: () => {
          Object.assign(screen, { width: 2560, height: 1440 });
          screen.dispatchEvent(new Event('change'));
        },
        b: () => target.dispatchEvent(new Event('resize')),
        c: () => {
          screen.isExtended = true;
          screen.dispatchEvent(new Event('change'));
        },
        d: () => target.dispatchEvent(new Event('resize')), // nothing changed
      }).subscribe((act) => act());
      const screen$ = fromViewport(target, asyncScheduler, {
        captureWindowSize: false,
        captureScreen: true,
        resizeDebounceMs: 50,
      });
      expectObservable(screen$, '^ 1s !').toBe('a 69ms b 99ms c', {
        a: {
          type: 'screen_changed',
          data: { width_px: 1920, height_px: 1080, device_pixel_ratio: 1, is_extended: false, initial: true },
          capturedAt: 0,
        },
        b: {
          type: 'screen_changed',
          data: {
            width_px: 2560,
            height_px: 1440,
            device_pixel_ratio: 1,
            is_extended: false,
            initial: false,
          },
          capturedAt: 70,
        },
        c: {
          type: 'screen_changed',
          data: { width_px: 2560, height_px: 1440, device_pixel_ratio: 1, is_extended: true, initial: false },
          capturedAt: 170,
        },
      });
    });
  });
});

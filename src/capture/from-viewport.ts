import { EMPTY, Observable, type SchedulerLike } from 'rxjs';
import { debounceWindow } from '../util/debounce-window.js';
import { mergeStreams } from '../util/merge-streams.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureContext } from './capture-context.js';
import { captureEvent } from './capture-event.js';
import type { CaptureEventDataMap } from '../events/event-data.js';
import { fromDomEvent } from '../util/from-dom-event.js';
import { listen } from './listen.js';

type ScreenReading = Omit<CaptureEventDataMap['screen_changed'], 'initial'>;

function readWindow(target: Window): CaptureEventDataMap['window_resized'] {
  return {
    width_px: target.innerWidth,
    height_px: target.innerHeight,
    outer_width_px: target.outerWidth,
    outer_height_px: target.outerHeight,
    device_pixel_ratio: target.devicePixelRatio,
  };
}

function readScreen(target: Window): ScreenReading {
  const screen = target.screen as Screen & { isExtended?: boolean };
  const reading: ScreenReading = {
    width_px: screen.width,
    height_px: screen.height,
    device_pixel_ratio: target.devicePixelRatio,
  };
  // Window Management API (Chromium): more than one screen attached.
  if (typeof screen.isExtended === 'boolean') reading.is_extended = screen.isExtended;
  return reading;
}

// The screen proper: a density change alone (browser zoom) is the window's business.
const screenKey = ({ width_px, height_px, is_extended }: ScreenReading) =>
  `${width_px}x${height_px}:${String(is_extended)}`;

// Fires when devicePixelRatio changes: a media query for the current ratio, re-armed after each change.
// By hand, not defer + take(1) + repeat(): repeat is used nowhere else (0.2 kB of the page bundle).
function fromPixelRatioChanges(target: Window): Observable<unknown> {
  if (typeof target.matchMedia !== 'function') return EMPTY;
  return new Observable((subscriber) => {
    let unlisten: () => void;
    const arm = () => {
      unlisten = listen(target.matchMedia(`(resolution: ${target.devicePixelRatio}dppx)`), ['change'], () => {
        unlisten();
        subscriber.next(undefined);
        if (!subscriber.closed) arm();
      });
    };
    arm();
    return () => {
      unlisten();
    };
  });
}

/**
 * `window_resized` when the viewport size or the pixel ratio settles on new values, and
 * `screen_changed` at start and when the screen under the window changes (size, `isExtended`).
 * Resize bursts are coalesced: sizes are read once, `debounceMs` after the last event.
 */
export function fromViewport(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'captureWindowSize' | 'captureScreen' | 'resizeDebounceMs'>,
): Observable<CapturedEvent> {
  // One subscription is one watch: it reads the sizes at start, then once per settled change.
  return new Observable<CapturedEvent>((subscriber) => {
    let lastWindow = JSON.stringify(readWindow(target));
    const firstScreen = readScreen(target);
    let lastScreen = screenKey(firstScreen);
    // Screen is an EventTarget where the Window Management API exists, though TypeScript's DOM types lag.
    const screenChanges$ =
      'onchange' in target.screen ? fromDomEvent(target.screen as unknown as EventTarget, 'change') : EMPTY;
    if (opts.captureScreen)
      subscriber.next(captureEvent('screen_changed', { ...firstScreen, initial: true }, scheduler));
    // Each settled change reads the sizes once and records up to two events.
    return mergeStreams(fromDomEvent(target, 'resize'), screenChanges$, fromPixelRatioChanges(target))
      .pipe(debounceWindow(opts.resizeDebounceMs, scheduler))
      .subscribe({
        next: () => {
          const window = readWindow(target);
          const windowKey = JSON.stringify(window);
          if (opts.captureWindowSize && windowKey !== lastWindow)
            subscriber.next(captureEvent('window_resized', window, scheduler));
          lastWindow = windowKey;
          const screen = readScreen(target);
          if (opts.captureScreen && screenKey(screen) !== lastScreen)
            subscriber.next(captureEvent('screen_changed', { ...screen, initial: false }, scheduler));
          lastScreen = screenKey(screen);
        },
        // No complete: window resizes never end.
        error: (error: unknown) => {
          subscriber.error(error);
        },
      });
  });
}

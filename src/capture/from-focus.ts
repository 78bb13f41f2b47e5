import {
  defer,
  filter,
  map,
  merge,
  NEVER,
  Observable,
  takeUntil,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import type { CapturedEvent } from '../pipeline/event-record.js';
import { afterPageHandlers } from './after-page-handlers.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from './from-dom-event.js';
import { throttleChanges } from './throttle-changes.js';

const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);

// The focused iframe's window when the page can listen to it (same origin), else undefined.
function focusedFrameWindow(doc: Document): Window | undefined {
  const element = doc.activeElement;
  if (!element || !FRAME_TAGS.has(element.tagName)) return undefined;
  const frame = (element as HTMLIFrameElement).contentWindow;
  try {
    // Reading a cross-origin frame's document throws: such a frame cannot be watched.
    return frame?.document.defaultView === frame ? (frame ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

// Whether the page has the user's focus, as window focus and blur events say (true: present).
// A blur that moved focus into an iframe of the page (the rich content editor) is not away, as in
// Canvas; unlike Canvas, focus leaving that iframe for another window is, so a same-origin iframe
// holding the focus is watched too (one at a time).
function fromPresence(target: Window, scheduler: SchedulerLike): Observable<boolean> {
  return new Observable<boolean>((subscriber) => {
    const doc = target.document;
    let watched: Window | undefined;
    let watching: Subscription | undefined;
    const forward = {
      next: (present: boolean) => {
        subscriber.next(present);
        watchFocusedFrame();
      },
      error: (error: unknown) => {
        subscriber.error(error);
      },
    };
    // Focus lands on the iframe only after the window's blur, so look one task later, as Canvas does.
    const ownBlur = (source: Window) =>
      fromDomEvent(source, 'blur').pipe(filter((event) => event.target === source));
    const ownFocus = (source: Window) =>
      fromDomEvent(source, 'focus').pipe(filter((event) => event.target === source));
    function watchFocusedFrame() {
      const frame = focusedFrameWindow(doc);
      if (frame === watched) return;
      watching?.unsubscribe();
      watched = frame;
      watching = frame
        ? merge(
            ownBlur(frame).pipe(
              afterPageHandlers(scheduler),
              map(() => doc.hasFocus()),
            ),
            ownFocus(frame).pipe(map(() => true)),
          ).subscribe(forward)
        : undefined;
    }
    const main = merge(
      ownFocus(target).pipe(map(() => true)),
      ownBlur(target).pipe(
        afterPageHandlers(scheduler),
        map(() => FRAME_TAGS.has(doc.activeElement?.tagName ?? '')),
      ),
    ).subscribe(forward);
    watchFocusedFrame();
    return () => {
      main.unsubscribe();
      watching?.unsubscribe();
    };
  });
}

export interface FocusOptions {
  /** Shortest time between two records of the same state. @default 5000 */
  throttleMs?: number;
  stop$?: Observable<unknown>;
}

/**
 * `page_blurred` and `page_focused` (no `event_data`), with Canvas's rules: a blur into an iframe of
 * the page is not a blur, a focus counts only after a recorded blur, and each is throttled (5 s,
 * leading edge). Unlike Canvas, a change the throttle holds back is recorded when the throttle
 * allows, so the record always ends in the true state.
 */
export function fromFocus(
  target: Window,
  scheduler: SchedulerLike,
  opts: FocusOptions = {},
): Observable<CapturedEvent> {
  return defer(() => {
    // Stopping completes the presence, and completion makes the throttle record what it holds back.
    // Present at start, as Canvas assumes: document.hasFocus() is also false when the focused
    // element was removed while the window keeps focus, and no focus event would ever correct that.
    const presence$ = fromPresence(target, scheduler).pipe(takeUntil(opts.stop$ ?? NEVER));
    return presence$.pipe(
      throttleChanges(true, opts.throttleMs ?? 5000, scheduler),
      map((present) => captureEvent(present ? 'page_focused' : 'page_blurred', undefined, scheduler)),
    );
  });
}
